import type { Clock } from '../core/clock.js';
import type { Log } from '../core/log.js';
import type { Json, Schema, Store, WriteTx } from '../core/store.js';

/** What the scheduler needs of a job record (the domain's `Job`). */
export interface JobRecord {
  readonly v: 1;
  readonly id: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly status: 'due' | 'done' | 'failed';
  readonly doneAt: string | null;
  readonly error?: string;
}

/** After a job's transaction: a flow to start in someone's conversation (e.g. "were you there?"). */
export interface JobFollowUp {
  readonly start?: {
    readonly personId: string;
    readonly flow: string;
    readonly vars: Readonly<Record<string, Json>>;
  };
}

export type JobHandler<S extends Schema, J extends JobRecord> = (
  tx: WriteTx<S>,
  job: J,
  now: Date,
) => JobFollowUp | void;

export interface SchedulerOptions<S extends Schema, J extends JobRecord> {
  readonly store: Store<S>;
  readonly clock: Clock;
  readonly log: Log;
  /** The collection jobs live in. */
  readonly collection: string;
  readonly handlers: Readonly<Record<string, JobHandler<S, J>>>;
  /** Plans recurring jobs (the weekly digests) inside the tick's first transaction. */
  readonly plan?: (tx: WriteTx<S>, now: Date) => void;
  readonly startFlow: (personId: string, flow: string, vars: Readonly<Record<string, Json>>) => Promise<void>;
  /** Done jobs are kept this long (ids are idempotency keys), then removed. */
  readonly keepDoneMs?: number;
}

export interface Scheduler {
  /** Runs every job that is due, each in its own transaction; returns how many ran. */
  tick(): Promise<number>;
}

/**
 * Durable jobs: a job is a record due at a time, run once. Its handler's writes and the job's
 * "done" are one transaction, so a crash never runs half a job or one twice; a job that throws is
 * marked failed with the error (and logged) instead of blocking the others. Jobs catch up after
 * downtime: whatever came due while the bot was off runs at the next tick.
 */
export const createScheduler = <S extends Schema, J extends JobRecord>(
  o: SchedulerOptions<S, J>,
): Scheduler => {
  const keep = o.keepDoneMs ?? 30 * 86_400_000;
  const col = o.collection as keyof S & string;
  let running: Promise<number> | null = null;

  const runOne = async (id: string): Promise<void> => {
    let follow: JobFollowUp | void;
    try {
      follow = await o.store.transact((tx) => {
        const job = tx.get(col, id) as unknown as J | undefined;
        if (!job || job.status !== 'due') return undefined;
        const now = o.clock.now();
        const r = o.handlers[job.kind]?.(tx, job, now);
        tx.put(col, id, { ...job, status: 'done', doneAt: now.toISOString() } as unknown as S[typeof col]);
        return r;
      });
    } catch (err) {
      o.log.error({ job: id, err: err instanceof Error ? err.message : String(err) }, 'job failed');
      await o.store
        .transact((tx) => {
          const job = tx.get(col, id) as unknown as J | undefined;
          if (job)
            tx.put(col, id, {
              ...job,
              status: 'failed',
              doneAt: o.clock.now().toISOString(),
              error: String(err).slice(0, 200),
            } as unknown as S[typeof col]);
        })
        .catch(() => undefined);
      return;
    }
    if (follow?.start) await o.startFlow(follow.start.personId, follow.start.flow, follow.start.vars);
  };

  const round = async (): Promise<number> => {
    const now = o.clock.now();
    const due = await o.store.transact((tx) => {
      o.plan?.(tx, now);
      const all = tx.list(col) as unknown as J[];
      for (const j of all)
        if (j.status !== 'due' && j.doneAt && now.getTime() - Date.parse(j.doneAt) > keep)
          tx.delete(col, j.id);
      return all
        .filter((j) => j.status === 'due' && Date.parse(j.dueAt) <= now.getTime())
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
        .map((j) => j.id);
    });
    for (const id of due) await runOne(id);
    return due.length;
  };

  return {
    tick: () => {
      running ??= round().finally(() => (running = null));
      return running;
    },
  };
};
