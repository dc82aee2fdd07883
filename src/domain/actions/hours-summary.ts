import type { DomainAction } from '../../core/actions.js';
import type { Json, ReadTx } from '../../core/store.js';
import { allowed } from '../access/policy.js';
import { entriesOf, lastEntryBy, progressBar, progressOf, withdrawEntry } from '../ledger/index.js';
import { OFFER_TYPES } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import { entryLabel, me, today, type Ctx, type HoursSettings } from './hours-context.js';
import { personName } from '../people.js';

type Actions = Record<string, DomainAction<DataSchema>>;
const DAY_MS = 86_400_000;

/** Whose hours "mijn uren" shows: the newcomer's own, or a buddy's only duo. */
const newcomerFor = (ctx: Ctx): string | null => {
  const p = me(ctx);
  const id = (() => {
    if (p?.role === 'newcomer') return p.id;
    if (p?.role !== 'buddy') return null;
    const duos = ctx.tx.list('duos', (d) => d.buddyId === p.id && d.status === 'active');
    return duos.length === 1 ? duos[0]!.newcomerId : null;
  })();
  return id && allowed(ctx.tx, p, 'trajectory.view', { personId: id }) ? id : null;
};

/**
 * A newcomer's hours as text parameters: the bar, confirmed minutes, one line per offer type,
 * pending minutes, and the pace to the term's end. Null when nothing was reported yet. Used by
 * "mijn uren" and by the coach's `/netwerkbot hours`.
 */
export const hoursOverview = (
  tx: ReadTx<DataSchema>,
  id: string,
  todayDate: string,
  /** Texts for the last line: the newcomer reads "your term", a coach "her term". */
  keys: { readonly term: string; readonly done: string } = {
    term: 'hours:my_hours_term',
    done: 'hours:my_hours_done',
  },
): { bar: string; confirmed: number; lines: Json[]; name: string | null } | null => {
  const entries = entriesOf(tx, id);
  if (!entries.some((e) => e.status === 'confirmed' || e.status === 'pending')) return null;
  const term = tx.list('trajectories', (t) => t.newcomerId === id)[0];
  const p = progressOf(entries, { today: todayDate, termEnd: term?.end ?? null });
  const lines: Json[] = OFFER_TYPES.flatMap((t) => {
    const m = p.byOfferType[t];
    return m && m.confirmed > 0
      ? [{ $t: 'hours:my_hours_line', params: { type: { $t: `hours:offer.${t}` }, minutes: m.confirmed } }]
      : [];
  });
  if (p.pendingMinutes > 0)
    lines.push({ $t: 'hours:my_hours_pending', params: { pending: p.pendingMinutes } });
  if (p.done) lines.push({ $t: keys.done });
  else if (term && p.minutesPerWeek !== null)
    lines.push({ $t: keys.term, params: { end: term.end, perWeek: p.minutesPerWeek } });
  return {
    bar: progressBar(p.confirmedMinutes),
    confirmed: p.confirmedMinutes,
    lines,
    name: personName(tx, id),
  };
};

/** "Mijn uren" and "Correctie". */
export const hoursSummaryActions = (s: HoursSettings): Actions => ({
  /** Progress toward 40 hours. ok | none | not_allowed. */
  hours_summary: (ctx) => {
    const id = newcomerFor(ctx);
    if (!id) return { outcome: 'not_allowed' };
    const data = hoursOverview(ctx.tx, id, today(ctx, s));
    return data ? { outcome: 'ok', data } : { outcome: 'none' };
  },

  /** The reporter's last entry, if it can still be withdrawn. ok | none | too_late. */
  hours_last: (ctx) => {
    const e = ctx.personId ? lastEntryBy(ctx.tx, ctx.personId) : undefined;
    if (!e || !allowed(ctx.tx, me(ctx), 'hours.report', { personId: e.newcomerId }))
      return { outcome: 'none' };
    if (ctx.now.getTime() - Date.parse(e.createdAt) > DAY_MS) return { outcome: 'too_late' };
    return {
      outcome: 'ok',
      data: {
        l_entry: e.id,
        l_minutes: e.minutes,
        l_date: e.date,
        l_activity: entryLabel(ctx.tx, e, ctx.personId),
      },
    };
  },

  hours_withdraw: (ctx, args) => {
    const e = ctx.tx.get('ledger', String(args['entry'] ?? ''));
    if (!e) return { outcome: 'not_found' };
    if (!allowed(ctx.tx, me(ctx), 'hours.report', { personId: e.newcomerId }))
      return { outcome: 'not_allowed' };
    const r = withdrawEntry(
      ctx.tx,
      e.id,
      {
        personId: ctx.personId ?? '',
        via: ctx.messageId ? { channel: ctx.address.channel, messageId: ctx.messageId } : null,
      },
      { now: ctx.now },
    );
    return { outcome: r.ok ? 'ok' : r.reason };
  },
});
