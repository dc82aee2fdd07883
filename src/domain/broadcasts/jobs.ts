import { TZDate } from '@date-fns/tz';
import { Cron } from 'croner';
import { pendingOutbox } from '../../core/records.js';
import type { Json, WriteTx } from '../../core/store.js';
import type { JobFollowUp, JobKind } from '../../scheduler/index.js';
import type { Activity, Broadcast } from '../activities/types.js';
import { localDate } from '../dates.js';
import type { DataSchema, Job } from '../schema.js';
import { activityParams } from './compose.js';
import { planDomainJob } from '../jobs.js';
import { latestAddressOf } from '../people.js';
import { fanOut, type Render } from './fanout.js';
import { queueStatusUpdate } from './status.js';

/** Monday 10:00: when the weekly digest goes out unless a gemeente says otherwise. */
export const DIGEST_CRON = '0 10 * * 1';
const WEEK_MS = 7 * 86_400_000;
/** A broadcast or digest later than this (the bot was down) is skipped: it is no longer news. */
export const BROADCAST_WINDOW_MS = 6 * 3_600_000;

export interface BroadcastJobDeps {
  readonly timeZone: string;
  readonly groupLanguage: string;
  readonly render: Render;
  /** The cron of gemeenten without their own (DIGEST_CRON). */
  readonly digestCron: string;
  /** The activities of a gemeente's digest: meeting the three criteria (or overridden), in [from, to). */
  readonly selectDigest: (
    tx: WriteTx<DataSchema>,
    o: { municipality: string; from: Date; to: Date },
  ) => Activity[];
}

type Handler = (tx: WriteTx<DataSchema>, job: Job, now: Date) => JobFollowUp | void;
type Kind = JobKind<DataSchema, Job>;

const nextDigest = (cron: string, timeZone: string, after: Date): Date | null =>
  new Cron(cron, { timezone: timeZone }).nextRun(after);

/** A new scheduled broadcast (a digest now, or one activity at a chosen time). */
export const newBroadcast = (
  o: Pick<
    Broadcast,
    'id' | 'kind' | 'municipalities' | 'activityIds' | 'sendAt' | 'quietOverride' | 'createdBy'
  > & {
    now: Date;
  },
): Broadcast => ({
  v: 1,
  id: o.id,
  kind: o.kind,
  municipalities: o.municipalities,
  activityIds: o.activityIds,
  sendAt: o.sendAt,
  quietOverride: o.quietOverride,
  createdBy: o.createdBy,
  createdAt: o.now.toISOString(),
  status: 'scheduled',
  total: 0,
  sent: 0,
  failed: 0,
  statusMessage: null,
});

/**
 * The aanbod's durable jobs: the weekly digest per gemeente (planned from its cron), scheduled
 * broadcasts, the reminder on the evening before an activity, and "were you there?" after it.
 */
export const broadcastJobs = (
  d: BroadcastJobDeps,
): { handlers: Record<string, Handler | Kind>; plan: (tx: WriteTx<DataSchema>, now: Date) => void } => {
  const fan = (tx: WriteTx<DataSchema>, id: string, now: Date) =>
    fanOut(tx, id, { now, render: d.render, timeZone: d.timeZone, groupLanguage: d.groupLanguage });

  /** A broadcast that came too late: cancelled, and the coach who planned it is told. */
  const skipBroadcast = (tx: WriteTx<DataSchema>, job: Job, now: Date) => {
    const b = tx.get('broadcasts', String(job.payload['broadcast']));
    if (!b || b.status !== 'scheduled') return;
    tx.put('broadcasts', b.id, { ...b, status: 'cancelled' });
    const coach = tx.get('people', b.createdBy);
    const to = coach && latestAddressOf(tx, coach.id);
    if (!coach || !to) return;
    const first = b.activityIds[0];
    const a = first === undefined ? undefined : tx.get('activities', first);
    const at = new Date(Date.parse(b.sendAt));
    const params: Record<string, Json> = {
      title: a?.title ?? '',
      day: localDate(at, d.timeZone),
      time: new TZDate(at.getTime(), d.timeZone).toTimeString().slice(0, 5),
    };
    const message = d.render({ key: 'staff:broadcast_skipped', params }, coach.lang);
    const id = `skip:${job.id}`;
    tx.put('outbox', id, pendingOutbox(id, to, message, now));
  };

  const handlers: Record<string, Handler | Kind> = {
    digest: {
      // Nobody planned a digest by hand: a skipped one is only logged; the next week's follows.
      windowMs: BROADCAST_WINDOW_MS,
      run: (tx, job, now) => {
        const municipality = String(job.payload['municipality']);
        const activities = d.selectDigest(tx, {
          municipality,
          from: now,
          to: new Date(now.getTime() + WEEK_MS),
        });
        const id = `digest-${municipality}-${job.dueAt.slice(0, 10)}`;
        if (!tx.get('broadcasts', id))
          tx.put(
            'broadcasts',
            id,
            newBroadcast({
              id,
              kind: 'digest',
              municipalities: [municipality],
              activityIds: activities.map((a) => a.id),
              sendAt: now.toISOString(),
              quietOverride: false,
              createdBy: 'schedule',
              now,
            }),
          );
        fan(tx, id, now);
      },
    },
    broadcast: {
      windowMs: BROADCAST_WINDOW_MS,
      run: (tx, job, now) => {
        fan(tx, String(job.payload['broadcast']), now);
      },
      onSkip: skipBroadcast,
    },
    rsvp_remind: (tx, job, now) => {
      const rsvp = tx.get('rsvps', String(job.payload['rsvp']));
      const a = rsvp ? tx.get('activities', rsvp.activityId) : undefined;
      const person = rsvp ? tx.get('people', rsvp.personId) : undefined;
      if (!rsvp || !a || !person || rsvp.status !== 'coming' || a.status !== 'active') return;
      const to = latestAddressOf(tx, person.id);
      if (!to) return;
      const message = d.render(
        { key: 'aanbod:reminder', params: activityParams(a, 1, person.lang, d.timeZone) },
        person.lang,
      );
      const id = `job:${job.id}`;
      tx.put('outbox', id, pendingOutbox(id, to, message, now));
      tx.put('rsvps', rsvp.id, { ...rsvp, remindedAt: now.toISOString() });
    },
    broadcast_status: (tx, job, now) => {
      queueStatusUpdate(tx, String(job.payload['broadcast']), String(job.payload['step']), {
        render: d.render,
        now,
      });
    },
    rsvp_attend: (tx, job) => {
      const rsvp = tx.get('rsvps', String(job.payload['rsvp']));
      if (!rsvp || rsvp.status !== 'coming' || rsvp.entryId) return;
      const vars: Record<string, Json> = { rsvp: rsvp.id };
      return { start: { personId: rsvp.personId, flow: 'activity-attendance', vars } };
    },
  };

  /** Makes sure every gemeente has its next digest planned (a job per gemeente and run time). */
  const plan = (tx: WriteTx<DataSchema>, now: Date) => {
    // The next run's id is predictable, so planning is a lookup per gemeente, not a scan of jobs.
    for (const m of tx.list('municipalities')) {
      const next = nextDigest(m.digestCron ?? d.digestCron, d.timeZone, now);
      const rev = m.digestRev ? `:r${m.digestRev}` : '';
      if (next)
        planDomainJob(tx, `digest:${m.id}:${next.toISOString()}${rev}`, 'digest', next, {
          municipality: m.id,
        });
    }
  };
  return { handlers, plan };
};
