import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, isMatch, parseISO } from 'date-fns';

/** The local date (YYYY-MM-DD) of an instant in a time zone (Europe/Brussels by default). */
export const localDate = (now: Date, timeZone: string): string =>
  format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');

/** The local clock time (HH:mm) of an instant in a time zone. */
export const localTime = (now: Date, timeZone: string): string =>
  format(new TZDate(now.getTime(), timeZone), 'HH:mm');

/** A local date `days` before or after another (YYYY-MM-DD in, YYYY-MM-DD out). */
export const shiftDate = (date: string, days: number): string =>
  format(addDays(new Date(`${date}T12:00:00Z`), days), 'yyyy-MM-dd');

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export const isLocalDate = (s: string): boolean => SHAPE.test(s) && isMatch(s, 'yyyy-MM-dd');

/** Whole calendar days from local date `from` to local date `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  differenceInCalendarDays(parseISO(to), parseISO(from));
