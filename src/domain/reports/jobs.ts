import { Cron } from 'croner';
import { pendingOutbox } from '../../core/records.js';
import type { WriteTx } from '../../core/store.js';
import type { JobKind } from '../../scheduler/index.js';
import type { Render } from '../broadcasts/fanout.js';
import { localDate, shiftDate } from '../dates.js';
import { planDomainJob } from '../jobs.js';
import { latestAddressOf } from '../people.js';
import type { DataSchema, Job } from '../schema.js';

/** TB_REPORT_CRON's default: 09:00 on the first day of each quarter (local time). */
export const TB_REPORT_CRON = '0 9 1 1,4,7,10 *';

export interface TbReportJobDeps {
  readonly timeZone: string;
  /** When coaches are reminded (cron, in `timeZone`). */
  readonly cron: string;
  readonly render: Render;
}

type Handler = (tx: WriteTx<DataSchema>, job: Job, now: Date) => void;
type Kind = JobKind<DataSchema, Job>;

/**
 * The quarter before a local date, for the reminder's example command: from the first day of the
 * quarter of the day before `date`, to that day (1 January 2027 -> 2026-10-01 .. 2026-12-31).
 */
export const previousQuarter = (date: string): { from: string; to: string } => {
  const to = shiftDate(date, -1);
  const month = Number(to.slice(5, 7));
  const first = String(month - ((month - 1) % 3)).padStart(2, '0');
  return { from: `${to.slice(0, 4)}-${first}-01`, to };
};

/**
 * The quarterly reminder to send the report to the agency's trajectbegeleider: a durable job
 * `tb-report:<local date>` at TB_REPORT_CRON writes, for every coach with a linked chat, one
 * message (`proof:tb.reminder`, with the command for the quarter that just ended) to their latest
 * chat, in their language. The row id `tb-report:<coach>:<date>` makes a rerun harmless; after
 * downtime it still goes out (marked late by the scheduler).
 */
export const tbReportJobs = (
  d: TbReportJobDeps,
): { handlers: Record<string, Handler | Kind>; plan: (tx: WriteTx<DataSchema>, now: Date) => void } => {
  const handlers: Record<string, Handler | Kind> = {
    tb_report_reminder: (tx, job, now) => {
      const date = typeof job.payload['date'] === 'string' ? job.payload['date'] : localDate(now, d.timeZone);
      const params = previousQuarter(date);
      for (const coach of tx.list('people', (p) => p.role === 'coach')) {
        const to = latestAddressOf(tx, coach.id);
        if (!to) continue;
        const id = `tb-report:${coach.id}:${date}`;
        tx.put(
          'outbox',
          id,
          pendingOutbox(id, to, d.render({ key: 'proof:tb.reminder', params }, coach.lang), now),
        );
      }
    },
  };

  /** Makes sure the next reminder is planned (croner in the configured time zone). */
  const plan = (tx: WriteTx<DataSchema>, now: Date) => {
    const next = new Cron(d.cron, { timezone: d.timeZone }).nextRun(now);
    if (!next) return;
    const date = localDate(next, d.timeZone);
    planDomainJob(tx, `tb-report:${date}`, 'tb_report_reminder', next, { date });
  };
  return { handlers, plan };
};
