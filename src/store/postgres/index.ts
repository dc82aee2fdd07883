/**
 * The PostgreSQL store (issue 9): the same Store as the file store, kept in PostgreSQL
 * (`STORE=postgres`, `DATABASE_URL`), and shared by several processes (a region).
 *
 * Design. The Store port's transactions are synchronous callbacks over a consistent view, so, as
 * in the file store, each process holds the whole image in memory and reads never wait for the
 * database. What makes several processes safe is the commit lock: every `transact` begins an SQL
 * transaction and takes the one row of `store_clock` FOR UPDATE, so transactions of all processes
 * on a schema run one at a time. Holding the lock, the process first applies the changes other
 * processes committed since its image (the `changes` table: each commit's ops, numbered by
 * `rev`), then runs the callback on an up-to-date image, then writes its puts and deletes, the
 * next `rev` and its change in one statement, and commits. So a transaction always sees the
 * latest data of every process, "append a ledger entry + update the conversation" is one write,
 * nothing is written when the callback throws, and a claim made in a transaction (a job marked
 * done, an outbox row marked `sending`) is seen by every later transaction anywhere.
 *
 * Between transactions an idle process catches up when another one commits (LISTEN/NOTIFY,
 * every `pollMs` as a fallback) and tells its watchers ({@link Store.watch}) which collections
 * changed, so the scheduler and the outbox wake for work written elsewhere. A process further
 * behind than the change log reaches (pruned) reloads the whole image.
 *
 * Tables come from versioned SQL migrations (./migrations.ts), run at open and by
 * `npm run cli -- db migrate`. The data's schemaVersion and the domain migrations apply as in the
 * file store: older data is migrated at open (one SQL transaction, under the commit lock), newer
 * data is refused with STORE_VERSION (also when a newer process migrates it while this one runs).
 */
import pg from 'pg';
import { CodedError } from '../../core/errors.js';
import { assertNotNewer, fromImage, migrateImage, toImage } from '../image.js';
import type { DataImage, Schema, Store, StoreOptions, WriteTx } from '../port.js';
import {
  applyOps,
  createMutex,
  createReadTx,
  deepFreeze,
  runBuffered,
  type Collections,
  type Op,
} from '../tx.js';
import { connect, describeTarget, notifyChannel, pgError, type PostgresTarget } from './connect.js';
import { runSqlMigrations } from './migrations.js';
import {
  beginLocked,
  changesSince,
  countAll,
  loadAll,
  pruneChanges,
  writeImage,
  writeOps,
  type PgLoaded,
} from './sql.js';

export { describeTarget, type PostgresTarget } from './connect.js';
export { runSqlMigrations, SQL_MIGRATIONS } from './migrations.js';

/** Every this many commits the change log is pruned ... */
const PRUNE_EVERY = 1000;
/** ... to its last this many changes. */
const KEEP_CHANGES = 20_000;

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions extends StoreOptions, PostgresTarget {
  /** Structured events (`store.open`, `store.migrated`); never record data or the URL. */
  readonly log?: (event: string, fields: Record<string, unknown>) => void;
  /** How often an idle process looks for other processes' commits when no NOTIFY came. Default 2 s. */
  readonly pollMs?: number;
}

/** The PostgreSQL store, plus what `db import-from-file` / `export-to-file` need. */
export interface PostgresStore<S extends Schema> extends Store<S> {
  /** A deep copy of all data, ids included, as of now (other processes' commits included). */
  image(): Promise<DataImage>;
  /** Replaces all data with `image` (migrated first if older) in one SQL transaction. */
  replaceAll(image: DataImage): Promise<void>;
  /** Record counts per collection read back from the database (not from memory). */
  countInDatabase(): Promise<Record<string, number>>;
  /** The commit number this process's image is at (tests, diagnostics). */
  revision(): number;
}

/**
 * Connects with `DATABASE_URL` (`o.url`), runs the SQL migrations, loads and (if older) migrates
 * the data, e.g. `await openPostgresStore<DataSchema>({ ...storeOptions, url: config.DATABASE_URL })`.
 * Any number of processes may open the same schema.
 *
 * @throws CodedError STORE_IO when the database cannot be reached (the message names the
 * database, never the password), STORE_VERSION for newer data.
 */
