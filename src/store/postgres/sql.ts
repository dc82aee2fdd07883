/**
 * The SQL the PostgreSQL store runs: loading the whole image, committing one transaction's ops,
 * replacing everything (migrations, import). Each write is one SQL transaction.
 */
import type { ClientBase } from 'pg';
import type { DataImage, Json } from '../port.js';
import type { Op } from '../tx.js';

/** What is in the tables. `found` is false for a schema never written (no schemaVersion yet). */
export interface PgLoaded {
  readonly found: boolean;
  readonly schemaVersion: number;
  readonly collections: DataImage['collections'];
}

/** Reads every record, in insertion order, and the stored schemaVersion. */
export const loadAll = async (client: ClientBase): Promise<PgLoaded> => {
  const meta = await client.query<{ value: Json }>("SELECT value FROM meta WHERE key = 'schemaVersion'");
  const rows = await client.query<{ collection: string; id: string; data: Json }>(
    'SELECT collection, id, data FROM records ORDER BY seq',
  );
  const collections: DataImage['collections'] = {};
  for (const r of rows.rows) (collections[r.collection] ??= {})[r.id] = r.data;
  const v = meta.rows[0]?.value;
  return { found: typeof v === 'number', schemaVersion: typeof v === 'number' ? v : -1, collections };
};

const inTransaction = async (client: ClientBase, fn: () => Promise<void>): Promise<void> => {
  await client.query('BEGIN');
  try {
    await fn();
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
};

const setVersion = (client: ClientBase, v: number) =>
  client.query(
    "INSERT INTO meta (key, value) VALUES ('schemaVersion', $1::json) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    [JSON.stringify(v)],
  );

/** Inserts or updates rows in the given order; an update keeps the row's place (its seq). */
const upsert = async (client: ClientBase, rows: readonly { c: string; k: string; v: Json }[]) => {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO records (collection, id, data)
     SELECT c, k, v::json FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(c, k, v, n)
     ORDER BY n
     ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data`,
    [rows.map((r) => r.c), rows.map((r) => r.k), rows.map((r) => JSON.stringify(r.v))],
  );
};

/** Commits one store transaction's ops in one SQL transaction. */
export const writeOps = (client: ClientBase, ops: readonly Op[]): Promise<void> =>
  inTransaction(client, async () => {
    const dels = ops.filter((o) => 'd' in o);
    if (dels.length > 0) {
      await client.query(
        'DELETE FROM records r USING unnest($1::text[], $2::text[]) AS u(c, k) WHERE r.collection = u.c AND r.id = u.k',
        [dels.map((o) => o.c), dels.map((o) => o.k)],
      );
    }
    await upsert(
      client,
      ops.filter((o): o is Extract<Op, { v: Json }> => !('d' in o)),
    );
  });

/** Replaces all records and the schemaVersion with `image`, in one SQL transaction. */
export const writeImage = (client: ClientBase, image: DataImage): Promise<void> =>
  inTransaction(client, async () => {
    await client.query('DELETE FROM records');
    const rows: { c: string; k: string; v: Json }[] = [];
    for (const [c, recs] of Object.entries(image.collections)) {
      for (const [k, v] of Object.entries(recs)) rows.push({ c, k, v });
    }
    // In chunks: one statement per ~5k records keeps parameters and memory bounded.
    for (let i = 0; i < rows.length; i += 5000) await upsert(client, rows.slice(i, i + 5000));
    await setVersion(client, image.schemaVersion);
  });

/** Record counts per collection as the database has them (to check an import). */
export const countAll = async (client: ClientBase): Promise<Record<string, number>> => {
  const r = await client.query<{ collection: string; n: string }>(
    'SELECT collection, count(*) AS n FROM records GROUP BY collection',
  );
  return Object.fromEntries(r.rows.map((x) => [x.collection, Number(x.n)]));
};
