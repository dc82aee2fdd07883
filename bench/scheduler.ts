import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../src/core/clock.js';
import { silentLog } from '../src/core/log.js';
import type { Store } from '../src/core/store.js';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS, type DataSchema, type Job } from '../src/domain/index.js';
import { createScheduler, planJob } from '../src/scheduler/index.js';
import { openFileStore } from '../src/store/index.js';

export interface SchedulerBenchOptions {
  /** Pending jobs in the store. */
  readonly jobs: number;
  /** Of which this many come due during the run (one a second), the rest weeks later. */
  readonly due: number;
  /** The app's tick interval (TIMER_INTERVAL_SECONDS), the step of the fake clock. */
  readonly tickMs: number;
}

const T0 = Date.parse('2026-11-23T09:00:00Z');
const DAY = 86_400_000;

const open = (dir: string) =>
  openFileStore<DataSchema>({
    dir,
    schemaVersion: DATA_VERSION,
    migrations: MIGRATIONS,
    collections: COLLECTIONS,
    backupOnStart: false,
  });

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ms = (t: number) => Math.round(t * 100) / 100;

/**
 * `jobs` pending jobs in a file store (fsync on), `due` of them coming due one a second, the rest
 * in the future. Prints the time to open the store and build the index (the first tick), a tick
 * with nothing due, firing the due jobs with a fake clock stepping by `tickMs` (and running on in
 * real time within a step, so work shows as lateness), the lateness p50/p99 and the RSS.
 */
export const benchScheduler = async (
  o: SchedulerBenchOptions,
  print: (line: object) => void,
): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'nb-bench-scheduler-'));
  let store: Store<DataSchema> | null = null;
  try {
    const seed = await open(dir);
    await seed.transact((tx) => {
      for (let i = 0; i < o.jobs; i++) {
        const id = `bench:${i.toString(36).padStart(5, '0')}`;
        const dueAt = i < o.due ? T0 + (i + 1) * 1000 : T0 + 7 * DAY + (i % 50_000) * 60_000;
        const job: Job = {
          v: 1,
          id,
          kind: 'ping',
          dueAt: new Date(dueAt).toISOString(),
          payload: { n: i },
          status: 'due',
          doneAt: null,
        };
        planJob(tx, 'jobs', job);
      }
    });
    await seed.close();

    let started = performance.now();
    store = await open(dir);
    const openMs = performance.now() - started;

    // Fake time: `base` jumps by a tick; within a tick it runs on with the wall clock.
    let base = T0;
    let wall = performance.now();
    const clock: Clock = { now: () => new Date(base + (performance.now() - wall)) };
    const lateness: number[] = [];
    const s = createScheduler<DataSchema, Job>({
      store,
      clock,
      log: silentLog,
      collection: 'jobs',
      handlers: { ping: (_tx, job, now) => void lateness.push(now.getTime() - Date.parse(job.dueAt)) },
      startFlow: async () => {},
    });

    started = performance.now();
    await s.tick();
    const indexMs = performance.now() - started;

    const quiet: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await s.tick();
      quiet.push(performance.now() - t);
    }
    quiet.sort((a, b) => a - b);

    started = performance.now();
    let ticks = 0;
    while (lateness.length < o.due && ticks < 10 * (o.due / (o.tickMs / 1000) + 10)) {
      base += o.tickMs;
      wall = performance.now();
      await s.tick();
      ticks++;
    }
    const fireMs = performance.now() - started;
    lateness.sort((a, b) => a - b);
    const mem = process.memoryUsage();
    print({
      bench: 'scheduler',
      jobs: o.jobs,
      due: o.due,
      fired: lateness.length,
      open_ms: ms(openMs),
      index_ms: ms(indexMs),
      indexed: s.indexed() + lateness.length,
      quiet_tick_ms_p50: ms(pct(quiet, 50)),
      quiet_tick_ms_max: ms(quiet.at(-1) ?? 0),
      fire_ms: ms(fireMs),
      fire_ms_per_job: ms(fireMs / Math.max(1, lateness.length)),
      ticks,
      tick_ms: o.tickMs,
      lateness_ms_p50: ms(pct(lateness, 50)),
      lateness_ms_p99: ms(pct(lateness, 99)),
      rss_mb: Math.round(mem.rss / 1048576),
      heap_used_mb: Math.round(mem.heapUsed / 1048576),
    });
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
