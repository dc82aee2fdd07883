import type { Effect } from '../../core/effects.js';
import { milestonesCrossed } from '../ledger/index.js';
import type { LedgerEntry } from '../ledger/types.js';
import { openCoachRequest } from '../requests.js';
import { entryLabel, type Ctx } from './hours-context.js';
import { personName } from '../people.js';

type Notify = Extract<Effect, { type: 'notify' }>;

/**
 * What follows when hours become confirmed: the newcomer is told (by whom, how much, new total),
 * milestone messages at 10, 20, 30 and 40 hours, and at 40 the coach is told (and a request is
 * kept for them).
 */
export const afterConfirmed = (
  ctx: Ctx,
  entry: LedgerEntry,
  beforeMinutes: number,
  key: 'buddy_reported' | 'confirmed_newcomer',
): Notify[] => {
  const { tx } = ctx;
  const total = beforeMinutes + entry.minutes;
  const contact = personName(tx, entry.contactId) ?? personName(tx, ctx.personId) ?? '';
  const effects: Notify[] = [];
  if (entry.newcomerId !== ctx.personId) {
    effects.push({
      type: 'notify',
      personId: entry.newcomerId,
      template: {
        key: `hours:${key}`,
        params: {
          buddy: contact,
          contact,
          minutes: entry.minutes,
          date: entry.date,
          activity: entryLabel(tx, entry, entry.newcomerId),
          total,
        },
      },
    });
  }
  for (const h of milestonesCrossed(beforeMinutes, total)) {
    effects.push({ type: 'notify', personId: entry.newcomerId, template: { key: `hours:milestone_${h}` } });
  }
  if (beforeMinutes < 2400 && total >= 2400) {
    const newcomer = tx.get('people', entry.newcomerId);
    if (newcomer?.coachId) {
      effects.push({
        type: 'notify',
        personId: newcomer.coachId,
        template: { key: 'hours:coach_reached_40', params: { person: newcomer.name } },
      });
      openCoachRequest(tx, ctx, newcomer, 'reached_40');
    }
  }
  return effects;
};
