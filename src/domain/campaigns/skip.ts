import type { ReadTx } from '../../core/store.js';
import type { CampaignEvent } from '../../flows/campaign-schema.js';
import { shiftDate } from '../dates.js';
import { hasAnswered } from '../followup/surveys.js';
import type { Duo } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import { isMeeting } from '../duos/inactivity.js';

/**
 * Why an event's purpose is already met, or null: a buddy meeting logged recently (a check-in
 * is not needed), the call it would ask for already done, the survey already answered, a check-in
 * already answered. `today` is the local date; `recipient` the person the event is for.
 */
export const purposeMet = (
  tx: ReadTx<DataSchema>,
  duo: Duo,
  event: CampaignEvent,
  today: string,
  recipient: string | null,
): string | null => {
  const s = event.skip_if;
  if (!s) return null;
  if (s.met_within_days !== undefined) {
    const since = shiftDate(today, -s.met_within_days);
    const met = tx.list(
      'ledger',
      (e) =>
        e.newcomerId === duo.newcomerId &&
        isMeeting(e) &&
        (e.contactId === duo.buddyId || e.contactId === null) &&
        e.date >= since &&
        e.date <= today,
    ).length;
    if (met) return 'met_recently';
  }
  if (
    s.task_done &&
    tx.list('tasks', (t) => t.duoId === duo.id && t.kind === s.task_done && t.status === 'done').length
  )
    return 'task_done';
  if (
    s.answered &&
    recipient &&
    hasAnswered(tx, { duoId: duo.id, respondentId: recipient, moment: s.answered })
  )
    return 'answered';
  const checkin = s.checkin_answered;
  if (
    checkin &&
    tx.list(
      'followups',
      (m) =>
        m.duoId === duo.id && (m.eventId === checkin || m.eventId.startsWith(`${checkin}#`)) && !!m.answer,
    ).length
  )
    return 'checkin_answered';
  return null;
};