export const openPostgresStore = async <S extends Schema>(
  options: PostgresStoreOptions,
): Promise<PostgresStore<S>> => {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const { client, target } = await connect(options);
  const o = { ...options, schema: target.schema };
  const where = describeTarget(o);
  const channel = notifyChannel(o.schema);
  let data: Collections;
  let rev: number;
  try {
    await runSqlMigrations(client);
    await beginLocked(client);
    try {
      const loaded = await loadAll(client);
      const found = {
        schemaVersion: loaded.found ? loaded.schemaVersion : o.schemaVersion,
        collections: loaded.collections,
      };
      const image = migrateImage(found, o, where);
      rev = loaded.rev;
      if (!loaded.found || loaded.schemaVersion < o.schemaVersion) {
        rev += 1;
        await writeImage(client, image, rev, channel);
        if (loaded.found) log('store.migrated', { where, from: loaded.schemaVersion, to: o.schemaVersion });
      }
      await client.query('COMMIT');
      data = fromImage(image, o.collections);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    }
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  } catch (e) {
    await client.end().catch(() => {});
    throw pgError(o, 'opening', e);
  }
  const store = startPostgresStore<S>(client, data, rev, { ...o, channel, log });
  let records = 0;
  for (const m of data.values()) records += m.size;
  log('store.open', {
    where,
    schemaVersion: o.schemaVersion,
    records,
    rev,
    ms: Math.round(performance.now() - started),
  });
  return store;
};

type Started = PostgresStoreOptions & {
  readonly schema: string;
  readonly channel: string;
  readonly log: NonNullable<PostgresStoreOptions['log']>;
};

/**
 * The server process of a connection (what a Notification's `processId` names). pg's Client sets
 * `processID` at connect; @types/pg does not declare it.
 */
const backendPid = (c: pg.Client): number | null =>
  (c as pg.Client & { processID?: number | null }).processID ?? null;

/** Marks an error as the database's (STORE_IO), leaving the callback's own errors as they are. */
class SqlFailure extends Error {
  constructor(readonly coded: CodedError) {
    super(coded.message);
  }
}

