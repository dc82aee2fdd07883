import type { Schema } from '../core/store.js';
import { createDueHeap, type DueEntry, type DueHeap } from './heap.js';
import type { JobFollowUp, JobKind, JobRecord, Scheduler, SchedulerOptions } from './types.js';

export { createDueHeap, type DueEntry, type DueHeap } from './heap.js';
export { planJob } from './plan.js';
export type { JobFollowUp, JobHandler, JobKind, JobRecord, Scheduler, SchedulerOptions } from './types.js';

const MINUTE = 60_000;

type Outcome<J> =
  | { readonly kind: 'gone' }
  | { readonly kind: 'later'; readonly at: number }
  | {
      readonly kind: 'ran';
      readonly job: J;
      readonly lateMs: number;
      readonly late: boolean;
      readonly follow: JobFollowUp | void;
    }
  | { readonly kind: 'skipped'; readonly job: J; readonly lateMs: number };

/**
 * Durable jobs: a job is a record due at a time, run once. Its handler's writes and the job's
 * "done" are one transaction, so a crash never runs half a job or one twice; a job whose handler
 * throws is marked failed (and logged) instead of blocking the others, while a failed commit
 * (disk, fsync) leaves the job due for the next tick.
 *
 * Next-due ordering: the due jobs sit in an in-memory min-heap by `dueAt`, built with one scan at
 * the first tick. A tick reads only the jobs collection's count; the index is rebuilt when that
 * count changed (someone planned a job, see `planJob`) and once per `sweepMs` (which also removes
 * old done jobs). A tick with nothing due and nothing new costs O(1) in the number of jobs (and
 * the `plan` hook, which may scan, runs only after a change or once per `planEveryMs`).
 *
 * Catch-up after downtime, per kind (`JobKind`): later than its grace a job still runs and is
 * marked `late`; later than its window (broadcasts) it is skipped and the kind's `onSkip` runs.
 */
