/**
 * The PostgreSQL store (issue 9): the same Store as the file store, kept in PostgreSQL
 * (`STORE=postgres`, `DATABASE_URL`).
 *
 * Design. The Store port's transactions are synchronous callbacks over a consistent view, so, as
 * in the file store, the whole image is loaded into memory at open and reads never wait for the
 * database. Each `transact` runs through the shared transactor (src/store/tx.ts: serialised, the
 * callback's writes buffered, records deep-frozen JSON) and its puts and deletes are committed in
 * ONE SQL transaction before the promise resolves: "append a ledger entry + update the
 * conversation" is one write, and nothing is written when the callback throws. SQL writes go out
 * in commit order over one connection.
 *
 * Tables come from versioned SQL migrations (./migrations.ts), run at open and by
 * `npm run cli -- db migrate`. The data's schemaVersion and the domain migrations apply as in the
 * file store: older data is migrated at open (one SQL transaction), newer data is refused with
 * STORE_VERSION.
 *
 * One process per database schema for now, guarded by an advisory lock (./connect.ts); several
 * processes sharing a database is the next step of issue 9.
 */
import type pg from 'pg';
import { CodedError } from '../../core/errors.js';
import { fromImage, migrateImage, toImage } from '../image.js';
import type { DataImage, Schema, Store, StoreOptions } from '../port.js';
import { createTransactor, openOnly, type Collections } from '../tx.js';
import { connect, describeTarget, pgError, takeLock, type PostgresTarget } from './connect.js';
import { runSqlMigrations } from './migrations.js';
import { countAll, loadAll, writeImage, writeOps } from './sql.js';

export { describeTarget, type PostgresTarget } from './connect.js';
export { runSqlMigrations, SQL_MIGRATIONS } from './migrations.js';

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions extends StoreOptions, PostgresTarget {
  /** Structured events (`store.open`, `store.migrated`); never record data or the URL. */
  readonly log?: (event: string, fields: Record<string, unknown>) => void;
}

/** The PostgreSQL store, plus what `db import-from-file` / `export-to-file` need. */
export interface PostgresStore<S extends Schema> extends Store<S> {
  /** A deep copy of all data, ids included, as of now. */
  image(): Promise<DataImage>;
  /** Replaces all data with `image` (migrated first if older) in one SQL transaction. */
  replaceAll(image: DataImage): Promise<void>;
  /** Record counts per collection read back from the database (not from memory). */
  countInDatabase(): Promise<Record<string, number>>;
}

/**
 * Connects with `DATABASE_URL` (`o.url`), takes the advisory lock, runs the SQL migrations, loads
 * and (if older) migrates the data, e.g.
 * `await openPostgresStore<DataSchema>({ ...storeOptions, url: config.DATABASE_URL })`.
 *
 * @throws CodedError STORE_IO when the database cannot be reached or another process holds the
 * schema (message names the database, never the password), STORE_VERSION for newer data.
 */
export const openPostgresStore = async <S extends Schema>(
  options: PostgresStoreOptions,
): Promise<PostgresStore<S>> => {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const { client, target } = await connect(options);
  const o = { ...options, schema: target.schema };
  const where = describeTarget(o);
  let data: Collections;
  try {
    await takeLock(client, o);
    await runSqlMigrations(client);
    const loaded = await loadAll(client);
    const found = {
      schemaVersion: loaded.found ? loaded.schemaVersion : o.schemaVersion,
      collections: loaded.collections,
    };
    const image = migrateImage(found, o, where);
    if (!loaded.found || loaded.schemaVersion < o.schemaVersion) {
      await writeImage(client, image);
      if (loaded.found) log('store.migrated', { where, from: loaded.schemaVersion, to: o.schemaVersion });
    }
    data = fromImage(image, o.collections);
  } catch (e) {
    await client.end().catch(() => {});
    throw pgError(o, 'opening', e);
  }
  const store = startPostgresStore<S>(client, data, o);
  let records = 0;
  for (const m of data.values()) records += m.size;
  log('store.open', {
    where,
    schemaVersion: o.schemaVersion,
    records,
    ms: Math.round(performance.now() - started),
  });
  return store;
};

const startPostgresStore = <S extends Schema>(
  client: pg.Client,
  data: Collections,
  o: PostgresStoreOptions,
): PostgresStore<S> => {
  // SQL writes in commit order: each waits for the one before it, whatever that one's outcome.
  let writes: Promise<void> = Promise.resolve();
  const t = createTransactor<S>(data, (ops) => {
    if (ops.length === 0) return writes;
    const w = writes.catch(() => {}).then(() => writeOps(client, ops));
    writes = w.catch(() => {});
    return w.catch((e: unknown) => Promise.reject(pgError(o, 'committing a transaction', e)));
  });
  let closed = false;
  const ensureOpen = () => {
    if (closed)
      throw new CodedError(
        'STORE_IO',
        `The PostgreSQL store (${describeTarget(o)}) is closed; open it again.`,
      );
  };
  return {
    ...openOnly(t, ensureOpen),
    image: async () => {
      ensureOpen();
      return t.exclusive(() => toImage(data, o.schemaVersion));
    },
    replaceAll: async (image) => {
      ensureOpen();
      await t.exclusive(async () => {
        await writes;
        const current = migrateImage(structuredClone(image), o, 'the imported data');
        await writeImage(client, current).catch((e: unknown) =>
          Promise.reject(pgError(o, 'replacing all data', e)),
        );
        data.clear();
        for (const [c, m] of fromImage(current, o.collections)) data.set(c, m);
      });
    },
    countInDatabase: async () => {
      ensureOpen();
      return t.exclusive(async () => {
        await writes;
        return countAll(client);
      });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await t.exclusive(() => writes);
      } finally {
        // Ending the session releases the advisory lock.
        await client.end().catch(() => {});
      }
    },
  };
};
