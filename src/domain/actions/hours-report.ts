import type { DomainAction } from '../../core/actions.js';
import type { Json } from '../../core/store.js';
import { parseDate, parseDuration, parseHours } from '../../parsing/hours/index.js';
import { normalizeWord } from '../../parsing/normalize.js';
import { shiftDate } from '../dates.js';
import { allowed } from '../access/policy.js';
import { checkEntry, recordEntry } from '../ledger/index.js';
import { OFFER_TYPES, type OfferType } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import {
  activityLabel,
  buddyOf,
  contactFor,
  duoChoices,
  knownActivities,
  me,
  num,
  str,
  today,
  type Ctx,
  type HoursSettings,
} from './hours-context.js';
import { afterConfirmed } from './hours-notify.js';
import { personName } from '../people.js';

type Actions = Record<string, DomainAction<DataSchema>>;

/** The draft for a newcomer, as the reporter sees it (a buddy reports duo meetings for them). */
const draftFor = (ctx: Ctx, newcomerId: string, byBuddy: boolean): Record<string, Json> => ({
  h_newcomer: newcomerId,
  h_newcomer_name: personName(ctx.tx, newcomerId),
  h_by_buddy: byBuddy,
  h_known: knownActivities(ctx.tx, newcomerId).map((k, i) => ({ value: `k${i}`, text: k.text })),
  ...(byBuddy ? { h_offer: 'buddy', h_contact: ctx.personId } : {}),
});