export const createScheduler = <S extends Schema, J extends JobRecord>(
  o: SchedulerOptions<S, J>,
): Scheduler => {
  const keep = o.keepDoneMs ?? 30 * 86_400_000;
  const sweepMs = o.sweepMs ?? 60 * MINUTE;
  const defaultGrace = o.graceMs ?? 5 * MINUTE;
  const col = o.collection as keyof S & string;
  let heap: DueHeap = createDueHeap();
  let known = -1;
  let lastSweep = -Infinity;
  const planEveryMs = o.planEveryMs ?? MINUTE;
  let lastPlan = -Infinity;
  let ranLast = false;
  let running: Promise<number> | null = null;

  const kindOf = (kind: string): JobKind<S, J> | undefined => {
    const h = o.handlers[kind];
    return typeof h === 'function' ? { run: h } : h;
  };

  /** One scan: the index of due jobs, and done jobs older than `keep` removed. */
  const rebuild = async (t: number): Promise<void> => {
    const { entries, old, total } = await o.store.read((tx) => {
      const all = tx.list(col) as unknown as J[];
      const entries: DueEntry[] = [];
      const old: string[] = [];
      for (const j of all) {
        if (j.status === 'due') entries.push({ at: Date.parse(j.dueAt), id: j.id });
        else if (j.doneAt && t - Date.parse(j.doneAt) > keep) old.push(j.id);
      }
      return { entries, old, total: all.length };
    });
    heap = createDueHeap(entries);
    let removed = 0;
    if (old.length)
      removed = await o.store.transact((tx) => {
        let n = 0;
        for (const id of old) {
          const j = tx.get(col, id) as unknown as J | undefined;
          if (j && j.status !== 'due') {
            tx.delete(col, id);
            n++;
          }
        }
        return n;
      });
    // Jobs added since the scan make the count differ at the next tick, which rebuilds again.
    known = total - removed;
    lastSweep = t;
  };

  const markFailed = async (id: string, err: unknown) => {
    o.log.error({ job: id, err: err instanceof Error ? err.message : String(err) }, 'job failed');
    await o.store
      .transact((tx) => {
        const job = tx.get(col, id) as unknown as J | undefined;
        if (job?.status === 'due')
          tx.put(col, id, {
            ...job,
            status: 'failed',
            doneAt: o.clock.now().toISOString(),
            error: String(err).slice(0, 200),
          } as unknown as S[typeof col]);
      })
      .catch(() => undefined);
  };

  /** Runs (or skips) one job in one transaction; true when it was handled. */
  const runOne = async (entry: DueEntry): Promise<boolean> => {
    let handlerDone = false;
    let outcome: Outcome<J>;
    try {
      outcome = await o.store.transact((tx): Outcome<J> => {
        const job = tx.get(col, entry.id) as unknown as J | undefined;
        if (!job || job.status !== 'due') return { kind: 'gone' };
        const now = o.clock.now();
        const at = Date.parse(job.dueAt);
        if (at > now.getTime()) return { kind: 'later', at };
        const spec = kindOf(job.kind);
        const lateMs = now.getTime() - at;
        const doneAt = now.toISOString();
        if (spec?.windowMs !== undefined && lateMs > spec.windowMs) {
          spec.onSkip?.(tx, job, now);
          tx.put(col, job.id, { ...job, status: 'done', doneAt, skipped: true } as unknown as S[typeof col]);
          handlerDone = true;
          return { kind: 'skipped', job, lateMs };
        }
        const follow = spec?.run(tx, job, now);
        const late = lateMs > (spec?.graceMs ?? defaultGrace);
        const done = late ? { ...job, status: 'done', doneAt, late } : { ...job, status: 'done', doneAt };
        tx.put(col, job.id, done as unknown as S[typeof col]);
        handlerDone = true;
        return { kind: 'ran', job, lateMs, late, follow };
      });
    } catch (err) {
      if (!handlerDone) {
        await markFailed(entry.id, err);
        return true;
      }
      // The handler ran but the commit failed: nothing was written; the job stays due.
      o.log.error(
        { job: entry.id, err: err instanceof Error ? err.message : String(err) },
        'job not saved; retry',
      );
      heap.push(entry);
      return false;
    }
    if (outcome.kind === 'gone') return false;
    if (outcome.kind === 'later') {
      heap.push({ at: outcome.at, id: entry.id });
      return false;
    }
    const fields = { job: outcome.job.id, kind: outcome.job.kind, lateMs: outcome.lateMs };
    if (outcome.kind === 'skipped') {
      o.log.warn(fields, 'job skipped: later than its window');
      return true;
    }
    if (outcome.late) o.log.warn(fields, 'job ran late');
    const start = outcome.follow?.start;
    if (start) await o.startFlow(start.personId, start.flow, start.vars);
    return true;
  };

  const round = async (): Promise<number> => {
    const now = o.clock.now();
    const t = now.getTime();
    let count = await o.store.read((tx) => tx.count(col));
    // The plan may list jobs itself: run it when something changed, else once per planEveryMs.
    if (o.plan && (ranLast || count !== known || t - lastPlan >= planEveryMs)) {
      const plan = o.plan;
      await o.store.transact((tx) => plan(tx, now));
      lastPlan = t;
      count = await o.store.read((tx) => tx.count(col));
    }
    if (count !== known || t - lastSweep >= sweepMs) await rebuild(t);
    const due: DueEntry[] = [];
    for (let top = heap.peek(); top && top.at <= t; top = heap.peek()) {
      heap.pop();
      due.push(top);
    }
    let handled = 0;
    for (const e of due) if (await runOne(e)) handled++;
    ranLast = handled > 0;
    return handled;
  };

  return {
    tick: () => {
      running ??= round().finally(() => (running = null));
      return running;
    },
    refresh: () => {
      known = -1;
    },
    indexed: () => heap.size,
  };
};
