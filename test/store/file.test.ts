/** The file store's durability: reopen, crash, group commit, compaction, backups, locking. */
import { spawn } from 'node:child_process';
import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openFileStore } from '../../src/store/index.js';
import { crashCopy, fileOptions, journals, snapshotHeader, tempDir, type TestSchema } from './helpers.js';

describe('file store', () => {
  it('round-trips puts and deletes across close and reopen', async () => {
    const dir = await tempDir();
    const a = await openFileStore<TestSchema>(fileOptions(dir));
    await a.transact((tx) => {
      tx.put('people', 'p1', { name: 'Amina', hours: 2 });
      tx.put('people', 'p2', { name: 'Bram' });
      tx.put('ledger', 'l1', { personId: 'p1', minutes: 120 });
    });
    await a.transact((tx) => tx.delete('people', 'p2'));
    await a.close();
    const b = await openFileStore<TestSchema>(fileOptions(dir));
    expect(await b.read((tx) => [tx.list('people'), tx.get('ledger', 'l1'), tx.get('people', 'p2')])).toEqual(
      [[{ name: 'Amina', hours: 2 }], { personId: 'p1', minutes: 120 }, undefined],
    );
    await b.close();
    expect(await snapshotHeader(dir)).toMatchObject({
      format: 'netwerkbot-snapshot',
      schemaVersion: 1,
      records: 2,
    });
  });

  it('keeps every acknowledged write after a crash (no close)', async () => {
    const dir = await tempDir();
    const s = await openFileStore<TestSchema>(fileOptions(dir));
    await s.transact((tx) => tx.put('people', 'p1', { name: 'Amina' }));
    await s.transact((tx) => tx.put('counters', 'c', { n: 7 }));
    const copy = await crashCopy(dir);
    const r = await openFileStore<TestSchema>(fileOptions(copy));
    expect(await r.read((tx) => [tx.get('people', 'p1')?.name, tx.get('counters', 'c')?.n])).toEqual([
      'Amina',
      7,
    ]);
    await r.close();
    await s.close();
  });

  it('appends one line per transaction, not the whole data set', async () => {
    const dir = await tempDir();
    const s = await openFileStore<TestSchema>(fileOptions(dir));
    await s.transact((tx) => {
      for (let i = 0; i < 20_000; i++) tx.put('ledger', `l${i}`, { personId: `p${i % 500}`, minutes: 30 });
    });
    const before = (await stat(join(dir, 'journal-0.jsonl'))).size;
    await s.transact((tx) => tx.put('counters', 'c', { n: 1 }));
    const grew = (await stat(join(dir, 'journal-0.jsonl'))).size - before;
    expect(grew).toBe('{"v":1,"ops":[{"c":"counters","k":"c","v":{"n":1}}]}\n'.length);
    await s.close();
  });

  it('group-commits concurrent transactions into fewer fsyncs', async () => {
    const dir = await tempDir();
    const s = await openFileStore<TestSchema>(fileOptions(dir));
    const probe = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    const spy = vi.spyOn(proto, 'datasync');
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        s.transact((tx) => tx.put('ledger', `l${i}`, { personId: 'p', minutes: i })),
      ),
    );
    const fsyncs = spy.mock.calls.length;
    spy.mockRestore();
    expect(fsyncs).toBeGreaterThanOrEqual(1);
    expect(fsyncs).toBeLessThan(50);
    const lines = (await readFile(join(dir, 'journal-0.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    expect(lines.map((l) => (JSON.parse(l) as { ops: { k: string }[] }).ops[0]?.k)).toEqual(
      Array.from({ length: 50 }, (_, i) => `l${i}`),
    );
    await s.close();
  });

  it('compacts in the background: old journals go, all data survives crash and reopen', async () => {
    const dir = await tempDir();
    const events: string[] = [];
    const opts = fileOptions(dir, { compactAfterBytes: 2_000, log: (e) => events.push(e) });
    const s = await openFileStore<TestSchema>(opts);
    for (let i = 0; i < 300; i++) {
      await s.transact((tx) => {
        tx.put('ledger', `l${i}`, { personId: `p${i % 7}`, minutes: i });
        if (i % 10 === 0) tx.delete('ledger', `l${i - 5}`);
      });
    }
    await vi.waitFor(() => expect(events.filter((e) => e === 'store.compacted').length).toBeGreaterThan(2));
    const header = await snapshotHeader(dir);
    const live = await journals(dir);
    expect(live.every((n) => Number(n.slice(8, -6)) >= (header.journalGen as number))).toBe(true);
    expect(live.length).toBeLessThanOrEqual(2);
    const copy = await crashCopy(dir);
    const expected = 300 - 29; // l5, l15, ..., l285 deleted
    const crashed = await openFileStore<TestSchema>(fileOptions(copy));
    expect(await crashed.read((tx) => tx.count('ledger'))).toBe(expected);
    await crashed.close();
    await s.close();
    expect(await journals(dir)).toEqual([]);
    const again = await openFileStore<TestSchema>(opts);
    expect(
      await again.read((tx) => [
        tx.count('ledger'),
        tx.get('ledger', 'l299')?.minutes,
        tx.get('ledger', 'l15'),
      ]),
    ).toEqual([expected, 299, undefined]);
    await again.close();
  });

  it('keeps the newest five start-up backups', async () => {
    const dir = await tempDir();
    for (let i = 0; i < 7; i++) {
      const s = await openFileStore<TestSchema>(fileOptions(dir, { backupOnStart: true }));
      await s.transact((tx) => tx.put('counters', 'c', { n: i }));
      await s.close();
    }
    const backups = (await readdir(join(dir, 'backup'))).sort();
    expect(backups).toHaveLength(5);
    const newest = join(dir, 'backup', backups.at(-1) ?? '');
    expect(await readFile(join(newest, 'snapshot.jsonl'), 'utf8')).toContain(
      '{"c":"counters","k":"c","v":{"n":5}}',
    );
  });

  it('removes stray temp files at start', async () => {
    const dir = await tempDir();
    await (await openFileStore<TestSchema>(fileOptions(dir))).close();
    await writeFile(join(dir, 'snapshot.jsonl.tmp'), 'half a snap');
    await (await openFileStore<TestSchema>(fileOptions(dir))).close();
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('file store LOCK', () => {
  it('refuses a directory locked by a live process with STORE_IO naming it', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, 'LOCK'), `${child.pid}\n`);
      const err = await openFileStore<TestSchema>(fileOptions(dir)).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'STORE_IO' });
      expect((err as Error).message).toContain(dir);
      expect(await readFile(join(dir, 'LOCK'), 'utf8')).toBe(`${child.pid}\n`);
    } finally {
      child.kill();
    }
  });

  it('refuses a second open in the same process and takes over a stale lock', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'LOCK'), '999999999\n');
    const s = await openFileStore<TestSchema>(fileOptions(dir));
    expect(await readFile(join(dir, 'LOCK'), 'utf8')).toBe(`${process.pid}\n`);
    await expect(openFileStore<TestSchema>(fileOptions(dir))).rejects.toMatchObject({ code: 'STORE_IO' });
    await s.close();
    expect(await readdir(dir)).not.toContain('LOCK');
  });
});
