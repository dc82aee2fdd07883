/** `npm run cli -- db ...`: migrations, and lowdb (file store) -> PostgreSQL -> lowdb with counts. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS } from '../../src/domain/index.js';
import { load } from '../../src/store/file/load.js';
import { toImage } from '../../src/store/image.js';
import { runCli } from '../helpers/cli.js';
import { freshSchema, pgUrl, reportMissingPostgres } from '../store/postgres-helpers.js';

reportMissingPostgres('db import/export (CLI)');

const storeOptions = { schemaVersion: DATA_VERSION, migrations: MIGRATIONS, collections: COLLECTIONS };

/** DATABASE_URL pointing at a fresh schema (through the connection's search_path). */
const urlWithSchema = (): string => {
  const u = new URL(pgUrl ?? '');
  u.searchParams.set('options', `-c search_path=${freshSchema()}`);
  return u.href;
};

const imageOf = async (dir: string) => {
  const loaded = await load(dir, storeOptions);
  return toImage(loaded.data, loaded.schemaVersion);
};

describe.skipIf(pgUrl === undefined)('db (CLI)', () => {
  it('migrates once, imports a file store with counts, refuses a full target, exports it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-db-'));
    const env = { DATA_DIR: dir, DEMO_DATA: 'false', CLI_LANGUAGE: 'nl', DATABASE_URL: urlWithSchema() };
    const run = (...args: string[]) => runCli(args, env);
    expect((await run('municipality', 'add', '--id', 'wetteren', '--name', 'Wetteren')).code).toBe(0);
    for (const [name, role] of [
      ['Lotte', 'coach'],
      ['Amina', 'newcomer'],
    ] as const) {
      expect(
        (await run('person', 'add', '--name', name, '--role', role, '--gemeente', 'wetteren')).code,
      ).toBe(0);
    }
    const before = await imageOf(dir);

    const first = await run('db', 'migrate');
    expect(first).toMatchObject({ code: 0, out: 'De tabellen zijn klaar. Nieuwe migraties: 1, 2.\n' });
    expect((await run('db', 'migrate')).out).toBe('De tabellen zijn al klaar. Er is niets veranderd.\n');

    const imported = await run('db', 'import-from-file', '--data', dir);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^people: 2$/m);
    expect(imported.out).toMatch(/^municipalities: 1$/m);
    const total = Object.values(before.collections).reduce((n, r) => n + Object.keys(r).length, 0);
    expect(imported.out).toContain(
      `${total} records uit ${dir} staan nu in PostgreSQL. De aantallen kloppen.`,
    );

    const again = await run('db', 'import-from-file', '--data', dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`PostgreSQL heeft al ${total} records. Er is niets veranderd.`);
    expect((await run('db', 'import-from-file', '--data', dir, '--replace')).code).toBe(0);

    // The bot's own commands now run on PostgreSQL.
    const pgEnv = { ...env, STORE: 'postgres', DATA_DIR: join(dir, 'unused') };
    expect(
      (await runCli(['person', 'add', '--name', 'Sara', '--role', 'buddy', '--gemeente', 'wetteren'], pgEnv))
        .code,
    ).toBe(0);

    const back = mkdtempSync(join(tmpdir(), 'nb-db-back-'));
    const exported = await run('db', 'export-to-file', '--data', back);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^people: 3$/m);
    const after = await imageOf(back);
    const added = Object.values(after.collections).reduce((n, r) => n + Object.keys(r).length, 0) - total;
    expect(added).toBe(2); // Sara and her invite code
    expect(exported.out).toContain(
      `${total + added} records uit PostgreSQL staan nu in ${back}. De aantallen kloppen.`,
    );
    // Every record survived both moves unchanged, in the same order.
    for (const [c, recs] of Object.entries(before.collections)) {
      expect(Object.keys(after.collections[c] ?? {}).slice(0, Object.keys(recs).length), c).toEqual(
        Object.keys(recs),
      );
      for (const [id, r] of Object.entries(recs)) expect(after.collections[c]?.[id], `${c}/${id}`).toEqual(r);
    }
    expect(Object.values(after.collections.people ?? {}).map((p) => (p as { name: string }).name)).toEqual([
      'Lotte',
      'Amina',
      'Sara',
    ]);

    writeFileSync(join(back, 'x.txt'), 'busy');
    const full = await run('db', 'export-to-file', '--data', back);
    expect(full.code).toBe(1);
    expect(full.err).toContain(`De map ${back} is niet leeg.`);
  });

  it('asks for DATABASE_URL: the db commands, and STORE=postgres in the configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-db-none-'));
    const none = await runCli(['db', 'migrate'], { DATA_DIR: dir, CLI_LANGUAGE: 'nl', DATABASE_URL: '' });
    expect(none).toMatchObject({ code: 1, err: 'Er is geen DATABASE_URL. Zet DATABASE_URL in .env.\n' });
    const config = await runCli(['municipality', 'add', '--id', 'x', '--name', 'X'], {
      DATA_DIR: dir,
      STORE: 'postgres',
      DATABASE_URL: '',
    });
    expect(config.code).toBe(1);
    expect(config.err).toMatch(/DATABASE_URL=.*required when STORE=postgres/);
  });
});
