import type { DomainAction } from '../../core/actions.js';
import type { ReadTx } from '../../core/store.js';
import { parseDuration } from '../../parsing/hours/index.js';
import { allowed } from '../access/policy.js';
import { confirmEntry, correctEntry, disputeEntry, openConfirmationsFor } from '../ledger/index.js';
import type { LedgerEntry } from '../ledger/types.js';
import { openCoachRequest } from '../requests.js';
import type { DataSchema, Person } from '../schema.js';
import { entryLabel, me, str, type Ctx } from './hours-context.js';
import { afterConfirmed } from './hours-notify.js';
import { confirmedMinutes } from './hours-report.js';
import { personName } from '../people.js';

type Actions = Record<string, DomainAction<DataSchema>>;

/**
 * The entries a person is asked to confirm: those naming them as contact, and for a coach (or
 * admin) also those of their newcomers that name no contact. Oldest first.
 */
const confirmationsFor = (tx: ReadTx<DataSchema>, person: Person): LedgerEntry[] => {
  const may = (e: LedgerEntry) => allowed(tx, person, 'hours.confirm', { entryId: e.id });
  const own = openConfirmationsFor(tx, person.id).filter(may);
  if (person.role !== 'coach' && person.role !== 'admin') return [...own];
  const mine = new Set(tx.list('people', (p) => p.coachId === person.id).map((p) => p.id));
  const orphans = tx.list(
    'ledger',
    (e) => e.status === 'pending' && e.contactId === null && mine.has(e.newcomerId) && may(e),
  );
  return [...own, ...orphans].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

const via = (ctx: Ctx) => (ctx.messageId ? { channel: ctx.address.channel, messageId: ctx.messageId } : null);

/** May the person talking confirm, dispute or correct-while-confirming this entry (the access policy)? */
const mayJudge = (ctx: Ctx, entryId: string): boolean =>
  allowed(ctx.tx, me(ctx), 'hours.confirm', { entryId });

/** Confirming, correcting and disputing hours, as the contact person or coach. */
export const hoursConfirmActions = (): Actions => ({
  hours_open_count: (ctx) => {
    const p = me(ctx);
    const n = p ? confirmationsFor(ctx.tx, p).length : 0;
    return { outcome: n === 0 ? 'none' : n === 1 ? 'one' : 'many', data: { c_count: n } };
  },

  hours_next_confirmation: (ctx) => {
    const p = me(ctx);
    const e = p ? confirmationsFor(ctx.tx, p)[0] : undefined;
    if (!e) return { outcome: 'none' };
    return {
      outcome: 'one',
      data: {
        c_entry: e.id,
        c_name: personName(ctx.tx, e.newcomerId),
        c_minutes: e.minutes,
        c_date: e.date,
        c_activity: entryLabel(ctx.tx, e, ctx.personId),
      },
    };
  },

  hours_confirm: (ctx, args) => {
    const id = String(args['entry'] ?? '');
    const e = ctx.tx.get('ledger', id);
    if (!e) return { outcome: 'not_found' };
    if (!mayJudge(ctx, id)) return { outcome: 'not_allowed' };
    const before = confirmedMinutes(ctx, e.newcomerId);
    const r = confirmEntry(ctx.tx, id, { personId: ctx.personId ?? '', via: via(ctx) }, { now: ctx.now });
    if (!r.ok) return { outcome: r.reason };
    return { outcome: 'ok', effects: afterConfirmed(ctx, r.entry, before, 'confirmed_newcomer') };
  },

  /** "Nee, het was 1u30": the contact gives the right figure; corrected and confirmed, both audited. */
  hours_confirm_corrected: (ctx, args) => {
    const id = String(args['entry'] ?? '');
    const minutes = parseDuration(str(args['text']) ?? '', { bareNumberIsHours: true });
    const e = ctx.tx.get('ledger', id);
    if (!e) return { outcome: 'not_found' };
    if (!mayJudge(ctx, id)) return { outcome: 'not_allowed' };
    if (!minutes || minutes <= 0) return { outcome: 'no_duration' };
    const actor = { personId: ctx.personId ?? '', via: via(ctx) };
    const before = confirmedMinutes(ctx, e.newcomerId);
    const c = correctEntry(ctx.tx, id, { minutes }, actor, { now: ctx.now, asContact: true });
    if (!c.ok) return { outcome: c.reason };
    const r = confirmEntry(ctx.tx, id, actor, { now: ctx.now });
    if (!r.ok) return { outcome: r.reason };
    return { outcome: 'ok', effects: afterConfirmed(ctx, r.entry, before, 'confirmed_newcomer') };
  },

  /** "Dit was er niet": disputed, and the coach is told (a request is kept for them). */
  hours_dispute: (ctx, args) => {
    const id = String(args['entry'] ?? '');
    if (!ctx.tx.get('ledger', id)) return { outcome: 'not_found' };
    if (!mayJudge(ctx, id)) return { outcome: 'not_allowed' };
    const r = disputeEntry(ctx.tx, id, { personId: ctx.personId ?? '', via: via(ctx) }, { now: ctx.now });
    if (!r.ok) return { outcome: r.reason };
    const newcomer = ctx.tx.get('people', r.entry.newcomerId);
    if (!newcomer?.coachId) return { outcome: 'ok' };
    openCoachRequest(ctx.tx, ctx, newcomer, 'disputed_hours');
    const e = r.entry;
    return {
      outcome: 'ok',
      effects: [
        {
          type: 'notify',
          personId: newcomer.coachId,
          template: {
            key: 'hours:disputed_coach',
            params: {
              contact: personName(ctx.tx, ctx.personId) ?? '',
              person: newcomer.name,
              minutes: e.minutes,
              date: e.date,
              activity: entryLabel(ctx.tx, e, newcomer.coachId),
            },
          },
        },
      ],
    };
  },
});
