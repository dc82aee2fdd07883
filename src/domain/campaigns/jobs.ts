import { pendingOutbox } from '../../core/records.js';
import type { WriteTx } from '../../core/store.js';
import type { Campaign } from '../../flows/campaign-schema.js';
import type { JobFollowUp, JobKind } from '../../scheduler/index.js';
import type { Render } from '../broadcasts/fanout.js';
import { localDate, shiftDate } from '../dates.js';
import { createTask } from '../followup/tasks.js';
import type { FollowUpMark } from '../followup/types.js';
import { planDomainJob } from '../jobs.js';
import { latestAddressOf } from '../people.js';
import type { Duo } from '../ledger/types.js';
import type { DataSchema, Job } from '../schema.js';
import { meetingDates } from '../duos/inactivity.js';
import { anchorsOf } from './anchors.js';
import { purposeMet } from './skip.js';
import { campaignTimeline, type Occurrence } from './timeline.js';

/** Events are planned as jobs this long ahead (the jobs collection holds only the near future). */
export const CAMPAIGN_HORIZON_MS = 36 * 3_600_000;
/** An event missed by more than this (the bot was down long) is skipped, not sent late. */
export const CAMPAIGN_CATCH_UP_MS = 7 * 86_400_000;

export interface CampaignJobDeps {
  readonly timeZone: string;
  /** Loaded campaigns by id (flows/campaigns). */
  readonly campaigns: ReadonlyMap<string, Campaign>;
  /** The campaign of gemeenten that did not choose one (DEFAULT_CAMPAIGN); `none` for none. */
  readonly defaultCampaign: string;
  readonly render: Render;
}

type Handler = (tx: WriteTx<DataSchema>, job: Job, now: Date) => JobFollowUp | void;

const markId = (duoId: string, key: string) => `${duoId}:${key}`;
/** The event key of the mark written when a duo's remaining events were cancelled: the planner passes it by. */
const CLOSED = '*';
const closedId = (duoId: string) => markId(duoId, CLOSED);

/** The campaign a duo follows: its newcomer's gemeente's, else the default; null for none. */
export const campaignOf = (tx: WriteTx<DataSchema>, duo: Duo, d: CampaignJobDeps): Campaign | null => {
  const gemeente = tx.get('people', duo.newcomerId)?.municipality;
  const id = (gemeente ? tx.get('municipalities', gemeente)?.campaign : undefined) ?? d.defaultCampaign;
  return d.campaigns.get(id) ?? null;
};

/** Newcomers whose trajectory ended (one pass over the trajectories). */
const endedTrajectories = (tx: WriteTx<DataSchema>, newcomerId?: string): Set<string> =>
  new Set(
    tx
      .list(
        'trajectories',
        (t) => t.status === 'ended' && (newcomerId === undefined || t.newcomerId === newcomerId),
      )
      .map((t) => t.newcomerId),
  );

/** Why the duo's campaign stops for good (the duo or the trajectory ended), or null. */
const endedReason = (duo: Duo, endedTerms: ReadonlySet<string>): string | null =>
  duo.status === 'ended' ? 'duo_ended' : endedTerms.has(duo.newcomerId) ? 'trajectory_ended' : null;

const jobId = (duo: Duo, o: Occurrence) =>
  `campaign:${duo.id}:${o.key}:${o.dueAt.toISOString()}${duo.resumedAt ? `:r${Date.parse(duo.resumedAt).toString(36)}` : ''}`;

/**
 * Follow-up campaigns (flows/campaigns/*.yaml) run as durable jobs. The plan step (each minute,
 * and after changes) computes every live duo's timeline — anchors from the duo, shifted by its
 * pauses — and plans the events due within the next 36 hours as `campaign_event` jobs; a job's id
 * holds its due time, so a pause that shifts an event simply plans a new job and the old one finds
 * itself stale. Each event is handled once, recorded in `followups` (`<duo>:<event>`): sent,
 * skipped (its purpose is already met, or it was missed by more than a week) or cancelled (the
 * duo or the trajectory ended; all remaining events are cancelled at once). A paused duo's events
 * wait: nothing is planned or sent while paused, and resuming shifts what is left by the pause.
 */
