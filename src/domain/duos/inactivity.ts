import type { ReadTx } from '../../core/store.js';
import { daysBetween, localDate } from '../dates.js';
import type { Duo, LedgerEntry } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';

/** When a quiet duo gets a nudge (the buddy) and an alert (the coach), in calendar days. */
export interface InactivitySettings {
  readonly timeZone: string;
  /** INACTIVITY_NUDGE_DAYS: days without a meeting before the buddy gets one friendly nudge. */
  readonly nudgeDays: number;
  /** INACTIVITY_ALERT_DAYS: days without a meeting before the coach is alerted once. */
  readonly alertDays: number;
}

/**
 * How long after its day a missed nudge or alert still goes out (the bot was down). Kept well
 * below the scheduler's 30 days of keeping done jobs, which are what makes a step "sent once".
 */
export const INACTIVITY_CATCH_UP_DAYS = 14;

/** What a quiet duo is due for today. */
export interface InactivityStep {
  readonly duo: Duo;
  readonly step: 'nudge' | 'alert';
  /** Local date (YYYY-MM-DD) the quiet period started: the last meeting, else the match. */
  readonly since: string;
  /** Calendar days from `since` to today. */
  readonly days: number;
}

/** A buddy meeting that counts (not withdrawn or disputed). */
export const isMeeting = (e: LedgerEntry): boolean =>
  e.offerType === 'buddy' && e.status !== 'withdrawn' && e.status !== 'disputed';

/**
 * The `first` or `last` local date of a buddy meeting ({@link isMeeting}) per "newcomer buddy"
 * pair (key `"<newcomerId> <contactId>"`, the contact empty when none was named), in one pass over
 * the ledger; of one newcomer when `newcomerId` is given. The campaigns hang from the first
 * meeting, a duo's quiet period starts at the last.
 */
export const meetingDates = (
  tx: ReadTx<DataSchema>,
  which: 'first' | 'last',
  newcomerId?: string,
): Map<string, string> => {
  const dates = new Map<string, string>();
  for (const e of tx.list(
    'ledger',
    (x) => (newcomerId === undefined || x.newcomerId === newcomerId) && isMeeting(x),
  )) {
    const key = `${e.newcomerId} ${e.contactId ?? ''}`;
    const had = dates.get(key);
    if (had === undefined || (which === 'first' ? e.date < had : e.date > had)) dates.set(key, e.date);
  }
  return dates;
};

/**
 * The local date a duo's quiet period started: its last buddy hours entry (not withdrawn or
 * disputed), else its first meeting, else the day it was matched, whichever is latest. A new
 * meeting starts a new period, so the nudge and alert can come again after it.
 */
const quietSince = (duo: Duo, meetings: ReadonlyMap<string, string>, timeZone: string): string => {
  const dates = [
    localDate(new Date(duo.matchedAt), timeZone),
    // A duo back from a pause gets a fresh period: the pause was agreed, not silence.
    duo.resumedAt ? localDate(new Date(duo.resumedAt), timeZone) : '',
    duo.firstMeetingAt ?? '',
    meetings.get(`${duo.newcomerId} ${duo.buddyId}`) ?? '',
    meetings.get(`${duo.newcomerId} `) ?? '',
  ];
  return dates.reduce((a, b) => (b > a ? b : a));
};

/** The step for a quiet period of `days`, or null: each has a window so a rerun days later stays quiet. */
export const stepFor = (days: number, s: InactivitySettings): InactivityStep['step'] | null => {
  if (days >= s.alertDays && days < s.alertDays + INACTIVITY_CATCH_UP_DAYS) return 'alert';
  if (days >= s.nudgeDays && days < Math.min(s.alertDays, s.nudgeDays + INACTIVITY_CATCH_UP_DAYS))
    return 'nudge';
  return null;
};

/** How long an active duo has gone without a meeting, on a local date. */
export interface QuietPeriod {
  readonly duo: Duo;
  /** Local date (YYYY-MM-DD) the quiet period started: the last meeting, else the match. */
  readonly since: string;
  /** Calendar days from `since` to `today`. */
  readonly days: number;
}

/** One duo's quiet period on local date `today`, from the last meetings. */
const periodOf = (
  duo: Duo,
  meetings: ReadonlyMap<string, string>,
  today: string,
  timeZone: string,
): QuietPeriod => {
  const since = quietSince(duo, meetings, timeZone);
  return { duo, since, days: daysBetween(since, today) };
};

/** What a quiet period is due for, or null. */
const stepIn = (q: QuietPeriod, s: InactivitySettings): InactivityStep | null => {
  const step = stepFor(q.days, s);
  return step ? { duo: q.duo, step, since: q.since, days: q.days } : null;
};

/**
 * Every active duo (of `coach`'s, when given a filter) with its quiet period on local date
 * `today`, whatever its length: the coach's digest shows those quiet for INACTIVITY_NUDGE_DAYS or
 * more, without the nudge's and alert's windows. Reads the ledger once.
 */
export const quietPeriods = (
  tx: ReadTx<DataSchema>,
  today: string,
  timeZone: string,
  which: (duo: Duo) => boolean = () => true,
): QuietPeriod[] => {
  const duos = tx.list('duos', (d) => d.status === 'active' && which(d));
  if (!duos.length) return [];
  const meetings = meetingDates(tx, 'last');
  return duos.map((duo) => periodOf(duo, meetings, today, timeZone));
};

/**
 * Active duos (paused and ended ones never) that have not met for the nudge or alert days, with
 * what each is due for on `now`'s local day. Reads every active duo and the ledger once: meant
 * for a daily job (a gemeente has tens of duos).
 */
export const quietDuos = (tx: ReadTx<DataSchema>, now: Date, s: InactivitySettings): InactivityStep[] =>
  quietPeriods(tx, localDate(now, s.timeZone), s.timeZone).flatMap((q) => stepIn(q, s) ?? []);

/** The quiet step of one duo on `now`'s day (for a job re-checking just before it sends). */
export const quietStepOf = (
  tx: ReadTx<DataSchema>,
  duo: Duo,
  now: Date,
  s: InactivitySettings,
): InactivityStep | null => {
  if (duo.status !== 'active') return null;
  const meetings = meetingDates(tx, 'last', duo.newcomerId);
  return stepIn(periodOf(duo, meetings, localDate(now, s.timeZone), s.timeZone), s);
};
