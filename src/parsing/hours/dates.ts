/**
 * Dates in a message: "gisteren", "dinsdag", "vorige week dinsdag", "12/11", "12 november",
 * "November 12". Reading (`dateAt`) needs no clock; `resolveDate` turns what was read into a
 * local calendar date in the given time zone.
 */
import { TZDate } from '@date-fns/tz';
import type { Token } from './text.js';
import { UNITS } from './words-duration.js';
import {
  BEFORE_WEEKDAY,
  DAYS_AGO,
  MONTHS,
  MORNING_NOT_TOMORROW,
  ORDINAL,
  PREVIOUS,
  PREVIOUS_WEEK,
  TOMORROW,
  WEEKDAY_SHORT,
  WEEKDAYS,
} from './words-date.js';

/** What a message says about the day, before knowing which day today is. */
export type DateSpec =
  | { readonly kind: 'ago'; readonly days: number }
  | { readonly kind: 'weekday'; readonly day: number; readonly previousWeek: boolean }
  | { readonly kind: 'calendar'; readonly day: number; readonly month: number; readonly year: number | null }
  | { readonly kind: 'future' };

export interface DateHit {
  readonly spec: DateSpec;
  readonly end: number;
}

export interface DateOptions {
  /** the message looks Dutch, so "hier" means here, not yesterday (French) */
  readonly dutch: boolean;
  /** "ma", "di", "do" ... may be weekdays: a Dutch message, or one of a word or two */
  readonly shortWeekdays: boolean;
}

const num = (t: Token | undefined, maxLen: number): number | null =>
  t && t.kind === 'num' && t.s.length <= maxLen ? Number(t.s) : null;

/** A unit right after a number means it is an amount ("12 uur"), not a day ("12 november"). */
const unitAfter = (tokens: readonly Token[], i: number): boolean => {
  const per = UNITS.at(tokens, i)?.value.per;
  return per !== undefined && per !== null && tokens[i]?.s !== "'";
};

/** "12/11", "12-11", "12/11/2026", "12-11-26", "12.11.2026". */
const numericAt = (tokens: readonly Token[], i: number): DateHit | null => {
  const day = num(tokens[i], 2);
  const sep = tokens[i + 1];
  const month = num(tokens[i + 2], 2);
  if (day === null || month === null || !sep || sep.gap || tokens[i + 2]?.gap) return null;
  if (sep.s !== '/' && sep.s !== '-' && sep.s !== '.') return null;
  let end = i + 3;
  let year: number | null = null;
  const sep2 = tokens[end];
  const y = tokens[end + 1];
  if (
    sep2?.s === sep.s &&
    !sep2.gap &&
    y?.kind === 'num' &&
    !y.gap &&
    (y.s.length === 2 || y.s.length === 4)
  ) {
    year = y.s.length === 2 ? 2000 + Number(y.s) : Number(y.s);
    end += 2;
  }
  // "12.11" alone could be 12.11 hours or a time; only "12.11.2026" is a date
  if (sep.s === '.' && (year === null || y?.s.length !== 4)) return null;
  if (unitAfter(tokens, end) || tokens[end]?.s === ':') return null;
  return { spec: { kind: 'calendar', day, month, year }, end };
};

/** A four-digit year after a day and month, maybe after a comma. */
const yearAt = (tokens: readonly Token[], i: number): { year: number | null; end: number } => {
  const j = tokens[i]?.s === ',' ? i + 1 : i;
  const t = tokens[j];
  return t?.kind === 'num' && t.s.length === 4 && !unitAfter(tokens, j + 1)
    ? { year: Number(t.s), end: j + 1 }
    : { year: null, end: i };
};

/** "12 november", "12 nov 2026", "12de november", "12 de noviembre", "November 12th, 2026". */
const withMonthAt = (tokens: readonly Token[], i: number): DateHit | null => {
  const day = num(tokens[i], 2);
  if (day !== null) {
    let j = i + 1;
    const ord = ORDINAL.at(tokens, j);
    if (ord && !tokens[j]?.gap) j = ord.end;
    if (tokens[j]?.s === 'de' || tokens[j]?.s === 'of') j++;
    const month = MONTHS.at(tokens, j);
    if (!month) return null;
    const y = yearAt(tokens, month.end);
    return { spec: { kind: 'calendar', day, month: month.value, year: y.year }, end: y.end };
  }
  const month = MONTHS.at(tokens, i);
  const d = month ? num(tokens[month.end], 2) : null;
  if (!month || d === null) return null;
  let j = month.end + 1;
  const ord = ORDINAL.at(tokens, j);
  if (ord && !tokens[j]?.gap) j = ord.end;
  if (unitAfter(tokens, j) || tokens[j]?.s === ':' || tokens[j]?.s === '-') return null;
  const y = yearAt(tokens, j);
  return { spec: { kind: 'calendar', day: d, month: month.value, year: y.year }, end: y.end };
};