export const campaignJobs = (
  d: CampaignJobDeps,
): {
  handlers: Record<string, Handler | JobKind<DataSchema, Job>>;
  plan: (tx: WriteTx<DataSchema>, now: Date) => void;
} => {
  /** Records that an event (or, with key {@link CLOSED}, the whole campaign) of a duo was handled. */
  const mark = (
    tx: WriteTx<DataSchema>,
    duo: Duo,
    c: Campaign,
    o: Pick<Occurrence, 'key' | 'dueAt'>,
    status: FollowUpMark['status'],
    now: Date,
    reason?: string,
  ) => {
    const id = markId(duo.id, o.key);
    const m: FollowUpMark = {
      v: 1,
      id,
      duoId: duo.id,
      campaign: c.id,
      eventId: o.key,
      dueAt: o.dueAt.toISOString(),
      status,
      at: now.toISOString(),
      ...(reason ? { reason } : {}),
    };
    tx.put('followups', id, m);
  };

  const timelineOf = (tx: WriteTx<DataSchema>, duo: Duo, c: Campaign, meetings?: Map<string, string>) =>
    campaignTimeline(
      c,
      anchorsOf(duo, meetings ?? meetingDates(tx, 'first', duo.newcomerId), d.timeZone),
      d.timeZone,
    );

  /** Every event not handled yet is cancelled, and the duo is closed for the planner. */
  const cancelRest = (
    tx: WriteTx<DataSchema>,
    duo: Duo,
    c: Campaign,
    timeline: Occurrence[],
    reason: string,
    now: Date,
  ) => {
    for (const o of timeline)
      if (!tx.get('followups', markId(duo.id, o.key))) mark(tx, duo, c, o, 'cancelled', now, reason);
    mark(tx, duo, c, { key: CLOSED, dueAt: now }, 'cancelled', now, reason);
  };

  /**
   * What the planner keeps between rounds (it runs every minute over every duo): each duo's
   * timeline for its current anchors, with the events already seen handled (marks are only ever
   * added), the duos whose campaign is closed, and the first meetings from the ledger (read again
   * when the ledger grows, and at least every 10 minutes).
   */
  const cache = new Map<string, { sig: string; timeline: Occurrence[]; handled: Set<string> }>();
  const closed = new Set<string>();
  let meetings: { count: number; at: number; map: Map<string, string> } | null = null;

  const meetingsOf = (tx: WriteTx<DataSchema>, t: number) => {
    const count = tx.count('ledger');
    if (!meetings || meetings.count !== count || t - meetings.at > 10 * 60_000)
      meetings = { count, at: t, map: meetingDates(tx, 'first') };
    return meetings.map;
  };

  const cachedTimeline = (duo: Duo, c: Campaign, met: ReadonlyMap<string, string>) => {
    const a = anchorsOf(duo, met, d.timeZone);
    const sig = `${c.id}|${a.matchedAt.getTime()}|${a.firstMeeting ?? ''}|${a.end}|${a.pausedDays}|${a.resumedOn ?? ''}`;
    let hit = cache.get(duo.id);
    if (hit?.sig !== sig) {
      hit = { sig, timeline: campaignTimeline(c, a, d.timeZone), handled: hit?.handled ?? new Set() };
      cache.set(duo.id, hit);
    }
    return hit;
  };

  const plan = (tx: WriteTx<DataSchema>, now: Date) => {
    const duos = tx.list('duos', (x) => !closed.has(x.id));
    if (!duos.length) return;
    const t = now.getTime();
    const met = meetingsOf(tx, t);
    const endedTerms = endedTrajectories(tx);
    for (const duo of duos) {
      if (tx.get('followups', closedId(duo.id))) {
        closed.add(duo.id);
        cache.delete(duo.id);
        continue;
      }
      const c = campaignOf(tx, duo, d);
      if (!c) continue;
      const { timeline, handled } = cachedTimeline(duo, c, met);
      const ended = endedReason(duo, endedTerms);
      if (ended) {
        cancelRest(tx, duo, c, timeline, ended, now);
        continue;
      }
      if (duo.status !== 'active') continue;
      for (const o of timeline) {
        const at = o.dueAt.getTime();
        if (at > t + CAMPAIGN_HORIZON_MS) break;
        if (handled.has(o.key)) continue;
        if (tx.get('followups', markId(duo.id, o.key))) handled.add(o.key);
        else if (t - at > CAMPAIGN_CATCH_UP_MS) {
          mark(tx, duo, c, o, 'skipped', now, 'too_late');
          handled.add(o.key);
        } else
          planDomainJob(tx, jobId(duo, o), 'campaign_event', o.dueAt, {
            duo: duo.id,
            event: o.key,
            campaign: c.id,
            dueAt: o.dueAt.toISOString(),
          });
      }
    }
  };

  /** Names and the (shifted) planned end, for the messages' texts. */
  const names = (tx: WriteTx<DataSchema>, duo: Duo) => {
    const coachId = duo.coachId ?? tx.get('people', duo.newcomerId)?.coachId ?? null;
    const a = anchorsOf(duo, new Map(), d.timeZone);
    const [y, m, day] = shiftDate(a.end, a.pausedDays).split('-');
    return {
      coachId,
      params: {
        newcomer: tx.get('people', duo.newcomerId)?.name ?? '',
        buddy: tx.get('people', duo.buddyId)?.name ?? '',
        coach: (coachId && tx.get('people', coachId)?.name) || '',
        end: `${Number(day)}/${Number(m)}/${y}`,
      },
    };
  };

  const run: Handler = (tx, job, now) => {
    const duo = tx.get('duos', String(job.payload['duo']));
    const key = String(job.payload['event']);
    const c = d.campaigns.get(String(job.payload['campaign']));
    if (!duo || !c || tx.get('followups', markId(duo.id, key))) return;
    const timeline = timelineOf(tx, duo, c);
    const ended = endedReason(duo, endedTrajectories(tx, duo.newcomerId));
    if (ended) return cancelRest(tx, duo, c, timeline, ended, now);
    if (duo.status !== 'active') return; // paused: planned again, shifted, after the resume
    const o = timeline.find((x) => x.key === key);
    if (!o || o.dueAt.toISOString() !== job.payload['dueAt']) return; // moved since it was planned
    const { coachId, params } = names(tx, duo);
    const a = o.event.do;
    const recipient =
      a.type === 'task'
        ? coachId
        : a.to === 'newcomer'
          ? duo.newcomerId
          : a.to === 'buddy'
            ? duo.buddyId
            : coachId;
    const met = purposeMet(tx, duo, o.event, localDate(now, d.timeZone), recipient);
    if (met) return mark(tx, duo, c, o, 'skipped', now, met);
    if (a.type === 'task') {
      createTask(
        tx,
        {
          // Once per duo and event, whatever else made tasks in between.
          id: `t_${duo.id}_${o.key}`,
          newcomerId: duo.newcomerId,
          duoId: duo.id,
          kind: a.task,
          dueDate: localDate(now, d.timeZone),
          source: `campaign:${c.id}:${o.key}`,
        },
        { now },
      );
      return mark(tx, duo, c, o, 'sent', now);
    }
    const to = recipient ? latestAddressOf(tx, recipient) : undefined;
    const person = recipient ? tx.get('people', recipient) : undefined;
    if (!to || !person) return mark(tx, duo, c, o, 'skipped', now, 'no_chat');
    // Consent withdrawn ("Mijn gegevens"): no more campaign messages to this person.
    if (person.consent?.given === false) return mark(tx, duo, c, o, 'skipped', now, 'no_consent');
    mark(tx, duo, c, o, 'sent', now);
    if (a.type === 'message') {
      const id = `campaign:${duo.id}:${o.key}`;
      tx.put('outbox', id, pendingOutbox(id, to, d.render({ key: a.text, params }, person.lang), now));
      return;
    }
    return { start: { personId: person.id, flow: a.flow, vars: { ...a.vars, duo: duo.id, event: o.key } } };
  };

  return { handlers: { campaign_event: run }, plan };
};

/** Records a check-in's answer on its mark (one of CHECKIN_ANSWERS); false when there is none. */
export const recordCheckin = (
  tx: WriteTx<DataSchema>,
  duoId: string,
  eventKey: string,
  answer: string,
  now: Date,
): boolean => {
  const m = tx.get('followups', markId(duoId, eventKey));
  if (!m) return false;
  tx.put('followups', m.id, { ...m, answer, answeredAt: now.toISOString() });
  return true;
};
