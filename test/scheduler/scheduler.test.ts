import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import type { Store } from '../../src/core/store.js';
import type { DataSchema, Job } from '../../src/domain/schema.js';
import { createScheduler, planJob, type SchedulerOptions } from '../../src/scheduler/index.js';
import { fileStore, memoryStore } from '../helpers/store.js';
import { bump, countingLists, failingCommits, job, runs } from './helpers.js';

const T0 = '2026-11-23T09:00:00Z';
const MIN = 60_000;

const scheduler = (
  store: Store<DataSchema>,
  clock: ManualClock,
  over: Partial<SchedulerOptions<DataSchema, Job>> = {},
) =>
  createScheduler<DataSchema, Job>({
    store,
    clock,
    log: silentLog,
    collection: 'jobs',
    handlers: { ping: (tx, j) => bump(tx, j.id) },
    startFlow: async () => {},
    ...over,
  });

const put = (store: Store<DataSchema>, ...jobs: Job[]) =>
  store.transact((tx) => {
    for (const j of jobs) planJob(tx, 'jobs', j);
  });

const getJob = (store: Store<DataSchema>, id: string) => store.read((tx) => tx.get('jobs', id));

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'nb-sched-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('scheduler: next-due ordering', () => {
  it('runs due jobs in time order, once, and leaves future ones', async () => {
    const store = memoryStore();
    const clock = new ManualClock(T0);
    const order: string[] = [];
    const s = scheduler(store, clock, { handlers: { ping: (tx, j) => void order.push(j.id) } });
    await put(
      store,
      job('b', '2026-11-23T08:59:00Z'),
      job('a', '2026-11-23T08:58:00Z'),
      job('c', '2026-11-23T10:00:00Z'),
    );
    expect(await s.tick()).toBe(2);
    expect(await s.tick()).toBe(0);
    expect(order).toEqual(['a', 'b']);
    expect((await getJob(store, 'c'))?.status).toBe('due');
    clock.set('2026-11-23T10:00:00Z');
    expect(await s.tick()).toBe(1);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('a tick with nothing new does not list the jobs; a newly planned job is found', async () => {
    const { store, lists } = countingLists(memoryStore());
    const clock = new ManualClock(T0);
    const s = scheduler(store, clock);
    await put(
      store,
      ...Array.from({ length: 1000 }, (_, i) => job(`f${i}`, `2026-12-0${1 + (i % 9)}T09:00:00Z`)),
    );
    await s.tick();
    expect(lists()).toBe(1);
    expect(s.indexed()).toBe(1000);
    for (let i = 0; i < 10; i++) {
      clock.advance(15_000);
      expect(await s.tick()).toBe(0);
    }
    expect(lists()).toBe(1);
    // Another transaction plans a job: the count changed, so the index is read again, once.
    await put(store, job('new', '2026-11-23T09:05:00Z'));
    await s.tick();
    expect(lists()).toBe(2);
    clock.set('2026-11-23T09:05:00Z');
    expect(await s.tick()).toBe(1);
    expect(await runs(store, 'new')).toBe(1);
    expect(lists()).toBe(2);
  });

  it('runs plan at the first tick, after jobs ran, and otherwise once a minute', async () => {
    const store = memoryStore();
    const clock = new ManualClock(T0);
    let plans = 0;
    const s = scheduler(store, clock, { plan: () => void plans++ });
    await put(store, job('soon', '2026-11-23T09:00:30Z'));
    await s.tick();
    expect(plans).toBe(1);
    clock.advance(15_000);
    await s.tick();
    expect(plans).toBe(1);
    clock.advance(15_000);
    expect(await s.tick()).toBe(1);
    clock.advance(15_000);
    await s.tick(); // after a job ran (a digest plans its next week)
    expect(plans).toBe(2);
    clock.advance(15_000);
    await s.tick();
    expect(plans).toBe(2);
    clock.advance(60_000);
    await s.tick();
    expect(plans).toBe(3);
  });

  it('removes done jobs after keepDoneMs when it sweeps', async () => {
    const store = memoryStore();
    const clock = new ManualClock(T0);
    const s = scheduler(store, clock, { keepDoneMs: 60 * MIN, sweepMs: 30 * MIN });
    await put(store, job('old', T0));
    await s.tick();
    clock.advance(61 * MIN);
    await s.tick();
    expect(await getJob(store, 'old')).toBeUndefined();
  });

  it('a job whose handler throws is marked failed and does not block the others', async () => {
    const store = memoryStore();
    const clock = new ManualClock(T0);
    const s = scheduler(store, clock, {
      handlers: {
        ping: (tx, j) => bump(tx, j.id),
        boom: () => {
          throw new Error('broken');
        },
      },
    });
    await put(store, job('x', '2026-11-23T08:00:00Z', 'boom'), job('y', T0));
    await s.tick();
    expect((await getJob(store, 'x'))?.status).toBe('failed');
    expect((await getJob(store, 'x'))?.error).toContain('broken');
    expect(await runs(store, 'y')).toBe(1);
  });
});

