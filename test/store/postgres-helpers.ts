/**
 * PostgreSQL for the store tests: `DATABASE_URL` from the environment, a fresh schema
 * (`nb_test_<run>_<n>`) per store a test opens, all dropped after the file's tests. Without
 * DATABASE_URL the PostgreSQL tests are skipped with a visible reason, except under CI, where
 * they fail loudly (CI must test both stores).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import type { PostgresStoreOptions } from '../../src/store/postgres/index.js';
import { options } from './helpers.js';

/** The database under test, or undefined when PostgreSQL tests cannot run here. */
export const pgUrl: string | undefined = process.env.DATABASE_URL || undefined;

const run = randomBytes(4).toString('hex');
let next = 0;
const schemas: string[] = [];

/** A schema name no other test (or test run) uses; dropped after the file's tests. */
export const freshSchema = (): string => {
  const s = `nb_test_${run}_${next++}`;
  schemas.push(s);
  return s;
};

afterAll(async () => {
  if (pgUrl === undefined || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    for (const s of schemas.splice(0))
      await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(s)} CASCADE`);
  } finally {
    await client.end();
  }
});

/** PostgreSQL store options over `schema` (a fresh one by default). Only call when pgUrl is set. */
export const pgOptions = (
  schema = freshSchema(),
  extra: Partial<PostgresStoreOptions> = {},
): PostgresStoreOptions => ({ ...options, url: pgUrl ?? '', schema, ...extra });

/** Runs `sql` on its own connection in `schema` (to see what the database really holds). */
export const query = async <R extends pg.QueryResultRow>(schema: string, sql: string): Promise<R[]> => {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
};

/**
 * When DATABASE_URL is unset: a skipped suite whose name says why, or under CI a failing test.
 * Call once at the top of every file with PostgreSQL tests.
 */
export const reportMissingPostgres = (what: string): void => {
  if (pgUrl !== undefined) return;
  if (process.env.CI) {
    describe(what, () => {
      it('needs PostgreSQL: CI is set but DATABASE_URL is not (.ci/run exports it)', () => {
        throw new Error('DATABASE_URL is not set under CI: the PostgreSQL store is untested');
      });
    });
  } else {
    console.warn(`${what}: skipped, DATABASE_URL is not set`);
    describe.skip(`${what} — skipped: DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)`, () => {
      it('needs DATABASE_URL', () => {});
    });
  }
};