/** Reading hours from the text a person sent, in the context of "how long, which day, what". */
export const hoursReportActions = (s: HoursSettings): Actions => {
  const ctxOf = (ctx: Ctx) => ({ now: ctx.now, timeZone: s.timeZone });
  return {
    /** Does this free text report hours? Outcomes: yes | no. */
    hours_detect: (ctx, args) => {
      const text = str(args['text']);
      const r = text ? parseHours(text, ctxOf(ctx)) : null;
      // A report with a wrong date is still a report: the flow explains and asks the day.
      return { outcome: r && (r.ok || r.reason === 'future' || r.reason === 'invalid_date') ? 'yes' : 'no' };
    },

    /** Starts a report: who it is for and what the text already says. ok | choose_newcomer | not_allowed. */
    hours_start: (ctx, args) => {
      const person = me(ctx);
      if (!person) return { outcome: 'not_allowed' };
      const text = str(args['text']);
      const parsed = text ? parseHours(text, ctxOf(ctx)) : null;
      const future = parsed && !parsed.ok && parsed.reason === 'future';
      const fromText: Record<string, Json> = {
        h_minutes: parsed?.ok ? parsed.minutes : (parsed?.minutes ?? null),
        h_date: parsed?.ok && parsed.dateGiven ? parsed.date : null,
        h_activity: parsed?.ok ? parsed.activity : null,
        h_offer: null,
        h_contact: null,
        h_ignore_dup: false,
      };
      if (person.role === 'newcomer') {
        if (!allowed(ctx.tx, person, 'hours.report', { personId: person.id }))
          return { outcome: 'not_allowed' };
        const data = { ...fromText, ...draftFor(ctx, person.id, false) };
        const buddy = buddyOf(ctx.tx, person.id);
        const withName = parsed?.ok ? parsed.withName : null;
        const buddyName = buddy ? personName(ctx.tx, buddy) : undefined;
        if (buddy && withName && buddyName && normalizeWord(buddyName) === normalizeWord(withName))
          Object.assign(data, { h_offer: 'buddy', h_contact: buddy });
        return { outcome: future ? 'future' : 'ok', data };
      }
      if (person.role !== 'buddy') return { outcome: 'not_allowed' };
      const duos = duoChoices(ctx.tx, person.id).filter((d) =>
        allowed(ctx.tx, person, 'hours.report', { personId: (d as { value: string }).value }),
      );
      const first = duos[0] as { value: string } | undefined;
      if (!first) return { outcome: 'not_allowed' };
      if (duos.length > 1) return { outcome: 'choose_newcomer', data: { ...fromText, h_duos: duos } };
      return {
        outcome: future ? 'future' : 'ok',
        data: { ...fromText, ...draftFor(ctx, first.value, true) },
      };
    },

    hours_pick_newcomer: (ctx, args) => {
      const id = str(args['id']);
      const ok = id && allowed(ctx.tx, me(ctx), 'hours.report', { personId: id });
      return ok ? { outcome: 'ok', data: draftFor(ctx, id, true) } : { outcome: 'not_allowed' };
    },

    /** What to ask next: minutes | date | offer | activity | complete (and the summary's label). */
    hours_missing: (ctx) => {
      const v = ctx.vars;
      const offer = str(v['h_offer']);
      const other =
        v['h_by_buddy'] === true ? str(v['h_newcomer_name']) : personName(ctx.tx, str(v['h_contact']));
      const label = activityLabel(offer, str(v['h_activity']), other);
      const data = { h_activity_label: label };
      if (!num(v['h_minutes'])) return { outcome: 'minutes', data };
      if (!str(v['h_date'])) return { outcome: 'date', data };
      if (!offer) return { outcome: v['h_activity'] ? 'offer' : 'activity', data };
      return { outcome: 'complete', data };
    },

    hours_set_minutes: (_ctx, args) => ({ outcome: 'ok', data: { h_minutes: num(args['value']) } }),

    hours_parse_duration: (_ctx, args) => {
      const minutes = parseDuration(str(args['text']) ?? '', { bareNumberIsHours: true });
      return minutes && minutes > 0
        ? { outcome: 'ok', data: { h_minutes: minutes } }
        : { outcome: 'no_duration' };
    },

    hours_set_day: (ctx, args) => {
      const t = today(ctx, s);
      return { outcome: 'ok', data: { h_date: args['day'] === 'yesterday' ? shiftDate(t, -1) : t } };
    },

    hours_parse_date: (ctx, args) => {
      const r = parseDate(str(args['text']) ?? '', ctxOf(ctx));
      if ('reason' in r) return { outcome: r.reason };
      return r.given ? { outcome: 'ok', data: { h_date: r.date } } : { outcome: 'invalid_date' };
    },

    /** A known activity picked by its number (`k0`, `k1` ...). ok | other. */
    hours_pick_activity: (ctx, args) => {
      const newcomer = str(ctx.vars['h_newcomer']);
      const i = /^k(\d+)$/.exec(String(args['value'] ?? ''))?.[1];
      const known = newcomer && i !== undefined ? knownActivities(ctx.tx, newcomer)[Number(i)] : undefined;
      if (!known) return { outcome: 'other' };
      return {
        outcome: 'ok',
        data: { h_offer: known.offer, h_activity: known.organisation, h_contact: known.contactId },
      };
    },

    /** The offer type; the place comes from the text if it named one. ok | need_place. */
    hours_set_offer: (ctx, args) => {
      const offer = OFFER_TYPES.find((o) => o === args['offer']);
      if (!offer) return { outcome: 'need_offer' };
      const newcomer = str(ctx.vars['h_newcomer']);
      if (offer === 'buddy')
        return {
          outcome: 'ok',
          data: { h_offer: offer, h_contact: newcomer ? buddyOf(ctx.tx, newcomer) : null },
        };
      const place = str(ctx.vars['h_activity']);
      return {
        outcome: place ? 'ok' : 'need_place',
        data: { h_offer: offer, h_contact: newcomer ? contactFor(ctx.tx, newcomer, place) : null },
      };
    },

    hours_set_place: (ctx, args) => {
      const place = str(args['place'])?.slice(0, 80) ?? null;
      const newcomer = str(ctx.vars['h_newcomer']);
      return {
        outcome: 'ok',
        data: { h_activity: place, h_contact: newcomer ? contactFor(ctx.tx, newcomer, place) : null },
      };
    },

    /** Plausibility before saving. ok | duplicate | zero | entry_too_long | day_too_long | future | before_start | after_end. */
    hours_check: (ctx) => {
      const v = ctx.vars;
      const r = checkEntry(
        ctx.tx,
        {
          newcomerId: String(v['h_newcomer']),
          minutes: num(v['h_minutes']) ?? 0,
          date: String(v['h_date']),
          offerType: (str(v['h_offer']) ?? 'vrije_tijd') as OfferType,
        },
        {
          today: today(ctx, s),
          maxEntryMinutes: s.maxEntryMinutes,
          maxDayMinutes: s.maxDayMinutes,
          now: ctx.now,
          ignoreDuplicate: v['h_ignore_dup'] === true,
        },
      );
      if (r.ok) return { outcome: 'ok' };
      const data: Record<string, Json> = {};
      if ('limitMinutes' in r && r.limitMinutes !== undefined) data['h_limit'] = r.limitMinutes;
      if ('trajectory' in r && r.trajectory)
        Object.assign(data, { h_term_start: r.trajectory.start, h_term_end: r.trajectory.end });
      return { outcome: r.reason, data };
    },

    /** Saves the entry. confirmed (a buddy's own duo meeting) | pending (contact asked) | pending_coach. */
    hours_record: (ctx) => {
      const v = ctx.vars;
      const newcomerId = String(v['h_newcomer']);
      if (!allowed(ctx.tx, me(ctx), 'hours.report', { personId: newcomerId }))
        return { outcome: 'not_allowed' };
      const offer = (str(v['h_offer']) ?? 'vrije_tijd') as OfferType;
      const before = confirmedMinutes(ctx, newcomerId);
      const entry = recordEntry(
        ctx.tx,
        {
          newcomerId,
          minutes: num(v['h_minutes']) ?? 0,
          date: String(v['h_date']),
          offerType: offer,
          organisation: offer === 'buddy' ? null : str(v['h_activity']),
          contactId: str(v['h_contact']),
          description: offer === 'buddy' ? str(v['h_activity']) : null,
        },
        {
          personId: ctx.personId ?? 'unknown',
          via: ctx.messageId ? { channel: ctx.address.channel, messageId: ctx.messageId } : null,
        },
        { now: ctx.now, ids: ctx.ids },
      );
      if (entry.status === 'confirmed') {
        return {
          outcome: 'confirmed',
          data: { h_entry: entry.id } as Record<string, Json>,
          effects: afterConfirmed(ctx, entry, before, 'buddy_reported'),
        };
      }
      const asker = entry.contactId ?? ctx.tx.get('people', newcomerId)?.coachId ?? null;
      const effects = asker ? [{ type: 'start' as const, personId: asker, flow: 'confirm-hours' }] : [];
      return {
        outcome: entry.contactId ? 'pending' : 'pending_coach',
        data: { h_contact_name: personName(ctx.tx, entry.contactId), h_entry: entry.id },
        effects,
      };
    },
  };
};

export const confirmedMinutes = (ctx: Ctx, newcomerId: string): number =>
  ctx.tx
    .list('ledger', (e) => e.newcomerId === newcomerId && e.status === 'confirmed')
    .reduce((n, e) => n + e.minutes, 0);
