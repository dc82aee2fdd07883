import { Cron } from 'croner';
import type { WriteTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import { planDomainJob } from '../jobs.js';
import type { DataSchema, Job } from '../schema.js';
import { runRetention } from './retention.js';

/** When the retention clean-up runs: every night at 03:30 (local time). */
export const RETENTION_CRON = '30 3 * * *';

export interface RetentionJobDeps {
  readonly timeZone: string;
  /** RETENTION_MONTHS. */
  readonly months: number;
  readonly cron?: string;
}

type Handler = (tx: WriteTx<DataSchema>, job: Job, now: Date) => void;

/**
 * The daily retention job `privacy-retention:<local date>`: erases everyone whose trajectory
 * ended more than RETENTION_MONTHS ago (see runRetention), as "system", each with an erasure
 * record and an audit record. The job id makes it once a day; after downtime it runs late with
 * that day's list (erasing twice is harmless: erased people are skipped).
 */
export const retentionJobs = (
  d: RetentionJobDeps,
): { handlers: Record<string, Handler>; plan: (tx: WriteTx<DataSchema>, now: Date) => void } => ({
  handlers: {
    privacy_retention: (tx, job, now) => {
      let n = 0;
      const ids = { next: (p: string) => `${p}_${job.id}_${++n}` };
      runRetention(tx, {
        now,
        today: localDate(now, d.timeZone),
        months: d.months,
        ids,
        actorId: 'system',
        via: 'scheduler',
      });
    },
  },
  plan: (tx, now) => {
    const next = new Cron(d.cron ?? RETENTION_CRON, { timezone: d.timeZone }).nextRun(now);
    if (!next) return;
    const date = localDate(next, d.timeZone);
    planDomainJob(tx, `privacy-retention:${date}`, 'privacy_retention', next, { date });
  },
});
