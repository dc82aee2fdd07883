import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Schema, Store, StoreOptions } from '../src/core/store.js';
import { openFileStore } from '../src/store/index.js';
import { openPostgresStore } from '../src/store/postgres/index.js';

/** Which store a benchmark runs on (`npm run bench -- inbound --store postgres`). */
export type StoreKind = 'file' | 'postgres';

/** A place for one benchmark's data: opened (and reopened) at will, removed at the end. */
export interface BenchStore {
  readonly kind: StoreKind;
  open<S extends Schema>(o: StoreOptions): Promise<Store<S>>;
  dispose(): Promise<void>;
}

/**
 * A fresh temporary file-store directory (fsync on, no start-up backup), or a fresh schema in
 * DATABASE_URL's database (dropped at the end).
 */
export const benchStore = (
  kind: StoreKind,
  env: Readonly<Record<string, string | undefined>>,
): BenchStore => {
  if (kind === 'file') {
    const dir = mkdtempSync(join(tmpdir(), 'nb-bench-'));
    return {
      kind,
      open: (o) => openFileStore({ ...o, dir, backupOnStart: false }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = env['DATABASE_URL'];
  if (!url)
    throw new Error('--store postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  const schema = `nb_bench_${randomBytes(4).toString('hex')}`;
  return {
    kind,
    open: (o) => openPostgresStore({ ...o, url, schema }),
    dispose: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
};
