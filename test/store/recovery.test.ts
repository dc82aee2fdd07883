/** Start-up on damaged, interrupted, newer or older data: refuse loudly or recover exactly. */
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../src/core/errors.js';
import { openFileStore, type DataImage, type Migration } from '../../src/store/index.js';
import { crashCopy, fileOptions, journals, snapshotHeader, tempDir, type TestSchema } from './helpers.js';

/** A directory as a crash leaves it: snapshot (gen 0) plus journal-0 with `n` transactions. */
const crashedWith = async (n: number): Promise<string> => {
  const dir = await tempDir();
  const s = await openFileStore<TestSchema>(fileOptions(dir));
  for (let i = 0; i < n; i++) await s.transact((tx) => tx.put('people', `p${i}`, { name: `Person ${i}` }));
  const copy = await crashCopy(dir);
  await s.close();
  return copy;
};

const filesOf = async (dir: string): Promise<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const n of (await readdir(dir)).filter((f) => f.endsWith('.jsonl')))
    out[n] = await readFile(join(dir, n), 'latin1');
  return out;
};

const openError = async (dir: string, schemaVersion = 1): Promise<Error & { code?: string }> => {
  const e = await openFileStore<TestSchema>({ ...fileOptions(dir), schemaVersion }).then(
    () => new Error('opened'),
    (x: unknown) => x as Error,
  );
  return e;
};

describe('file store recovery', () => {
  it('ignores a torn final journal line and truncates it away', async () => {
    const dir = await crashedWith(2);
    const size = (await stat(join(dir, 'journal-0.jsonl'))).size;
    await appendFile(join(dir, 'journal-0.jsonl'), '{"v":1,"ops":[{"c":"people","k":"torn","v":{"na');
    const s = await openFileStore<TestSchema>(fileOptions(dir));
    expect(await s.read((tx) => [tx.count('people'), tx.get('people', 'torn')])).toEqual([2, undefined]);
    expect((await stat(join(dir, 'journal-0.jsonl'))).size).toBe(size);
    await s.transact((tx) => tx.put('people', 'after', { name: 'After' }));
    const again = await openFileStore<TestSchema>(fileOptions(await crashCopy(dir)));
    expect(await again.read((tx) => tx.list('people').map((p) => p.name))).toEqual([
      'Person 0',
      'Person 1',
      'After',
    ]);
    await again.close();
    await s.close();
  });

  it('refuses a corrupt journal line with STORE_CORRUPT naming file and line, bytes untouched', async () => {
    const dir = await crashedWith(3);
    const file = join(dir, 'journal-0.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = '{"v":1,"ops":[{"c":"people" GARBAGE';
    await writeFile(file, lines.join('\n'));
    const before = await filesOf(dir);
    const e = await openError(dir);
    expect(isCodedError(e, 'STORE_CORRUPT')).toBe(true);
    expect(e.message).toContain(`${file} line 2`);
    expect(e.message).toMatch(/backup.*move/);
    expect(await filesOf(dir)).toEqual(before);
    expect(await readdir(dir)).not.toContain('LOCK');
  });

  it('refuses a corrupt snapshot line, bytes untouched', async () => {
    const dir = await tempDir();
    const s = await openFileStore<TestSchema>(fileOptions(dir));
    await s.transact((tx) => {
      tx.put('people', 'a', { name: 'A' });
      tx.put('people', 'b', { name: 'B' });
    });
    await s.close();
    const file = join(dir, 'snapshot.jsonl');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('{"c":"people","k":"b"', '{"c":"people","k":"b'),
    );
    const before = await filesOf(dir);
    const e = await openError(dir);
    expect(e.code).toBe('STORE_CORRUPT');
    expect(e.message).toContain(`${file} line 3`);
    expect(await filesOf(dir)).toEqual(before);
  });

  it('refuses an empty snapshot and never overwrites it with defaults', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'snapshot.jsonl'), '');
    const e = await openError(dir);
    expect(e.code).toBe('STORE_CORRUPT');
    expect(e.message).toContain(join(dir, 'snapshot.jsonl'));
    expect(e.message).toContain('corrupt: the file is empty');
    expect((await stat(join(dir, 'snapshot.jsonl'))).size).toBe(0);
    expect(await readdir(dir)).toEqual(['snapshot.jsonl']);
  });

  it('refuses data written by a newer schema version with STORE_VERSION', async () => {
    const dir = await tempDir();
    const v2 = await openFileStore<TestSchema>({
      ...fileOptions(dir),
      schemaVersion: 2,
      migrations: [upgradeNames],
    });
    await v2.transact((tx) => tx.put('people', 'a', { name: 'A' }));
    await v2.close();
    const before = await filesOf(dir);
    const e = await openError(dir, 1);
    expect(e.code).toBe('STORE_VERSION');
    expect(e.message).toMatch(/version 2.*up to version 1/);
    expect(await filesOf(dir)).toEqual(before);
  });

  it('loads a crash during compaction before the snapshot rename', async () => {
    const dir = await crashedWith(2);
    // Compaction had switched to journal-1 (one more commit there) and was writing the snapshot.
    await writeFile(join(dir, 'journal-1.jsonl'), '{"v":1,"ops":[{"c":"counters","k":"c","v":{"n":3}}]}\n');
    await writeFile(
      join(dir, 'snapshot.jsonl.tmp'),
      '{"format":"netwerkbot-snapshot","schemaVersion":1,"journalGen":2,"records":3}\n{"c":"peo',
    );
    const s = await openFileStore<TestSchema>(fileOptions(dir));
    expect(await s.read((tx) => [tx.count('people'), tx.get('counters', 'c')?.n])).toEqual([2, 3]);
    expect((await readdir(dir)).some((n) => n.endsWith('.tmp'))).toBe(false);
    await s.close();
  });

  it('ignores and deletes journals older than the snapshot (crash after the rename)', async () => {
    const dir = await tempDir();
    const s = await openFileStore<TestSchema>(fileOptions(dir));
    await s.transact((tx) => tx.put('people', 'kept', { name: 'Kept' }));
    await s.close();
    expect(await snapshotHeader(dir)).toMatchObject({ journalGen: 1 });
    await writeFile(join(dir, 'journal-0.jsonl'), '{"v":1,"ops":[{"c":"people","k":"kept","d":1}]}\n');
    const again = await openFileStore<TestSchema>(fileOptions(dir));
    expect(await again.read((tx) => tx.get('people', 'kept'))).toEqual({ name: 'Kept' });
    expect(await journals(dir)).toEqual(['journal-1.jsonl']);
    await again.close();
  });
});

