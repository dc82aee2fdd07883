import { localDate } from '../dates.js';
import { pausedDaysOf, plannedMonthsOf } from '../ledger/duos.js';
import type { Duo } from '../ledger/types.js';
import { applyOffset, type Anchors } from './timeline.js';

/**
 * The dates a duo's campaign hangs from: the match, the first meeting (the coach's date, else the
 * first buddy meeting logged, from `meetingDates(tx, 'first')`), the planned end (match + planned months) and the pauses.
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
