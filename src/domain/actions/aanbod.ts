import type { DomainAction } from '../../core/actions.js';
import { parseDuration } from '../../parsing/hours/index.js';
import { normalizeDigits } from '../../parsing/normalize.js';
import { allowed } from '../access/policy.js';
import { activityParams } from '../broadcasts/compose.js';
import { activityForReply, comingCount, recordRsvp } from '../broadcasts/rsvp.js';
import { localDate } from '../dates.js';
import type { DataSchema } from '../schema.js';
import type { HoursSettings } from '../settings.js';
import { me, str } from './hours-context.js';

type Actions = Record<string, DomainAction<DataSchema>>;

/** Replies to the aanbod: "ik kom 2", and "were you there?" after an activity. */
export const aanbodActions = (s: HoursSettings): Actions => ({
  /** Is this short reply an RSVP to the numbered activities the person got? yes | no. */
  rsvp_detect: (ctx, args) => {
    const text = normalizeDigits(str(args['text']) ?? '');
    const person = me(ctx);
    if (!person || !text || parseDuration(text) !== null) return { outcome: 'no' };
    if (!allowed(ctx.tx, person, 'aanbod.rsvp', { personId: person.id })) return { outcome: 'no' };
    const a = activityForReply(ctx.tx, person.id, text, ctx.now);
    return a ? { outcome: 'yes', data: { r_activity: a.id } } : { outcome: 'no' };
  },

  /** Records the RSVP in `r_activity`. ok | already | started | gone; data for the answer. */
  rsvp_record: (ctx) => {
    const person = me(ctx);
    const id = str(ctx.vars['r_activity']);
    if (!person || !id) return { outcome: 'gone' };
    if (!allowed(ctx.tx, person, 'aanbod.rsvp', { personId: person.id })) return { outcome: 'gone' };
    const r = recordRsvp(ctx.tx, person.id, id, { now: ctx.now, timeZone: s.timeZone });
    if (!r.ok) return { outcome: r.reason };
    const a = ctx.tx.get('activities', id)!;
    const p = activityParams(a, 1, person.lang, s.timeZone);
    return {
      outcome: r.already ? 'already' : 'ok',
      data: {
        r_title: p['title'] ?? '',
        r_day: p['day'] ?? '',
        r_start: p['start'] ?? '',
        r_place: p['place'] ?? '',
        r_count: comingCount(ctx.tx, id),
      },
    };
  },

  /**
   * Prepares "were you there?" for an RSVP (`args.rsvp`): the activity and its length, and the
   * draft of an hours entry for the organisation's contact person (or the coach). ok | gone.
   */
  attend_start: (ctx, args) => {
    const rsvp = ctx.tx.get('rsvps', str(args['rsvp']) ?? '');
    const a = rsvp ? ctx.tx.get('activities', rsvp.activityId) : undefined;
    const person = me(ctx);
    if (!rsvp || !a || !person || rsvp.status !== 'coming' || rsvp.entryId) return { outcome: 'gone' };
    // Only the newcomer's own attendance becomes hours (a buddy's does not count toward 40 hours).
    if (rsvp.personId !== person.id || !allowed(ctx.tx, person, 'hours.report', { personId: person.id }))
      return { outcome: 'gone' };
    ctx.tx.put('rsvps', rsvp.id, { ...rsvp, askedAt: ctx.now.toISOString() });
    const minutes = Math.max(15, Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000));
    const p = activityParams(a, 1, person.lang, s.timeZone);
    return {
      outcome: 'ok',
      data: {
        a_rsvp: rsvp.id,
        a_title: p['title'] ?? '',
        a_minutes: minutes,
        h_newcomer: person.id,
        h_minutes: minutes,
        h_date: localDate(new Date(a.startsAt), s.timeZone),
        h_offer: 'groepsactiviteit',
        h_activity: `${String(p['title'])}, ${a.place}`.slice(0, 120),
        h_contact: a.contactId,
        h_ignore_dup: false,
      },
    };
  },

  /** Keeps the hours entry made from an RSVP on it (so it is asked and counted once). */
  attend_done: (ctx) => {
    const rsvp = ctx.tx.get('rsvps', str(ctx.vars['a_rsvp']) ?? '');
    const entry = str(ctx.vars['h_entry']);
    if (rsvp && entry) ctx.tx.put('rsvps', rsvp.id, { ...rsvp, entryId: entry });
    return { outcome: 'ok' };
  },
});