describe('scheduler: catch-up policy', () => {
  it('marks a job late after its grace and still runs it (reminders)', async () => {
    const store = memoryStore();
    const clock = new ManualClock(T0);
    const s = scheduler(store, clock);
    await put(store, job('ontime', '2026-11-23T08:56:00Z'), job('late', '2026-11-23T08:54:00Z'));
    await s.tick();
    expect(await getJob(store, 'ontime')).toMatchObject({
      status: 'done',
      doneAt: clock.now().toISOString(),
    });
    expect((await getJob(store, 'ontime'))?.late).toBeUndefined();
    expect(await getJob(store, 'late')).toMatchObject({ status: 'done', late: true });
    expect(await runs(store, 'late')).toBe(1);
  });

  it('skips a kind with a window when later than it, and tells onSkip; within the window it runs late', async () => {
    const store = memoryStore();
    const clock = new ManualClock(T0);
    const skipped: string[] = [];
    const s = scheduler(store, clock, {
      handlers: {
        news: {
          run: (tx, j) => bump(tx, j.id),
          windowMs: 360 * MIN,
          onSkip: (_tx, j) => void skipped.push(j.id),
        },
      },
    });
    await put(
      store,
      job('stale', '2026-11-23T02:59:00Z', 'news'),
      job('fresh', '2026-11-23T03:01:00Z', 'news'),
    );
    expect(await s.tick()).toBe(2);
    expect(await getJob(store, 'stale')).toMatchObject({ status: 'done', skipped: true });
    expect(await runs(store, 'stale')).toBe(0);
    expect(skipped).toEqual(['stale']);
    expect(await getJob(store, 'fresh')).toMatchObject({ status: 'done', late: true });
    expect(await runs(store, 'fresh')).toBe(1);
  });
});

describe('scheduler: exactly once across restarts', () => {
  it('two scheduler instances over the same file store: a done job never runs again', async () => {
    const dir = tempDir();
    const clock = new ManualClock(T0);
    let store = await fileStore(dir);
    await put(store, job('one', '2026-11-23T08:00:00Z'), job('two', '2026-11-23T12:00:00Z'));
    expect(await scheduler(store, clock).tick()).toBe(1);
    await store.close();
    // Restart: a new store and a new scheduler over the same files, after downtime.
    store = await fileStore(dir);
    clock.set('2026-11-23T12:30:00Z');
    const b = scheduler(store, clock);
    expect(await b.tick()).toBe(1);
    expect(await b.tick()).toBe(0);
    expect(await runs(store, 'one')).toBe(1);
    expect(await runs(store, 'two')).toBe(1);
    expect(await getJob(store, 'two')).toMatchObject({ status: 'done', late: true });
    await store.close();
  });

  it('a commit that fails after the handler ran writes nothing; the job runs once when retried', async () => {
    const dir = tempDir();
    const clock = new ManualClock(T0);
    const real = await fileStore(dir);
    const { store: flaky } = failingCommits(real, 'disk full');
    await real.transact((tx) => planJob(tx, 'jobs', job('once', '2026-11-23T08:00:00Z')));
    let calls = 0;
    const handlers = {
      ping: (tx: Parameters<typeof bump>[0], j: Job) => {
        calls++;
        bump(tx, j.id);
      },
    };
    expect(await scheduler(flaky, clock, { handlers }).tick()).toBe(0);
    expect(calls).toBe(1);
    // Nothing half-written: no effect, the job still due (also after a restart).
    expect(await runs(real, 'once')).toBe(0);
    expect((await getJob(real, 'once'))?.status).toBe('due');
    await real.close();
    const again = await fileStore(dir);
    expect(await runs(again, 'once')).toBe(0);
    const s = scheduler(again, clock, { handlers });
    expect(await s.tick()).toBe(1);
    expect(await s.tick()).toBe(0);
    expect(calls).toBe(2);
    expect(await runs(again, 'once')).toBe(1);
    expect((await getJob(again, 'once'))?.status).toBe('done');
    await again.close();
  });

  it('within one process, a failed commit is retried at the next tick', async () => {
    const real = memoryStore();
    const clock = new ManualClock(T0);
    const flakyStore = failingCommits(real, 'fsync failed', false);
    const flaky = flakyStore.store;
    await put(real, job('j', '2026-11-23T09:00:01Z'));
    const s = scheduler(flaky, clock);
    expect(await s.tick()).toBe(0); // builds the index; nothing due yet
    clock.advance(1000);
    flakyStore.failNext();
    expect(await s.tick()).toBe(0);
    expect(await runs(real, 'j')).toBe(0);
    expect(await s.tick()).toBe(1);
    expect(await s.tick()).toBe(0);
    expect(await runs(real, 'j')).toBe(1);
  });
});