const startPostgresStore = <S extends Schema>(
  first: pg.Client,
  data: Collections,
  startRev: number,
  o: Started,
): PostgresStore<S> => {
  const where = describeTarget(o);
  const lock = createMutex();
  const watchers = new Set<(collections: ReadonlySet<string>) => void>();
  let client = first;
  let broken = false;
  let closed = false;
  let rev = startRev;

  const sql = async <T>(doing: string, p: () => Promise<T>): Promise<T> => {
    try {
      return await p();
    } catch (e) {
      throw new SqlFailure(pgError(o, doing, e));
    }
  };

  const announce = (changed: ReadonlySet<string>) => {
    if (changed.size === 0 || watchers.size === 0) return;
    // After the lock is released: a watcher typically starts a transaction of its own.
    setImmediate(() => {
      for (const w of watchers) w(changed);
    });
  };

  const listen = (c: pg.Client) => {
    c.on('error', () => (broken = true));
    c.on('end', () => (broken = true));
    c.on('notification', (n) => {
      // Our own commit's NOTIFY comes back to us, often before the COMMIT resolves and `rev` moves:
      // the commit itself updates the image, so a pull would only find nothing new.
      if (n.processId === backendPid(c)) return;
      if (n.channel === o.channel && Number(n.payload) > rev) pull();
    });
  };
  listen(first);

  /** The connection, opened again (and listening) when the last one broke. */
  const session = async (): Promise<pg.Client> => {
    if (!broken) return client;
    await client.end().catch(() => {});
    const next = await connect(o);
    client = next.client;
    broken = false;
    listen(client);
    await sql('listening for other processes', () =>
      client.query(`LISTEN ${pg.escapeIdentifier(o.channel)}`),
    );
    return client;
  };

  /** The image becomes `fresh` (a reload, a replace), at commit `at`. */
  const replaceData = (fresh: Collections, at: number): void => {
    data.clear();
    for (const [c, m] of fresh) data.set(c, m);
    rev = at;
  };

  /** Replaces the image with the tables' contents (inside a consistent SQL transaction). */
  const reload = (loaded: PgLoaded): Set<string> => {
    assertNotNewer(loaded.schemaVersion, o, where);
    const fresh = fromImage(
      { schemaVersion: loaded.schemaVersion, collections: loaded.collections },
      o.collections,
    );
    const changed = new Set([...data.keys(), ...fresh.keys()]);
    replaceData(fresh, loaded.rev);
    return changed;
  };

  /**
   * Applies the changes committed after this image, up to `upTo` when given (the rev seen under
   * the commit lock); reloads everything when the log has a gap or a replace. Runs inside an SQL
   * transaction that gives a consistent view (the commit lock, or REPEATABLE READ).
   */
  const catchUp = async (c: pg.Client, upTo: number | null): Promise<Set<string>> => {
    const list = await sql('reading other processes’ changes', () => changesSince(c, rev));
    const changed = new Set<string>();
    for (const ch of list) {
      if (upTo !== null && ch.rev > upTo) break;
      if (ch.rev !== rev + 1 || ch.ops === null)
        return reload(await sql('reloading the data', () => loadAll(c)));
      const ops = ch.ops.map((op): Op => ('d' in op ? op : { ...op, v: deepFreeze(op.v) }));
      applyOps(data, ops);
      for (const op of ops) changed.add(op.c);
      rev = ch.rev;
    }
    if (upTo !== null && rev < upTo) return reload(await sql('reloading the data', () => loadAll(c)));
    return changed;
  };

  /**
   * Runs `fn` holding this process's mutex and the commit lock, in one SQL transaction; after the
   * COMMIT, still holding both, runs the `committed` it returned (the image takes the writes only
   * then: a failed commit leaves it as it was).
   */
  const locked = async <T>(
    fn: (c: pg.Client, cur: number) => Promise<{ value: T; committed?: () => void }>,
  ): Promise<T> => {
    const release = await lock();
    try {
      const c = await session().catch((e: unknown) => {
        throw e instanceof SqlFailure ? e : new SqlFailure(pgError(o, 'connecting again', e));
      });
      // A failed lock statement leaves the transaction open (aborted): end it before going on.
      const cur = await sql('starting a transaction', () =>
        beginLocked(c).catch(async (e: unknown) => {
          await c.query('ROLLBACK').catch(() => {});
          throw e;
        }),
      );
      try {
        if (cur !== rev) announce(await catchUp(c, cur));
        const out = await fn(c, cur);
        await sql('committing a transaction', () => c.query('COMMIT'));
        out.committed?.();
        return out.value;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      }
    } catch (e) {
      throw e instanceof SqlFailure ? e.coded : e;
    } finally {
      release();
    }
  };

  // Catching up between transactions: on NOTIFY and every pollMs. One pull at a time.
  let pulling = false;
  let again = false;
  const pull = (): void => {
    if (closed) return;
    if (pulling) {
      again = true;
      return;
    }
    pulling = true;
    void (async () => {
      do {
        again = false;
        const release = await lock();
        try {
          if (closed) break;
          const c = await session();
          await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
          try {
            announce(await catchUp(c, null));
          } finally {
            await c.query('COMMIT').catch(() => {});
          }
        } catch (e) {
          const coded = e instanceof SqlFailure ? e.coded : e;
          o.log('store.pull_failed', { where, err: coded instanceof Error ? coded.message : String(coded) });
        } finally {
          release();
        }
      } while (again && !closed);
      pulling = false;
    })();
  };
  const timer = setInterval(pull, o.pollMs ?? 2000);
  timer.unref();

  const ensureOpen = () => {
    if (closed) throw new CodedError('STORE_IO', `The PostgreSQL store (${where}) is closed; open it again.`);
  };

  return {
    transact: async <T>(fn: (tx: WriteTx<S>) => T | Promise<T>): Promise<T> => {
      ensureOpen();
      return locked(async (c) => {
        const { result, ops } = await runBuffered<S, T>(data, fn);
        if (ops.length === 0) return { value: result };
        const next = rev + 1;
        await sql('committing a transaction', async () => {
          await writeOps(c, next, ops, o.channel);
          if (next % PRUNE_EVERY === 0) await pruneChanges(c, next - KEEP_CHANGES);
        });
        return {
          value: result,
          committed: () => {
            applyOps(data, ops);
            rev = next;
          },
        };
      });
    },
    read: async (fn) => {
      ensureOpen();
      return fn(createReadTx<S>(data));
    },
    watch: (fn) => {
      watchers.add(fn);
      return () => void watchers.delete(fn);
    },
    image: async () => {
      ensureOpen();
      return locked(async () => ({ value: toImage(data, o.schemaVersion) }));
    },
    replaceAll: async (image) => {
      ensureOpen();
      await locked(async (c, cur) => {
        const current = migrateImage(structuredClone(image), o, 'the imported data');
        await sql('replacing all data', () => writeImage(c, current, cur + 1, o.channel));
        return {
          value: undefined,
          committed: () => replaceData(fromImage(current, o.collections), cur + 1),
        };
      });
    },
    countInDatabase: async () => {
      ensureOpen();
      return locked(async (c) => ({ value: await sql('counting records', () => countAll(c)) }));
    },
    // After an erasure: the change log still holds the erased records as they were written, so it
    // is emptied (processes behind it reload the whole image), then VACUUM frees the dead row
    // versions of both tables (best effort; it cannot run inside a transaction).
    compact: async () => {
      ensureOpen();
      await locked(async (c, cur) => {
        await sql('emptying the change log', () => pruneChanges(c, cur));
        return { value: undefined };
      });
      const release = await lock();
      try {
        await (await session()).query('VACUUM records, changes');
      } catch (e) {
        o.log('store.vacuum_failed', { where, err: e instanceof Error ? e.message : String(e) });
      } finally {
        release();
      }
    },
    revision: () => rev,
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      watchers.clear();
      const release = await lock();
      try {
        await client.end().catch(() => {});
      } finally {
        release();
      }
    },
  };
};
