import type { ReadTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import { pausedDaysOf, plannedMonthsOf } from '../ledger/duos.js';
import type { Duo, LedgerEntry } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import { applyOffset, type Anchors } from './timeline.js';

/** A buddy meeting that counts (not withdrawn or disputed). */
export const isMeeting = (e: LedgerEntry): boolean =>
  e.offerType === 'buddy' && e.status !== 'withdrawn' && e.status !== 'disputed';

/** Earliest buddy meeting per "newcomer buddy" pair, in one pass over the ledger. */
export const firstMeetings = (tx: ReadTx<DataSchema>, newcomerId?: string): Map<string, string> => {
  const first = new Map<string, string>();
  for (const e of tx.list(
    'ledger',
    (x) => (newcomerId === undefined || x.newcomerId === newcomerId) && isMeeting(x),
  )) {
    const key = `${e.newcomerId} ${e.contactId ?? ''}`;
    const had = first.get(key);
    if (had === undefined || e.date < had) first.set(key, e.date);
  }
  return first;
};

/**
 * The dates a duo's campaign hangs from: the match, the first meeting (the coach's date, else the
 * first buddy meeting logged), the planned end (match + planned months) and the pauses.
 */
export const anchorsOf = (duo: Duo, meetings: ReadonlyMap<string, string>, timeZone: string): Anchors => {
  const matchedAt = new Date(duo.matchedAt);
  const match = localDate(matchedAt, timeZone);
  const logged =
    meetings.get(`${duo.newcomerId} ${duo.buddyId}`) ?? meetings.get(`${duo.newcomerId} `) ?? null;
  return {
    matchedAt,
    match,
    firstMeeting: duo.firstMeetingAt ?? logged,
    end: applyOffset(match, { months: plannedMonthsOf(duo) }),
    pausedDays: pausedDaysOf(duo),
    resumedOn: duo.resumedAt ? localDate(new Date(duo.resumedAt), timeZone) : null,
  };
};
