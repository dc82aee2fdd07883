/**
 * Several processes on one PostgreSQL schema (issue 9), in one test process: two stores stand for
 * two processes. Jobs fire once however many schedulers tick, and a role runs in one process at a
 * time, taken over when its holder ends.
 */
import { describe, expect, it } from 'vitest';
import { silentLog } from '../../src/core/log.js';
import { createScheduler, planJob, type JobRecord } from '../../src/scheduler/index.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { openRoleLocks } from '../../src/store/postgres/roles.js';
import { freshSchema, pgOptions, pgUrl, reportMissingPostgres } from './postgres-helpers.js';

reportMissingPostgres('several processes on one schema');

type Schema = { jobs: JobRecord & { payload: { n: number } }; runs: { job: string; by: string } };
const options = { schemaVersion: 1, migrations: [], collections: ['jobs', 'runs'] };

describe.skipIf(pgUrl === undefined)('several processes on one schema', () => {
  it('fires each due job once when two schedulers on two stores tick at the same time', async () => {
    const schema = freshSchema();
    const one = await openPostgresStore<Schema>({ ...pgOptions(schema), ...options });
    const two = await openPostgresStore<Schema>({ ...pgOptions(schema), ...options });
    const now = new Date('2026-12-02T09:00:00Z');
    await one.transact((tx) => {
      for (let n = 0; n < 300; n++)
        planJob(tx, 'jobs', {
          v: 1,
          id: `j${n}`,
          kind: 'count',
          dueAt: new Date(now.getTime() - n * 1000).toISOString(),
          status: 'due',
          doneAt: null,
          payload: { n },
        });
    });
    const scheduler = (store: typeof one, by: string) =>
      createScheduler<Schema, Schema['jobs']>({
        store,
        clock: { now: () => now },
        log: silentLog,
        collection: 'jobs',
        handlers: { count: (tx, job) => tx.put('runs', `${job.id}:${by}`, { job: job.id, by }) },
        startFlow: async () => {},
      });
    const a = scheduler(one, 'a');
    const b = scheduler(two, 'b');
    const handled = await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    const runs = await one.transact((tx) => tx.list('runs'));
    expect(runs).toHaveLength(300);
    expect(new Set(runs.map((r) => r.job)).size).toBe(300);
    // A run is keyed by job and scheduler: a job fired by both would leave two. Each counted once.
    expect(handled.reduce((x, y) => x + y, 0)).toBe(300);
    expect(await two.transact((tx) => tx.list('jobs', (j) => j.status === 'due'))).toEqual([]);
    await one.close();
    await two.close();
  });

  it('runs a role in one process at a time, all roles or none, and hands it over when the holder ends', async () => {
    const schema = freshSchema();
    const waits: string[] = [];
    const first = await openRoleLocks({ url: pgUrl ?? '', schema, retryMs: 50 });
    const second = await openRoleLocks({
      url: pgUrl ?? '',
      schema,
      retryMs: 50,
      onWait: (r) => waits.push(r),
    });
    const other = await openRoleLocks({ url: pgUrl ?? '', schema: freshSchema(), retryMs: 50 });
    await first.acquire(['telegram', 'scheduler']);
    // Another region (schema) has its own roles.
    await other.acquire(['telegram']);
    let got = false;
    const waiting = second.acquire(['whatsapp', 'telegram']).then(() => (got = true));
    await expect.poll(() => waits).toEqual(['telegram']);
    expect(got).toBe(false);
    // All or none: whatsapp was free, but it is not kept while telegram is missing.
    const third = await openRoleLocks({ url: pgUrl ?? '', schema, retryMs: 50 });
    await third.acquire(['whatsapp']);
    await third.release();
    await first.release();
    await waiting;
    expect(second.held()).toEqual(['telegram', 'whatsapp']);
    await second.release();
    await other.release();
  });
});