/** "dinsdag", "op dinsdag", "vorige week dinsdag", "dinsdag vorige week", "last tuesday". */
const weekdayAt = (tokens: readonly Token[], i: number, o: DateOptions): DateHit | null => {
  const week = PREVIOUS_WEEK.at(tokens, i) ?? PREVIOUS.at(tokens, i);
  let j = week ? week.end : i;
  const filler = BEFORE_WEEKDAY.at(tokens, j);
  if (filler && (week || tokens[filler.end]?.kind === 'word')) j = filler.end;
  const long = WEEKDAYS.at(tokens, j);
  const short = long ? null : WEEKDAY_SHORT.at(tokens, j);
  const shortOk = short && (o.shortWeekdays || week || filler);
  const hit = long ?? (shortOk ? short : null);
  if (!hit) return null;
  const after = week ? null : PREVIOUS_WEEK.at(tokens, hit.end);
  return {
    spec: { kind: 'weekday', day: hit.value, previousWeek: week !== null || after !== null },
    end: after ? after.end : hit.end,
  };
};

/** A date starting at token `i`, or null. */
export const dateAt = (tokens: readonly Token[], i: number, o: DateOptions): DateHit | null => {
  if (tokens[i]?.kind === 'num') return numericAt(tokens, i) ?? withMonthAt(tokens, i);
  const ago = DAYS_AGO.at(tokens, i);
  if (ago && !(tokens[i]?.s === 'hier' && o.dutch))
    return { spec: { kind: 'ago', days: ago.value }, end: ago.end };
  const tomorrow = TOMORROW.at(tokens, i);
  // "gisteren morgen", "zaterdag morgen", "esta mañana": the morning, not tomorrow
  if (tomorrow && !MORNING_NOT_TOMORROW.has(tokens[i - 1]?.s ?? '') && !WEEKDAYS.at(tokens, i - 1))
    return { spec: { kind: 'future' }, end: tomorrow.end };
  return weekdayAt(tokens, i, o) ?? withMonthAt(tokens, i);
};

export type ResolvedDate = { readonly date: string } | { readonly reason: 'future' | 'invalid_date' };

/** Today in a time zone, as a calendar day. */
export interface Today {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday, like `Date.getDay()` */
  readonly weekday: number;
  /** YYYY-MM-DD */
  readonly iso: string;
}

const DAY_MS = 86_400_000;
/** A day and month up to this far ahead is refused as future rather than read as last year's. */
const NEAR_FUTURE_MS = 61 * DAY_MS;

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

let last: { readonly minute: number; readonly timeZone: string; readonly today: Today } | null = null;

/**
 * Today's calendar day at `now` in `timeZone` (the only step that needs the zone: after it, days
 * are counted on the calendar, so summer time cannot shift them). Throws RangeError for an
 * unknown zone.
 */
export const todayIn = (now: Date, timeZone: string): Today => {
  // days change on a whole minute in every zone in use, so the last answer holds for its minute
  const minute = Math.floor(now.getTime() / 60_000);
  if (last && last.minute === minute && last.timeZone === timeZone) return last.today;
  const local = new TZDate(now.getTime(), timeZone);
  const [year, month, day] = [local.getFullYear(), local.getMonth() + 1, local.getDate()];
  const today = { year, month, day, weekday: local.getDay(), iso: iso(year, month, day) };
  if (!Number.isNaN(minute)) last = { minute, timeZone, today };
  return today;
};

/** The calendar day `days` before today. */
const daysBefore = (t: Today, days: number): string =>
  new Date(Date.UTC(t.year, t.month - 1, t.day - days)).toISOString().slice(0, 10);

/**
 * The calendar date a spec means, seen from today. A weekday is the most recent one (today's
 * weekday is today); "previous week" is that weekday in the week (Monday to Sunday) before this
 * one. A day and month without a year is the most recent such date not in the future, except
 * that one up to two months ahead is 'future' (a slip: "28/11" on 23/11 is not last year).
 */
export const resolveDate = (spec: DateSpec, today: Today): ResolvedDate => {
  switch (spec.kind) {
    case 'future':
      return { reason: 'future' };
    case 'ago':
      return { date: daysBefore(today, spec.days) };
    case 'weekday': {
      const dow = today.weekday;
      if (!spec.previousWeek) return { date: daysBefore(today, (dow - spec.day + 7) % 7) };
      const sinceMonday = (dow + 6) % 7;
      return { date: daysBefore(today, sinceMonday + 7 - ((spec.day + 6) % 7)) };
    }
    case 'calendar': {
      const { day, month, year } = spec;
      if (month < 1 || month > 12 || day < 1 || day > 31) return { reason: 'invalid_date' };
      if (year !== null) {
        if (year < 1900 || day > daysInMonth(year, month)) return { reason: 'invalid_date' };
        const date = iso(year, month, day);
        return date > today.iso ? { reason: 'future' } : { date };
      }
      let y = today.year;
      if (day <= daysInMonth(y, month) && iso(y, month, day) > today.iso) {
        // "28/11" typed on 23/11 is a slip, not a report about last year: refused as future
        const ahead = Date.UTC(y, month - 1, day) - Date.UTC(y, today.month - 1, today.day);
        if (ahead <= NEAR_FUTURE_MS) return { reason: 'future' };
        y--;
      }
      // 29/02 waits for the most recent leap year; 31/04 never comes
      for (let tries = 0; tries < 8; tries++, y--) {
        const date = iso(y, month, day);
        if (day <= daysInMonth(y, month) && date <= today.iso) return { date };
      }
      return { reason: 'invalid_date' };
    }
  }
};
