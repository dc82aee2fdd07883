import { Cron } from 'croner';
import { pendingOutbox } from '../../core/records.js';
import type { Json, WriteTx } from '../../core/store.js';
import type { JobKind } from '../../scheduler/index.js';
import type { Render } from '../broadcasts/fanout.js';
import { localDate } from '../dates.js';
import { planDomainJob } from '../jobs.js';
import type { Duo } from '../ledger/types.js';
import type { DataSchema, Job } from '../schema.js';
import { quietDuos, quietStepOf, type InactivitySettings } from './inactivity.js';
import { latestAddressOf, personName } from '../people.js';

/** 09:00 every day (local time): when quiet duos are looked for. */
export const INACTIVITY_CRON = '0 9 * * *';

export interface DuoJobDeps extends InactivitySettings {
  readonly render: Render;
}

type Handler = (tx: WriteTx<DataSchema>, job: Job, now: Date) => void;
type Kind = JobKind<DataSchema, Job>;

/** Job ids that mark a step as sent for one quiet period (a new meeting starts a new period). */
const nudgeJobId = (duoId: string, since: string): string => `duo-nudge:${duoId}:${since}`;
const alertJobId = (duoId: string, since: string): string => `duo-alert:${duoId}:${since}`;

/**
 * The duos' durable jobs: a daily scan (`inactivity`, 09:00 local) that finds active duos without
 * a meeting for INACTIVITY_NUDGE_DAYS / INACTIVITY_ALERT_DAYS and plans one `duo_nudge` (to the
 * buddy) or `duo_alert` (to the coach) per duo and quiet period. Those jobs' ids are the
 * idempotency: planning the same one twice is a no-op, so a rerun or a second scan never sends
 * twice (outbox rows cannot serve: they are removed once delivered). Each re-checks the duo just
 * before it sends, so a meeting reported or a pause in between keeps it quiet.
 */
export const duoJobs = (
  d: DuoJobDeps,
): { handlers: Record<string, Handler | Kind>; plan: (tx: WriteTx<DataSchema>, now: Date) => void } => {
  /** Writes one message to a person's latest chat, in their language. */
  const send = (
    tx: WriteTx<DataSchema>,
    personId: string | null | undefined,
    key: string,
    params: Record<string, Json>,
    job: Job,
    now: Date,
  ) => {
    const person = personId ? tx.get('people', personId) : undefined;
    const to = person && latestAddressOf(tx, person.id);
    // Consent withdrawn: no nudges to this person (the coach's alerts still go to the coach).
    if (!person || !to || (person.role !== 'coach' && person.consent?.given === false)) return;
    const id = `job:${job.id}`;
    tx.put('outbox', id, pendingOutbox(id, to, d.render({ key, params }, person.lang), now));
  };

  /** The duo, if it is still due for this step in the same quiet period. */
  const stillQuiet = (tx: WriteTx<DataSchema>, job: Job, now: Date, step: 'nudge' | 'alert') => {
    const duo = tx.get('duos', String(job.payload['duo']));
    const q = duo && quietStepOf(tx, duo, now, d);
    return q && q.step === step && q.since === job.payload['since'] ? q : null;
  };

  const coachOf = (tx: WriteTx<DataSchema>, duo: Duo) =>
    duo.coachId ?? tx.get('people', duo.newcomerId)?.coachId ?? null;

  const handlers: Record<string, Handler | Kind> = {
    inactivity: (tx, _job, now) => {
      for (const q of quietDuos(tx, now, d)) {
        const id = q.step === 'nudge' ? nudgeJobId(q.duo.id, q.since) : alertJobId(q.duo.id, q.since);
        planDomainJob(tx, id, `duo_${q.step}`, now, { duo: q.duo.id, since: q.since });
      }
    },
    duo_nudge: (tx, job, now) => {
      const q = stillQuiet(tx, job, now, 'nudge');
      if (q)
        send(
          tx,
          q.duo.buddyId,
          'menu:inactivity_nudge',
          { newcomer: personName(tx, q.duo.newcomerId) ?? '' },
          job,
          now,
        );
    },
    duo_alert: (tx, job, now) => {
      const q = stillQuiet(tx, job, now, 'alert');
      if (!q) return;
      const params = {
        newcomer: personName(tx, q.duo.newcomerId) ?? '',
        buddy: personName(tx, q.duo.buddyId) ?? '',
        days: q.days,
        since: q.since,
      };
      send(tx, coachOf(tx, q.duo), 'menu:inactivity_alert', params, job, now);
    },
  };

  /** Makes sure tomorrow's (or today's, before 09:00) scan is planned; a lookup by its id. */
  const plan = (tx: WriteTx<DataSchema>, now: Date) => {
    const next = new Cron(INACTIVITY_CRON, { timezone: d.timeZone }).nextRun(now);
    if (next) planDomainJob(tx, `inactivity:${localDate(next, d.timeZone)}`, 'inactivity', next, {});
  };
  return { handlers, plan };
};
