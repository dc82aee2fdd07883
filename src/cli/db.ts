/**
 * `npm run cli -- db ...`: the PostgreSQL store's tables and moving data between the file store
 * (lowdb, DATA_DIR) and PostgreSQL (DATABASE_URL). Counts per collection are printed and checked
 * after every move.
 */
import { existsSync, readdirSync } from 'node:fs';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS } from '../domain/index.js';
import { migrateImage, toImage } from '../store/image.js';
import { openFileStore } from '../store/file/index.js';
import { load } from '../store/file/load.js';
import { acquireLock } from '../store/file/lock.js';
import type { DataImage, StoreOptions } from '../store/port.js';
import { connect, type PostgresTarget } from '../store/postgres/connect.js';
import { openPostgresStore, runSqlMigrations } from '../store/postgres/index.js';
import type { CliContext } from './context.js';

const storeOptions: StoreOptions = {
  schemaVersion: DATA_VERSION,
  migrations: MIGRATIONS,
  collections: COLLECTIONS,
};

const t = (ctx: CliContext, key: string, params: Record<string, string | number> = {}) =>
  ctx.t(`cli:db.${key}`, params);

/** Records per collection of an image. */
const countsOf = (image: DataImage): Record<string, number> =>
  Object.fromEntries(Object.entries(image.collections).map(([c, r]) => [c, Object.keys(r).length]));

/** Prints the counts and compares them with `found`; false (and a line per difference) if they differ. */
const checkCounts = (
  ctx: CliContext,
  expected: Record<string, number>,
  found: Record<string, number>,
): boolean => {
  let ok = true;
  for (const c of new Set([...Object.keys(expected), ...Object.keys(found)])) {
    const e = expected[c] ?? 0;
    const f = found[c] ?? 0;
    if (e === 0 && f === 0) continue;
    ctx.out(t(ctx, 'count', { collection: c, count: e }));
    if (e !== f) {
      ctx.err(t(ctx, 'count_mismatch', { collection: c, expected: e, found: f }));
      ok = false;
    }
  }
  return ok;
};

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

const target = (ctx: CliContext): PostgresTarget | undefined =>
  ctx.config.DATABASE_URL === undefined ? undefined : { url: ctx.config.DATABASE_URL };

const openPg = (ctx: CliContext, url: string) =>
  openPostgresStore({
    ...storeOptions,
    url,
    log: (event, fields) => ctx.log.debug(fields, `store: ${event}`),
  });

/** Reads the file store in `dir` (holding its LOCK meanwhile), migrated to this code's version. */
const readFileStore = async (dir: string): Promise<DataImage | undefined> => {
  if (!existsSync(dir)) return undefined;
  const release = await acquireLock(dir, () => {});
  try {
    const loaded = await load(dir, storeOptions);
    if (!loaded.found) return undefined;
    return migrateImage(toImage(loaded.data, loaded.schemaVersion), storeOptions, dir);
  } finally {
    await release();
  }
};

const migrate = async (ctx: CliContext, pg: PostgresTarget): Promise<number> => {
  const { client } = await connect(pg);
  let applied: number[];
  try {
    applied = await runSqlMigrations(client);
  } finally {
    await client.end();
  }
  ctx.out(applied.length > 0 ? t(ctx, 'migrated', { versions: applied.join(', ') }) : t(ctx, 'up_to_date'));
  // Opening the store also brings the data to this code's schemaVersion.
  await (await openPg(ctx, pg.url)).close();
  return 0;
};

const importFromFile = async (ctx: CliContext, pg: PostgresTarget, replace: boolean): Promise<number> => {
  const dir = ctx.config.DATA_DIR;
  const image = await readFileStore(dir);
  if (image === undefined) {
    ctx.err(t(ctx, 'no_file_data', { dir }));
    return 1;
  }
  const store = await openPg(ctx, pg.url);
  try {
    const present = total(countsOf(await store.image()));
    if (present > 0 && !replace) {
      ctx.err(t(ctx, 'target_not_empty', { count: present }));
      return 1;
    }
    await store.replaceAll(image);
    const expected = countsOf(image);
    if (!checkCounts(ctx, expected, await store.countInDatabase())) return 1;
    ctx.out(t(ctx, 'imported', { count: total(expected), dir }));
    return 0;
  } finally {
    await store.close();
  }
};

const exportToFile = async (ctx: CliContext, pg: PostgresTarget, dir: string): Promise<number> => {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    ctx.err(t(ctx, 'dir_not_empty', { dir }));
    return 1;
  }
  const source = await openPg(ctx, pg.url);
  let image: DataImage;
  try {
    image = await source.image();
  } finally {
    await source.close();
  }
  const file = await openFileStore<Record<string, unknown>>({ ...storeOptions, dir, backupOnStart: false });
  try {
    await file.transact((tx) => {
      for (const [c, recs] of Object.entries(image.collections)) {
        for (const [id, r] of Object.entries(recs)) tx.put(c, id, r);
      }
    });
  } finally {
    await file.close();
  }
  // Checked from the files as written, not from memory.
  const written = await readFileStore(dir);
  const expected = countsOf(image);
  if (!checkCounts(ctx, expected, written === undefined ? {} : countsOf(written))) return 1;
  ctx.out(t(ctx, 'exported', { count: total(expected), dir }));
  return 0;
};

/**
 * `db migrate | import-from-file [--data DIR] [--replace] | export-to-file --data DIR`. Returns
 * the exit code: 0 done, 1 refused or counts differ, 2 bad usage.
 */
export const dbCommand = async (
  ctx: CliContext,
  sub: string | undefined,
  argv: readonly string[],
  dataDir: string | undefined,
): Promise<number> => {
  const pg = target(ctx);
  if (sub !== 'migrate' && sub !== 'import-from-file' && sub !== 'export-to-file') {
    ctx.err(t(ctx, 'usage'));
    return 2;
  }
  if (pg === undefined) {
    ctx.err(t(ctx, 'no_database'));
    return 1;
  }
  if (sub === 'migrate') return migrate(ctx, pg);
  if (sub === 'import-from-file') return importFromFile(ctx, pg, argv.includes('--replace'));
  if (dataDir === undefined) {
    ctx.err(ctx.t('missing_option', { option: 'data' }));
    ctx.err(t(ctx, 'usage'));
    return 2;
  }
  return exportToFile(ctx, pg, dataDir);
};
