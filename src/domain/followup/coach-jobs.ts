import { Cron } from 'croner';
import { pendingOutbox } from '../../core/records.js';
import type { WriteTx } from '../../core/store.js';
import type { JobKind } from '../../scheduler/index.js';
import type { Render } from '../broadcasts/fanout.js';
import { localDate } from '../dates.js';
import { planDomainJob } from '../jobs.js';
import { latestAddressOf } from '../people.js';
import type { DataSchema, Job } from '../schema.js';
import { isStaff } from '../staff.js';
import { digestDay, digestFor, digestTemplates, type DigestDay, type DigestSettings } from './digest.js';

/** COACH_DIGEST_CRON's default: 09:00 on weekdays (local time). */
export const COACH_DIGEST_CRON = '0 9 * * 1-5';

export interface CoachDigestJobDeps extends DigestSettings {
  /** When the digest goes out (cron, in `timeZone`). */
  readonly cron: string;
  readonly render: Render;
}

type Handler = (tx: WriteTx<DataSchema>, job: Job, now: Date) => void;
type Kind = JobKind<DataSchema, Job>;

/**
 * The outbox row of one digest message: a rerun of the same day's job writes the same rows. `n`
 * is zero-padded: rows written together go out in id order.
 */
const rowId = (coachId: string, date: string, n: number): string =>
  `coach-digest:${coachId}:${date}:${String(n).padStart(3, '0')}`;

/**
 * The coach digest's durable job: `coach-digest:<local date>` at COACH_DIGEST_CRON. It writes,
 * for every coach and admin with a linked chat and something to show, the digest's messages
 * (header, one per task with Klaar / Een week later / Logboek, quiet duos, waiting hours, terms
 * ending) to their latest chat, in their language. The job id makes it once a day; the row ids
 * (`coach-digest:<coach>:<date>:<n>`) make a rerun harmless. After downtime it still runs (marked
 * late by the scheduler), with what is due on the day it runs.
 */
export const coachDigestJobs = (
  d: CoachDigestJobDeps,
): { handlers: Record<string, Handler | Kind>; plan: (tx: WriteTx<DataSchema>, now: Date) => void } => {
  const handlers: Record<string, Handler | Kind> = {
    coach_digest: (tx, job, now) => {
      const date = typeof job.payload['date'] === 'string' ? job.payload['date'] : localDate(now, d.timeZone);
      const today = localDate(now, d.timeZone);
      // Read once for every coach (and only when someone can be reached), then cut per coach.
      let day: DigestDay | undefined;
      for (const staff of tx.list('people', (p) => isStaff(p))) {
        const to = latestAddressOf(tx, staff.id);
        if (!to) continue;
        day ??= digestDay(tx, today, d);
        const templates = digestTemplates(digestFor(tx, day, staff));
        templates.forEach((t, n) => {
          const id = rowId(staff.id, date, n);
          tx.put('outbox', id, pendingOutbox(id, to, d.render(t, staff.lang), now));
        });
      }
    },
  };

  /** Makes sure the next digest (today's before its time, else the next weekday's) is planned. */
  const plan = (tx: WriteTx<DataSchema>, now: Date) => {
    const next = new Cron(d.cron, { timezone: d.timeZone }).nextRun(now);
    if (!next) return;
    const date = localDate(next, d.timeZone);
    planDomainJob(tx, `coach-digest:${date}`, 'coach_digest', next, { date });
  };
  return { handlers, plan };
};
