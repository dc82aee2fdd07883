import { differenceInCalendarDays, isMatch, parseISO } from 'date-fns';

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export const isLocalDate = (s: string): boolean => SHAPE.test(s) && isMatch(s, 'yyyy-MM-dd');

/** Whole calendar days from local date `from` to local date `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  differenceInCalendarDays(parseISO(to), parseISO(from));