const upgradeNames: Migration = {
  from: 1,
  describe: 'people.name split into firstName and lastName',
  migrate: (image: DataImage) => {
    for (const p of Object.values(image.collections.people ?? {})) {
      const person = p as Record<string, string>;
      const [first = '', ...rest] = (person.name ?? '').split(' ');
      Object.assign(person, { firstName: first, lastName: rest.join(' ') });
      delete person.name;
    }
    return image;
  },
};

describe('file store migration', () => {
  it('backs up, migrates v1 -> v2 (snapshot and journal), and keeps v2 after reopen', async () => {
    const dir = await tempDir();
    const v1 = await openFileStore<TestSchema>(fileOptions(dir));
    await v1.transact((tx) => tx.put('people', 'a', { name: 'Amina El Idrissi' }));
    await v1.close();
    const crashed = await crashCopy(dir);
    const s = await openFileStore<TestSchema>(fileOptions(crashed));
    await s.transact((tx) => tx.put('people', 'b', { name: 'Bram Peeters' })); // only in journal-1
    const copy = await crashCopy(crashed);
    await s.close();

    const opts = { ...fileOptions(copy), schemaVersion: 2, migrations: [upgradeNames] };
    const v2 = await openFileStore<TestSchema>(opts);
    expect(await v2.read((tx) => tx.list('people'))).toEqual([
      { firstName: 'Amina', lastName: 'El Idrissi' },
      { firstName: 'Bram', lastName: 'Peeters' },
    ]);
    await v2.close();
    const [backupDir] = await readdir(join(copy, 'backup'));
    const saved = join(copy, 'backup', backupDir ?? '');
    expect(await snapshotHeader(saved)).toMatchObject({ schemaVersion: 1 });
    expect(await readFile(join(saved, 'journal-1.jsonl'), 'utf8')).toContain('Bram Peeters');

    const reopened = await openFileStore<TestSchema>(opts);
    expect(await reopened.read((tx) => tx.get('people', 'b'))).toEqual({
      firstName: 'Bram',
      lastName: 'Peeters',
    });
    await reopened.close();
    expect(await snapshotHeader(copy)).toMatchObject({ schemaVersion: 2 });
    expect(await readdir(join(copy, 'backup'))).toHaveLength(1);
  });
});
