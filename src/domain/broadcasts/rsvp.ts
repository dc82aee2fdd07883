import { TZDate } from '@date-fns/tz';
import type { ReadTx, WriteTx } from '../../core/store.js';
import type { Activity, Rsvp } from '../activities/types.js';
import { planDomainJob } from '../jobs.js';
import type { DataSchema } from '../schema.js';
import { gemeentenOf } from './recipients.js';

/** An offer ("the activities I got numbered") counts for a reply this long. */
export const OFFER_DAYS = 8;
/** Local hour of the reminder on the evening before. */
export const REMINDER_HOUR = 18;
/** The attendance question comes this long after the activity ends. */
export const ATTENDANCE_DELAY_MS = 30 * 60_000;

/** The local instant `hour`:00 on the day before `iso` in `timeZone`. */
const eveningBefore = (iso: string, timeZone: string): Date => {
  const d = new TZDate(Date.parse(iso), timeZone);
  return new Date(
    new TZDate(d.getFullYear(), d.getMonth(), d.getDate() - 1, REMINDER_HOUR, 0, 0, timeZone).getTime(),
  );
};

/** The numbering of the latest broadcast to the person's gemeenten (as the group post showed it). */
const groupOffer = (
  tx: WriteTx<DataSchema>,
  personId: string,
  recent: (at: string) => boolean,
): { activityIds: readonly string[] } | null => {
  const p = tx.get('people', personId);
  if (!p) return null;
  const mine = new Set(gemeentenOf(p));
  const last = tx
    .list('broadcasts', (b) => b.status !== 'scheduled' && b.status !== 'cancelled' && recent(b.sendAt))
    .filter((b) => b.municipalities.some((m) => mine.has(m)))
    .sort((a, b) => b.sendAt.localeCompare(a.sendAt))[0];
  return last ? { activityIds: last.activityIds } : null;
};

/**
 * The activity a short reply means ("2", "ik kom 2", "2 please"): the person's last numbered
 * activities, if recent, and exactly one number among a few words. Null when the reply means
 * something else (a report of hours says a unit, a long text is not an RSVP).
 */
export const activityForReply = (
  tx: WriteTx<DataSchema>,
  personId: string,
  text: string,
  now: Date,
): Activity | null => {
  const recent = (at: string) => now.getTime() - Date.parse(at) <= OFFER_DAYS * 86_400_000;
  const own = tx.get('offers', personId);
  // Someone who reads the gemeente-groep but gets nothing one to one answers its numbering.
  const offer = own && recent(own.at) ? own : groupOffer(tx, personId, recent);
  if (!offer) return null;
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return null;
  const numbers = words.filter((w) => /^\d{1,2}[.!]?$/.test(w));
  if (numbers.length !== 1 || words.some((w) => /\d/.test(w) && !/^\d{1,2}[.!]?$/.test(w))) return null;
  const n = Number.parseInt(numbers[0]!, 10);
  const id = offer.activityIds[n - 1];
  const a = id ? tx.get('activities', id) : undefined;
  return a && a.status === 'active' ? a : null;
};

export type RsvpResult =
  | { readonly ok: true; readonly rsvp: Rsvp; readonly already: boolean }
  | { readonly ok: false; readonly reason: 'started' | 'gone' };

/**
 * Records that a person comes to an activity and plans the reminder on the evening before
 * (if that is still ahead) and, for a newcomer, the question "were you there?" after it ends.
 */
export const recordRsvp = (
  tx: WriteTx<DataSchema>,
  personId: string,
  activityId: string,
  o: { readonly now: Date; readonly timeZone: string },
): RsvpResult => {
  const a = tx.get('activities', activityId);
  if (!a || a.status !== 'active') return { ok: false, reason: 'gone' };
  if (Date.parse(a.startsAt) <= o.now.getTime()) return { ok: false, reason: 'started' };
  const id = `${activityId}:${personId}`;
  const existing = tx.get('rsvps', id);
  if (existing?.status === 'coming') return { ok: true, rsvp: existing, already: true };
  const rsvp: Rsvp = {
    v: 1,
    id,
    activityId,
    personId,
    status: 'coming',
    at: o.now.toISOString(),
    remindedAt: existing?.remindedAt ?? null,
    askedAt: existing?.askedAt ?? null,
    entryId: existing?.entryId ?? null,
  };
  tx.put('rsvps', id, rsvp);
  const remindAt = eveningBefore(a.startsAt, o.timeZone);
  if (remindAt.getTime() > o.now.getTime())
    planDomainJob(tx, `remind:${id}`, 'rsvp_remind', remindAt, { rsvp: id });
  if (tx.get('people', personId)?.role === 'newcomer')
    planDomainJob(tx, `attend:${id}`, 'rsvp_attend', new Date(Date.parse(a.endsAt) + ATTENDANCE_DELAY_MS), {
      rsvp: id,
    });
  // The coaches' status messages of broadcasts with this activity show the new count.
  const count = comingCount(tx, activityId);
  for (const b of tx.list('broadcasts', (x) => x.activityIds.includes(activityId) && !!x.statusMessage))
    planDomainJob(tx, `status:${b.id}:r${count}`, 'broadcast_status', o.now, {
      broadcast: b.id,
      step: `r${String(count).padStart(4, '0')}`,
    });
  return { ok: true, rsvp, already: false };
};

/** How many people say they come (shown to the coach and in the confirmation). */
export const comingCount = (tx: ReadTx<DataSchema>, activityId: string): number =>
  tx.list('rsvps', (r) => r.activityId === activityId && r.status === 'coming').length;
