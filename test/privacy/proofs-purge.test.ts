/** After an erasure, the copies kept beside the store go whatever the store: the proofs PDFs too. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS, type DataSchema } from '../../src/domain/index.js';
import { eraseNow } from '../../src/domain/privacy/requests.js';
import { removeCopiesFor } from '../../src/main.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { createTestBot } from '../helpers/bot.js';
import { pgOptions, pgUrl, reportMissingPostgres } from '../store/postgres-helpers.js';

reportMissingPostgres('proofs purge after an erasure on PostgreSQL');

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A DATA_DIR with a proof of participation about Amina and a (file store) backup folder. */
const dataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'nb-proofs-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'proofs'));
  writeFileSync(join(dir, 'proofs', 'bewijs_amina_01_buddy_sara.pdf'), '%PDF Amina');
  mkdirSync(join(dir, 'backup', '2026-11-23T09-00-00'), { recursive: true });
  return dir;
};

describe('copies outside the store after an erasure', () => {
  it('removes the proofs for the PostgreSQL store (it has no backups of ours), both for the file store, none for memory', async () => {
    const pg = dataDir();
    expect(await removeCopiesFor({ STORE: 'postgres', DATA_DIR: pg })?.()).toBe(1);
    expect(readdirSync(join(pg, 'proofs'))).toEqual([]);
    expect(readdirSync(join(pg, 'backup'))).toEqual(['2026-11-23T09-00-00']);
    const file = dataDir();
    expect(await removeCopiesFor({ STORE: 'file', DATA_DIR: file })?.()).toBe(2);
    expect(removeCopiesFor({ STORE: 'memory', DATA_DIR: dataDir() })).toBeUndefined();
  });

  it.skipIf(pgUrl === undefined)(
    'on PostgreSQL, the tick after an erasure empties DATA_DIR/proofs',
    async () => {
      const dir = dataDir();
      const store = await openPostgresStore<DataSchema>(
        pgOptions(undefined, {
          schemaVersion: DATA_VERSION,
          migrations: MIGRATIONS,
          collections: COLLECTIONS,
        }),
      );
      try {
        const bot = await createTestBot({
          store,
          purgeBackups: removeCopiesFor({ STORE: 'postgres', DATA_DIR: dir }),
        });
        await bot.app.tick();
        expect(existsSync(join(dir, 'proofs', 'bewijs_amina_01_buddy_sara.pdf'))).toBe(true);
        await store.transact((tx) => {
          const amina = tx.list('people', (p) => p.name === 'Amina')[0]!;
          const o = { now: bot.clock.now(), ids: createSeededIds(1), via: 'cli' };
          eraseNow(tx, amina.id, { ...o, actorId: 'cli', reason: 'request' });
        });
        await bot.app.tick();
        expect(readdirSync(join(dir, 'proofs'))).toEqual([]);
        expect(await store.read((tx) => tx.list('erasures').map((e) => Boolean(e.backupsPurgedAt)))).toEqual([
          true,
        ]);
        await bot.app.stop();
      } finally {
        await store.close();
      }
    },
  );
});
