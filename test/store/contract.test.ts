/** The Store contract, run over the memory, file and PostgreSQL stores alike. */
import { describe, expect, it } from 'vitest';
import { createMemoryStore, openFileStore, type Store } from '../../src/store/index.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { fileOptions, options, tempDir, type TestSchema } from './helpers.js';
import { freshSchema, pgOptions, pgUrl, reportMissingPostgres } from './postgres-helpers.js';

reportMissingPostgres('postgres store contract');

const makers: [string, () => Promise<Store<TestSchema>>][] = [
  ['memory', async () => createMemoryStore<TestSchema>(options)],
  ['file', async () => openFileStore<TestSchema>(fileOptions(await tempDir()))],
  ...(pgUrl === undefined
    ? []
    : [
        ['postgres', () => openPostgresStore<TestSchema>(pgOptions())] as [
          string,
          () => Promise<Store<TestSchema>>,
        ],
      ]),
];

/** Stores that keep data across close and open: a maker per place, then an opener of that place. */
const durable: [string, () => Promise<() => Promise<Store<TestSchema>>>][] = [
  [
    'file',
    async () => {
      const dir = await tempDir();
      return () => openFileStore<TestSchema>(fileOptions(dir));
    },
  ],
  ...(pgUrl === undefined
    ? []
    : [
        [
          'postgres',
          async () => {
            const schema = freshSchema();
            return () => openPostgresStore<TestSchema>(pgOptions(schema));
          },
        ] as [string, () => Promise<() => Promise<Store<TestSchema>>>],
      ]),
];

describe.each(durable)('%s store across close and open', (_name, place) => {
  it('round-trips puts, updates and deletes, keeping insertion order', async () => {
    const open = await place();
    const a = await open();
    await a.transact((tx) => {
      tx.put('people', 'p2', { name: 'Bram' });
      tx.put('people', 'p1', { name: 'Amina', hours: 2 });
      tx.put('ledger', 'l1', { personId: 'p1', minutes: 120 });
    });
    await a.transact((tx) => {
      tx.put('people', 'p2', { name: 'Bram', hours: 1 });
      tx.delete('ledger', 'l1');
      tx.put('people', 'p3', { name: 'Chen' });
    });
    await a.close();
    const b = await open();
    expect(await b.read((tx) => [tx.list('people'), tx.count('ledger')])).toEqual([
      [{ name: 'Bram', hours: 1 }, { name: 'Amina', hours: 2 }, { name: 'Chen' }],
      0,
    ]);
    await b.close();
  });
});

describe.each(makers)('%s store', (_name, make) => {
  it('puts, gets, lists in insertion order, counts and deletes', async () => {
    const store = await make();
    await store.transact((tx) => {
      tx.put('people', 'p2', { name: 'Bram' });
      tx.put('people', 'p1', { name: 'Amina' });
      tx.put('people', 'p3', { name: 'Chen' });
    });
    await store.transact((tx) => {
      tx.delete('people', 'p1');
      tx.put('people', 'p2', { name: 'Bram', hours: 3 });
    });
    const seen = await store.read((tx) => ({
      p2: tx.get('people', 'p2'),
      p1: tx.get('people', 'p1'),
      names: tx.list('people').map((p) => p.name),
      busy: tx.list('people', (p) => (p.hours ?? 0) > 0).map((p) => p.name),
      count: tx.count('people'),
      none: tx.count('ledger'),
    }));
    expect(seen).toEqual({
      p2: { name: 'Bram', hours: 3 },
      p1: undefined,
      names: ['Bram', 'Chen'],
      busy: ['Bram'],
      count: 2,
      none: 0,
    });
    await store.close();
  });

  it('lets a transaction read its own writes before commit', async () => {
    const store = await make();
    await store.transact((tx) => tx.put('people', 'a', { name: 'A' }));
    const inside = await store.transact((tx) => {
      tx.put('people', 'b', { name: 'B' });
      tx.delete('people', 'a');
      return {
        b: tx.get('people', 'b')?.name,
        a: tx.get('people', 'a'),
        n: tx.count('people'),
        all: tx.list('people'),
      };
    });
    expect(inside).toEqual({ b: 'B', a: undefined, n: 1, all: [{ name: 'B' }] });
    await store.close();
  });

  it('counts what the transaction sees: new, replaced, deleted, deleted twice, added then deleted', async () => {
    const store = await make();
    await store.transact((tx) => {
      tx.put('people', 'a', { name: 'A' });
      tx.put('people', 'b', { name: 'B' });
    });
    const counts = await store.transact((tx) => {
      const seen = [tx.count('people')];
      tx.put('people', 'a', { name: 'A2' });
      seen.push(tx.count('people'));
      tx.put('people', 'c', { name: 'C' });
      seen.push(tx.count('people'));
      tx.delete('people', 'b');
      tx.delete('people', 'b');
      tx.delete('people', 'ghost');
      seen.push(tx.count('people'));
      tx.delete('people', 'c');
      seen.push(tx.count('people'), tx.list('people').length, tx.count('ledger'));
      return seen;
    });
    expect(counts).toEqual([2, 2, 3, 2, 1, 1, 0]);
    expect(await store.read((tx) => tx.count('people'))).toBe(1);
    await store.close();
  });

  it('writes nothing when the transaction throws, and rethrows', async () => {
    const store = await make();
    await store.transact((tx) => tx.put('counters', 'c', { n: 1 }));
    const failing = store.transact(async (tx) => {
      tx.put('counters', 'c', { n: 99 });
      tx.put('people', 'x', { name: 'X' });
      await Promise.resolve();
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await store.read((tx) => [tx.get('counters', 'c'), tx.get('people', 'x')])).toEqual([
      { n: 1 },
      undefined,
    ]);
    await store.close();
  });

  it('serialises transactions: concurrent read-then-increment gives 2', async () => {
    const store = await make();
    const increment = () =>
      store.transact(async (tx) => {
        const n = tx.get('counters', 'c')?.n ?? 0;
        await new Promise((r) => setTimeout(r, 10));
        tx.put('counters', 'c', { n: n + 1 });
      });
    await Promise.all([increment(), increment()]);
    expect(await store.read((tx) => tx.get('counters', 'c')?.n)).toBe(2);
    await store.close();
  });

  it('keeps records as frozen plain JSON', async () => {
    const store = await make();
    const input = { name: 'Dina', joined: new Date('2026-03-01T10:00:00Z'), hours: undefined, tags: ['a'] };
    await store.transact((tx) => tx.put('people', 'd', input as never));
    input.tags.push('mutated later');
    const d = await store.read((tx) => tx.get('people', 'd'));
    expect(d).toEqual({ name: 'Dina', joined: '2026-03-01T10:00:00.000Z', tags: ['a'] });
    expect(Object.keys(d ?? {})).not.toContain('hours');
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d?.tags)).toBe(true);
    expect(() => ((d as { name: string }).name = 'changed')).toThrow(TypeError);
    await store.close();
  });

  it('refuses a transaction used after its function returned', async () => {
    const store = await make();
    let leaked: Parameters<Parameters<typeof store.transact>[0]>[0] | undefined;
    await store.transact((tx) => {
      leaked = tx;
    });
    expect(() => leaked?.put('people', 'late', { name: 'Late' })).toThrow(/already finished/);
    expect(await store.read((tx) => tx.get('people', 'late'))).toBeUndefined();
    await store.close();
  });

  it('rejects use after close with STORE_IO', async () => {
    const store = await make();
    await store.close();
    await expect(store.transact(() => 1)).rejects.toMatchObject({ code: 'STORE_IO' });
  });
});
