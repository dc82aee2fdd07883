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
  /** Ran later than its kind's grace after `dueAt` (e.g. after downtime). */
  readonly late?: boolean;
  /** Not run: later than its kind's window (a broadcast that is no longer news). */
  readonly skipped?: boolean;
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

/**
 * A job kind with a catch-up policy. A plain `JobHandler` is a kind with the default grace and no
 * window: it always runs, however late (reminders, attendance questions).
 */
export interface JobKind<S extends Schema, J extends JobRecord> {
  readonly run: JobHandler<S, J>;
  /** Running more than this after `dueAt` marks the job `late` (and logs it). Default 5 minutes. */
  readonly graceMs?: number;
  /** More than this after `dueAt` the job is not run but skipped (done, `skipped: true`). */
  readonly windowMs?: number;
  /** Called in the skipping transaction, e.g. to tell the coach who planned it. */
  readonly onSkip?: (tx: WriteTx<S>, job: J, now: Date) => void;
}

export interface SchedulerOptions<S extends Schema, J extends JobRecord> {
  readonly store: Store<S>;
  readonly clock: Clock;
  readonly log: Log;
  /** The collection jobs live in. */
  readonly collection: string;
  readonly handlers: Readonly<Record<string, JobHandler<S, J> | JobKind<S, J>>>;
  /**
   * Plans recurring jobs (the weekly digests) in a transaction at the start of a tick: the first
   * tick, a tick after jobs ran or were added, and otherwise once per `planEveryMs`.
   */
  readonly plan?: (tx: WriteTx<S>, now: Date) => void;
  /** How often `plan` runs when nothing changed. Default 1 minute. */
  readonly planEveryMs?: number;
  readonly startFlow: (personId: string, flow: string, vars: Readonly<Record<string, Json>>) => Promise<void>;
  /** Done jobs are kept this long (ids are idempotency keys), then removed. */
  readonly keepDoneMs?: number;
  /** How long a job may be late before it is marked `late`, for kinds that do not say. Default 5 min. */
  readonly graceMs?: number;
  /** The index is rebuilt from the store at least this often (and removes old done jobs). Default 1 h. */
  readonly sweepMs?: number;
}

export interface Scheduler {
  /** Runs every job that is due, each in its own transaction; returns how many it handled. */
  tick(): Promise<number>;
  /** Jobs were changed elsewhere (another process): the next tick rebuilds the index from the store. */
  refresh(): void;
  /** How many due jobs the in-memory index holds (after the first tick). */
  indexed(): number;
}
