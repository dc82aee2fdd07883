import { correctEntry, findPerson, type LedgerEntry } from '../domain/index.js';
import { authorize } from '../domain/access/policy.js';
import { parseDuration } from '../parsing/hours/index.js';
import { systemClock } from '../system.js';
import { withStore, type CliContext } from './context.js';

/**
 * `hours correct --entry ID --coach NAME [--hours 1u30] [--date YYYY-MM-DD] [--note TEXT]`: a
 * coach corrects any entry of their gemeente; the change is kept in the entry's audit trail.
 */
export const hoursCorrect = async (
  ctx: CliContext,
  o: Record<string, string | undefined>,
): Promise<number> => {
  const changes: { minutes?: number; date?: string } = {};
  if (o['hours']) {
    const minutes = parseDuration(o['hours'], { bareNumberIsHours: true });
    if (!minutes) {
      ctx.err(ctx.t('bad_hours', { value: o['hours'] }));
      return 2;
    }
    changes.minutes = minutes;
  }
  if (o['date']) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o['date']) || Number.isNaN(Date.parse(o['date']))) {
      ctx.err(ctx.t('bad_date', { value: o['date'] }));
      return 2;
    }
    changes.date = o['date'];
  }
  if (!o['entry'] || !o['coach'] || Object.keys(changes).length === 0) {
    ctx.err(ctx.t('correct_usage'));
    return 2;
  }
  return withStore(ctx, async (store) => {
    const r = await store.transact((tx) => {
      const coach = findPerson(tx, o['coach'] ?? '');
      if (!coach) return { ok: false as const, reason: 'unknown_coach' };
      const id = o['entry'] ?? '';
      if (!tx.get('ledger', id)) return { ok: false as const, reason: 'not_found' };
      // The named coach must be a coach (or admin) of the newcomer's gemeente, as in the chat.
      if (!authorize(tx, coach, 'hours.correct', { entryId: id }).ok)
        return { ok: false as const, reason: 'not_allowed' };
      return correctEntry(
        tx,
        o['entry'] ?? '',
        changes,
        { personId: coach.id, via: null },
        {
          now: systemClock.now(),
          ...(o['note'] ? { note: o['note'] } : {}),
        },
      );
    });
    if (!r.ok) {
      ctx.err(ctx.t(`correct_${r.reason}`));
      return 1;
    }
    const e: LedgerEntry = r.entry;
    ctx.out(ctx.t('corrected', { entry: e.id, minutes: e.minutes, date: e.date, status: e.status }));
    return 0;
  });
};
