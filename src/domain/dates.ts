import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format, isMatch, parseISO } from 'date-fns';

const QUARTER_HOUR = 900_000;
const localDates = new Map<string, string>();

/**
 * The local date (YYYY-MM-DD) of an instant in a time zone (Europe/Brussels by default). Time-zone
 * arithmetic is slow and planners ask this for thousands of instants a minute: it is remembered
 * per quarter of an hour (offsets change only at whole quarters), at most 100 000 answers.
 */
export const localDate = (now: Date, timeZone: string): string => {
  const key = `${timeZone}|${Math.floor(now.getTime() / QUARTER_HOUR)}`;
  let date = localDates.get(key);
  if (date === undefined) {
    if (localDates.size >= 100_000) localDates.clear();
    date = format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');
    localDates.set(key, date);
  }
  return date;
};

/** The local clock time (HH:mm) of an instant in a time zone. */
export const localTime = (now: Date, timeZone: string): string =>
  format(new TZDate(now.getTime(), timeZone), 'HH:mm');

/** A local date `days` before or after another (YYYY-MM-DD in, YYYY-MM-DD out). */
export const shiftDate = (date: string, days: number): string =>
  days === 0
    ? date
    : new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export const isLocalDate = (s: string): boolean => SHAPE.test(s) && isMatch(s, 'yyyy-MM-dd');

/** Whole calendar days from local date `from` to local date `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  differenceInCalendarDays(parseISO(to), parseISO(from));
