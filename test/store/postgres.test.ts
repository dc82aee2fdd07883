/** The PostgreSQL store beyond the contract: its lock, atomic commits, migrations, versions. */
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../src/core/errors.js';
import { openPostgresStore, SQL_MIGRATIONS } from '../../src/store/postgres/index.js';
import { connect } from '../../src/store/postgres/connect.js';
import { runSqlMigrations } from '../../src/store/postgres/migrations.js';
import { minutesToHours, type TestSchema } from './helpers.js';
import { freshSchema, pgOptions, pgUrl, query, reportMissingPostgres } from './postgres-helpers.js';

reportMissingPostgres('postgres store');

describe.skipIf(pgUrl === undefined)('postgres store', () => {
  it('refuses a second opener of the same schema with STORE_IO naming the database, not the password', async () => {
    const schema = freshSchema();
    const first = await openPostgresStore<TestSchema>(pgOptions(schema));
    const url = new URL(pgUrl ?? '');
    url.password = 'hunter2-secret';
    const second = openPostgresStore<TestSchema>(pgOptions(schema, { url: url.href }));
    const err: unknown = await second.catch((e: unknown) => e);
    expect(isCodedError(err, 'STORE_IO')).toBe(true);
    const message = (err as Error).message;
    expect(message).toContain(`database "${url.pathname.slice(1)}"`);
    expect(message).toContain(`schema "${schema}"`);
    expect(message).toMatch(/in use by another Netwerkbot process/);
    expect(message).not.toContain('hunter2');
    await first.close();
    // Released on close: now it opens.
    const third = await openPostgresStore<TestSchema>(pgOptions(schema));
    await third.close();
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
    // Refused, so the lock was released: the newer code still opens it.
    await (
      await openPostgresStore<TestSchema>(
        pgOptions(schema, { schemaVersion: 2, migrations: [minutesToHours] }),
      )
    ).close();
  });
});
