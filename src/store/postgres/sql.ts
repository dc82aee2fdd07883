/**
 * The SQL the PostgreSQL store runs: loading the whole image, taking the commit lock, reading
 * other processes' changes, committing one transaction's ops, replacing everything (migrations,
 * import). The caller opens and ends the SQL transaction (see ./index.ts).
 */
import type { ClientBase } from 'pg';
import type { DataImage, Json } from '../port.js';
import type { Op } from '../tx.js';

/** What is in the tables. `found` is false for a schema never written (no schemaVersion yet). */
export interface PgLoaded {
  readonly found: boolean;
  readonly schemaVersion: number;
  readonly collections: DataImage['collections'];
  /** The commit number the image is at. */
  readonly rev: number;
}

/**
 * Reads every record, in insertion order, the stored schemaVersion and the commit number. Run
 * inside a transaction that holds the commit lock (or a REPEATABLE READ one), so the three agree.
 */
export const loadAll = async (client: ClientBase): Promise<PgLoaded> => {
  const meta = await client.query<{ value: Json }>("SELECT value FROM meta WHERE key = 'schemaVersion'");
  const rows = await client.query<{ collection: string; id: string; data: Json }>(
    'SELECT collection, id, data FROM records ORDER BY seq',
  );
  const clock = await client.query<{ rev: string }>('SELECT rev FROM store_clock WHERE id = 1');
  const collections: DataImage['collections'] = {};
  for (const r of rows.rows) (collections[r.collection] ??= {})[r.id] = r.data;
  const v = meta.rows[0]?.value;
  return {
    found: typeof v === 'number',
    schemaVersion: typeof v === 'number' ? v : -1,
    collections,
    rev: Number(clock.rows[0]?.rev ?? 0),
  };
};

/**
 * BEGIN and the commit lock: the one row of `store_clock`, FOR UPDATE. It is held until COMMIT
 * or ROLLBACK, so commits of all processes on the schema happen one at a time, in `rev` order.
 * Returns the last committed rev. One round trip.
 */
export const beginLocked = async (client: ClientBase): Promise<number> => {
  const results = (await client.query(
    'BEGIN; SELECT rev FROM store_clock WHERE id = 1 FOR UPDATE',
  )) as unknown as { rows: { rev: string }[] }[];
  return Number(results[1]?.rows[0]?.rev ?? 0);
};

/** One committed transaction as `changes` keeps it; `ops` null: everything replaced (reload). */
export interface Change {
  readonly rev: number;
  readonly ops: Op[] | null;
}

/** The changes committed after `rev`, oldest first. */
export const changesSince = async (client: ClientBase, rev: number): Promise<Change[]> => {
  const r = await client.query<{ rev: string; ops: Op[] | null }>(
    'SELECT rev, ops FROM changes WHERE rev > $1 ORDER BY rev',
    [rev],
  );
  return r.rows.map((x) => ({ rev: Number(x.rev), ops: x.ops }));
};

/** A record to insert or update. */
type Put = Extract<Op, { v: Json }>;

/**
 * The statement that inserts or updates records in the given order (an update keeps the row's
 * place, its seq), taking collections, ids and JSON texts as parameters `$first` to `$first+2`
 * ({@link putParams}). One text for a commit's puts and for replacing everything.
 */
const putRows = (first: number): string =>
  `INSERT INTO records (collection, id, data)
   SELECT c, k, v::json FROM unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::text[])
     WITH ORDINALITY AS u(c, k, v, n)
   ORDER BY n
   ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data`;

/** The three parameters of {@link putRows}. */
const putParams = (rows: readonly Put[]): [string[], string[], string[]] => [
  rows.map((r) => r.c),
  rows.map((r) => r.k),
  rows.map((r) => JSON.stringify(r.v)),
];

/**
 * Writes one store transaction's ops as commit `rev`, in one statement: the records, the clock,
 * the change for the other processes and their wake-up (pg_notify on `channel`, sent at COMMIT).
 * Runs inside the transaction {@link beginLocked} opened; an update keeps the row's place (seq).
 */
export const writeOps = async (
  client: ClientBase,
  rev: number,
  ops: readonly Op[],
  channel: string,
): Promise<void> => {
  const dels = ops.filter((o) => 'd' in o);
  const puts = ops.filter((o): o is Put => !('d' in o));
  await client.query(
    `WITH del AS (
       DELETE FROM records r USING unnest($1::text[], $2::text[]) AS u(c, k)
       WHERE r.collection = u.c AND r.id = u.k
     ), put AS (${putRows(3)}
     ), clock AS (
       UPDATE store_clock SET rev = $6 WHERE id = 1
     ), change AS (
       INSERT INTO changes (rev, ops) VALUES ($6, $7::json)
     )
     SELECT pg_notify($8, $6::text)`,
    [dels.map((o) => o.c), dels.map((o) => o.k), ...putParams(puts), rev, JSON.stringify(ops), channel],
  );
};

/** Inserts or updates rows in the given order; an update keeps the row's place (its seq). */
const upsert = async (client: ClientBase, rows: readonly Put[]) => {
  if (rows.length === 0) return;
  await client.query(putRows(1), putParams(rows));
};

/**
 * Replaces all records and the schemaVersion with `image` as commit `rev` (a change without ops:
 * the other processes reload). Runs inside the transaction {@link beginLocked} opened.
 */
export const writeImage = async (
  client: ClientBase,
  image: DataImage,
  rev: number,
  channel: string,
): Promise<void> => {
  await client.query('DELETE FROM records');
  const rows: Put[] = [];
  for (const [c, recs] of Object.entries(image.collections)) {
    for (const [k, v] of Object.entries(recs)) rows.push({ c, k, v });
  }
  // In chunks: one statement per ~5k records keeps parameters and memory bounded.
  for (let i = 0; i < rows.length; i += 5000) await upsert(client, rows.slice(i, i + 5000));
  await client.query(
    "INSERT INTO meta (key, value) VALUES ('schemaVersion', $1::json) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    [JSON.stringify(image.schemaVersion)],
  );
  await client.query('UPDATE store_clock SET rev = $1 WHERE id = 1', [rev]);
  await client.query('INSERT INTO changes (rev, ops) VALUES ($1, NULL)', [rev]);
  await client.query('SELECT pg_notify($1, $2)', [channel, String(rev)]);
};

/** Forgets changes up to `rev` (every process further behind reloads the whole image). */
export const pruneChanges = async (client: ClientBase, rev: number): Promise<void> => {
  await client.query('DELETE FROM changes WHERE rev <= $1', [rev]);
};

/** Record counts per collection as the database has them (to check an import). */
export const countAll = async (client: ClientBase): Promise<Record<string, number>> => {
  const r = await client.query<{ collection: string; n: string }>(
    'SELECT collection, count(*) AS n FROM records GROUP BY collection',
  );
  return Object.fromEntries(r.rows.map((x) => [x.collection, Number(x.n)]));
};
