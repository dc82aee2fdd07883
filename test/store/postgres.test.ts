/** The PostgreSQL store beyond the contract: several processes, atomic commits, migrations, versions. */
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { isCodedError } from '../../src/core/errors.js';
import { openPostgresStore, SQL_MIGRATIONS } from '../../src/store/postgres/index.js';
import { connect } from '../../src/store/postgres/connect.js';
import { runSqlMigrations } from '../../src/store/postgres/migrations.js';
import { minutesToHours, type TestSchema } from './helpers.js';
import { freshSchema, pgOptions, pgUrl, query, reportMissingPostgres } from './postgres-helpers.js';

reportMissingPostgres('postgres store');

/** Two stores on one fresh schema (two processes), catching up only when they transact. */
const twoProcesses = async () => {
  const schema = freshSchema();
  const open = () => openPostgresStore<TestSchema>(pgOptions(schema, { pollMs: 60_000 }));
  return { schema, a: await open(), b: await open() };
};

describe.skipIf(pgUrl === undefined)('postgres store', () => {
  it('lets several processes share a schema: each transaction sees every commit, none is lost', async () => {
    const schema = freshSchema();
    const a = await openPostgresStore<TestSchema>(pgOptions(schema));
    const b = await openPostgresStore<TestSchema>(pgOptions(schema));
    const seen: string[][] = [];
    b.watch?.((changed) => seen.push([...changed]));
    await a.transact((tx) => tx.put('counters', 'c', { n: 0 }));
    // 2 x 150 read-modify-write increments racing on one record, from two stores.
    const bump = (s: typeof a) =>
      s.transact((tx) => {
        const n = (tx.get('counters', 'c') as { n: number }).n;
        tx.put('counters', 'c', { n: n + 1 });
      });
    await Promise.all(Array.from({ length: 150 }, () => [bump(a), bump(b)]).flat());
    expect(await a.transact((tx) => tx.get('counters', 'c'))).toEqual({ n: 300 });
    expect(await b.transact((tx) => tx.get('counters', 'c'))).toEqual({ n: 300 });
    expect(a.revision()).toBe(b.revision());
    // An idle store catches up by itself (NOTIFY) and tells its watchers what changed.
    await a.transact((tx) => tx.put('people', 'p1', { name: 'Amina', hours: 2 }));
    await expect.poll(() => b.read((tx) => tx.get('people', 'p1'))).toEqual({ name: 'Amina', hours: 2 });
    await expect.poll(() => seen.some((c) => c.includes('people'))).toBe(true);
    await a.close();
    await b.close();
  });

  it('does not catch up on its own commits (their NOTIFY comes back to it)', async () => {
    const { a, b } = await twoProcesses();
    const query = vi.spyOn(pg.Client.prototype, 'query');
    try {
      // The read-only transaction of a catch-up between transactions (a pull).
      const pulls = () =>
        query.mock.calls.filter((c) => typeof c[0] === 'string' && c[0].includes('READ ONLY')).length;
      await a.transact((tx) => tx.put('people', 'p1', { name: 'Amina', hours: 0 }));
      // b is idle and pulls a's commit, so a's NOTIFY has been sent to both by then.
      await expect.poll(() => b.read((tx) => tx.count('people'))).toBe(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(pulls()).toBe(1);
    } finally {
      query.mockRestore();
      await a.close();
      await b.close();
    }
  });

  it('reloads a process that fell behind the change log, or whose data was replaced', async () => {
    const { schema, a, b } = await twoProcesses();
    await a.transact((tx) => tx.put('people', 'p1', { name: 'Amina', hours: 1 }));
    await a.transact((tx) => tx.put('people', 'p2', { name: 'Sara', hours: 0 }));
    // The log no longer reaches back to b's image: b must read the tables instead.
    await query(schema, 'DELETE FROM changes');
    expect(await b.transact((tx) => tx.list('people'))).toEqual([
      { name: 'Amina', hours: 1 },
      { name: 'Sara', hours: 0 },
    ]);
    await a.replaceAll({ schemaVersion: 1, collections: { people: { p3: { name: 'Lotte', hours: 0 } } } });
    expect(await b.transact((tx) => tx.list('people'))).toEqual([{ name: 'Lotte', hours: 0 }]);
    await a.close();
    await b.close();
  });

  it('forgets erased data: compact empties the change log, and the other processes still follow', async () => {
    const { schema, a, b } = await twoProcesses();
    await a.transact((tx) => tx.put('people', 'p1', { name: 'Amina Haddad', hours: 1 }));
    await a.transact((tx) => tx.put('people', 'p2', { name: 'Sara', hours: 0 }));
    await a.transact((tx) => tx.put('people', 'p1', { name: '(gewist)' }));
    const before = await query<{ ops: string | null }>(schema, 'SELECT ops::text AS ops FROM changes');
    expect(before.some((r) => r.ops?.includes('Amina Haddad'))).toBe(true);
    await a.compact?.();
    const after = await query<{ ops: string }>(schema, 'SELECT ops::text AS ops FROM changes');
    expect(after).toEqual([]);
    const rows = await query<{ data: string }>(schema, 'SELECT data::text AS data FROM records');
    expect(rows.some((r) => r.data.includes('Amina'))).toBe(false);
    // b never saw the last changes; the log is gone, so it reads the tables.
    expect(await b.transact((tx) => tx.list('people'))).toEqual([
      { name: '(gewist)' },
      { name: 'Sara', hours: 0 },
    ]);
    await a.close();
    await b.close();
  });

  it('connects again when its connection is cut (a database restart), losing no commit', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore<TestSchema>(pgOptions(schema, { pollMs: 60_000 }));
    await store.transact((tx) => tx.put('counters', 'c', { n: 1 }));
    const cut = () =>
      query(
        schema,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'netwerkbot store ${schema}'`,
      );
    await cut();
    // The first transaction after the cut may fail (STORE_IO, nothing written); then it is back.
    const first = await store.transact((tx) => tx.put('counters', 'c', { n: 2 })).catch((e: unknown) => e);
    if (first !== undefined) expect(isCodedError(first, 'STORE_IO')).toBe(true);
    await store.transact((tx) => {
      const n = (tx.get('counters', 'c') as { n: number }).n;
      tx.put('counters', 'c', { n: n + 10 });
    });
    const rows = await query<{ data: { n: number } }>(schema, "SELECT data FROM records WHERE id = 'c'");
    expect(rows[0]?.data.n).toBe(first === undefined ? 12 : 11);
    expect(await store.read((tx) => tx.get('counters', 'c'))).toEqual(rows[0]?.data);
    await store.close();
  });

  it('refuses to go on when another process migrated the data to a newer version', async () => {
    const schema = freshSchema();
    const old = await openPostgresStore<TestSchema>(pgOptions(schema, { pollMs: 60_000 }));
    await old.transact((tx) => tx.put('people', 'a', { name: 'Amina', minutes: 90 } as never));
    const newer = await openPostgresStore<TestSchema>(
      pgOptions(schema, { schemaVersion: 2, migrations: [minutesToHours] }),
    );
    const err: unknown = await old
      .transact((tx) => tx.put('people', 'b', { name: 'Sara', hours: 0 }))
      .catch((e: unknown) => e);
    expect(isCodedError(err, 'STORE_VERSION')).toBe(true);
    expect(await newer.read((tx) => tx.get('people', 'b'))).toBeUndefined();
    await old.close();
    await newer.close();
  });

  it('names the database, never the password, when it cannot connect', async () => {
    const url = new URL(pgUrl ?? '');
    url.password = 'hunter2-secret';
    url.port = '1';
    const err: unknown = await openPostgresStore<TestSchema>(
      pgOptions(freshSchema(), { url: url.href }),
    ).catch((e: unknown) => e);
    expect(isCodedError(err, 'STORE_IO')).toBe(true);
    expect((err as Error).message).toContain(`database "${url.pathname.slice(1)}"`);
    expect((err as Error).message).not.toContain('hunter2');
  });

  it('commits a transaction as one SQL transaction, and writes nothing when it throws', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore<TestSchema>(pgOptions(schema));
    await store.transact((tx) => {
      tx.put('ledger', 'l1', { personId: 'p1', minutes: 60 });
      tx.put('people', 'p1', { name: 'Amina', hours: 1 });
    });
    await expect(
      store.transact((tx) => {
        tx.put('ledger', 'l2', { personId: 'p1', minutes: 30 });
        tx.put('people', 'p1', { name: 'Amina', hours: 1.5 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await query<{ collection: string; id: string; data: unknown }>(
      schema,
      'SELECT collection, id, data FROM records ORDER BY seq',
    );
    expect(rows).toEqual([
      { collection: 'ledger', id: 'l1', data: { personId: 'p1', minutes: 60 } },
      { collection: 'people', id: 'p1', data: { name: 'Amina', hours: 1 } },
    ]);
    await store.close();
  });

  it('keeps the data across reopen, and reports a database it cannot reach as STORE_IO', async () => {
    const schema = freshSchema();
    const a = await openPostgresStore<TestSchema>(pgOptions(schema));
    await a.transact((tx) => tx.put('counters', 'c', { n: 7 }));
    await a.close();
    const b = await openPostgresStore<TestSchema>(pgOptions(schema));
    expect(await b.read((tx) => tx.get('counters', 'c'))).toEqual({ n: 7 });
    await b.close();
    const bad = await openPostgresStore<TestSchema>(
      pgOptions(freshSchema(), { url: 'postgres://nobody:pw-secret@127.0.0.1:1/none' }),
    ).catch((e: unknown) => e);
    expect(isCodedError(bad, 'STORE_IO')).toBe(true);
    expect((bad as Error).message).not.toContain('pw-secret');
  });

  it('runs the SQL migrations once: again is a no-op', async () => {
    const schema = freshSchema();
    const { client } = await connect({ url: pgUrl ?? '', schema });
    try {
      expect(await runSqlMigrations(client)).toEqual(SQL_MIGRATIONS.map((_, i) => i + 1));
      expect(await runSqlMigrations(client)).toEqual([]);
    } finally {
      await client.end();
    }
    const store = await openPostgresStore<TestSchema>(pgOptions(schema));
    await store.close();
    const versions = await query<{ version: number }>(schema, 'SELECT version FROM schema_migrations');
    expect(versions.map((v) => v.version)).toEqual(SQL_MIGRATIONS.map((_, i) => i + 1));
  });

  it('migrates older data at open and refuses data newer than the code', async () => {
    const schema = freshSchema();
    const v1 = await openPostgresStore<TestSchema>(pgOptions(schema));
    await v1.transact((tx) => tx.put('people', 'a', { name: 'Amina', minutes: 90 } as never));
    await v1.close();
    const v2 = await openPostgresStore<TestSchema>(
      pgOptions(schema, { schemaVersion: 2, migrations: [minutesToHours] }),
    );
    expect(await v2.read((tx) => tx.get('people', 'a'))).toEqual({ name: 'Amina', hours: 1.5 });
    await v2.close();
    const meta = await query<{ value: unknown }>(
      schema,
      "SELECT value FROM meta WHERE key = 'schemaVersion'",
    );
    expect(meta).toEqual([{ value: 2 }]);
    const older = await openPostgresStore<TestSchema>(pgOptions(schema)).catch((e: unknown) => e);
    expect(isCodedError(older, 'STORE_VERSION')).toBe(true);
    await (
      await openPostgresStore<TestSchema>(
        pgOptions(schema, { schemaVersion: 2, migrations: [minutesToHours] }),
      )
    ).close();
  });
});
