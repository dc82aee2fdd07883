/**
 * The PostgreSQL store's tables, as versioned SQL migrations. Each entry is applied once, in
 * order, with its row in `schema_migrations` (pending ones together in one SQL transaction); never edit a released entry,
 * append a new one. Domain data migrations (the image's schemaVersion) are separate: they run on
 * the records, see src/store/image.ts.
 */
import type { ClientBase } from 'pg';

/**
 * The ordered migrations: index + 1 is the version.
 *
 * - `records.data` is `json`, not `jsonb`: `json` keeps the text as written, so a record read back
 *   has its keys in the same order as in the file store and exports round-trip byte for byte.
 * - `records.seq` keeps insertion order (what `list` promises): an update keeps the row's seq, a
 *   delete followed by a later put gets a new one, as a JavaScript Map does.
 * - `meta` holds the data image's schemaVersion.
 */
export const SQL_MIGRATIONS: readonly string[] = [
  `CREATE TABLE records (
     collection text NOT NULL,
     id text NOT NULL,
     seq bigserial NOT NULL,
     data json NOT NULL,
     PRIMARY KEY (collection, id)
   );
   CREATE INDEX records_seq ON records (seq);
   CREATE TABLE meta (key text PRIMARY KEY, value json NOT NULL);`,
  // Several processes on one schema (a region): every commit takes the one row of store_clock
  // FOR UPDATE, so commits are serialised and numbered; `changes` holds each commit's ops (NULL:
  // everything was replaced, reload) so the other processes bring their image up to date.
  `CREATE TABLE store_clock (id integer PRIMARY KEY CHECK (id = 1), rev bigint NOT NULL);
   INSERT INTO store_clock (id, rev) VALUES (1, 0);
   CREATE TABLE changes (rev bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), ops json);`,
];

/** Lock key (pg_advisory_xact_lock) that serialises concurrent migration runs on one database. */
const MIGRATE_LOCK = 7_420_901;

/**
 * Creates `schema_migrations` if needed and applies the migrations not yet recorded, each in its
 * own transaction. Idempotent; returns the versions applied now (empty when up to date). The
 * client's search_path must already point at the target schema.
 */
export const runSqlMigrations = async (client: ClientBase): Promise<number[]> => {
  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const have = new Set(done.rows.map((r) => r.version));
    for (const [i, sql] of SQL_MIGRATIONS.entries()) {
      const version = i + 1;
      if (have.has(version)) continue;
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
  return applied;
};
