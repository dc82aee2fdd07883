/**
 * Reading reported hours from free text, in the languages of newcomers in Flanders: "vandaag 2 uur
 * met Amina naar de bib", "gisteren 3u kringwinkel", "2 hours yesterday", "ساعتين امس".
 *
 * Pure and total: no clock of its own (`now` is passed in), and any string gives a result value,
 * never an exception. Input over {@link MAX_LENGTH} characters is refused before any matching.
 *
 * How: text.ts normalises and tokenises; scan.ts reads ranges (clock.ts), dates (dates.ts), lone
 * times and durations (durations.ts) with the word tables (words-*.ts); activity.ts keeps the rest.
 *
 * Not read, on purpose or not yet: "12.11" without a year (a decimal or a time as often as a
 * date); "2-3 uur" gives the lower figure; number words beyond twelve other than 15/20/30/45;
 * minutes in words after hours ("deux heures trente"); "2 hours ago", "vorige week" without a
 * weekday; Hijri and Persian calendar months; full-width digits. Several durations: the first.
 * An attached "12u" or lower is a duration, "13u" and up a time; a one-digit "9:30" a duration.
 */
import { describe } from './activity.js';
import { resolveDate, todayIn } from './dates.js';
import { bareHoursAt } from './durations.js';
import { scan, type Scan } from './scan.js';
import { prepare, tokenize, type Prepared } from './text.js';

export interface HoursContext {
  /** the moment the message was received */
  readonly now: Date;
  /** IANA time zone that decides what "today" is, e.g. Europe/Brussels */
  readonly timeZone: string;
  /** a bare number means hours (the answer to "how long was it?") */
  readonly bareNumberIsHours?: boolean;
}

export type HoursFailure = 'empty' | 'too_long' | 'no_duration' | 'implausible' | 'future' | 'invalid_date';

export type HoursParse =
  | {
      readonly ok: true;
      readonly minutes: number;
      /** YYYY-MM-DD, local to the context's time zone */
      readonly date: string;
      /** false when the text named no day and `date` is today */
      readonly dateGiven: boolean;
      readonly activity: string | null;
      readonly withName: string | null;
    }
  | { readonly ok: false; readonly reason: HoursFailure; readonly minutes?: number; readonly date?: string };

/** Longer messages are refused ('too_long') without being read. */
export const MAX_LENGTH = 1000;
/** One report covers at most a day. */
export const MAX_MINUTES = 24 * 60;

interface Read {
  readonly prepared: Prepared;
  readonly scan: Scan;
}

const read = (text: string): Read | null => {
  if (typeof text !== 'string') text = ''; // callers in plain JavaScript
  if (text.length > MAX_LENGTH) return null;
  const prepared = prepare(text);
  return { prepared, scan: scan(tokenize(prepared.norm)) };
};

/** Minutes from the first duration read, or from a bare number when allowed. */
const minutesOf = (s: Scan, bareNumberIsHours: boolean | undefined): number | null => {
  const minutes =
    s.minutes ?? (bareNumberIsHours ? bareHoursAt(s.tokens.filter((_, k) => !s.used[k])) : null);
  return minutes === null || Number.isNaN(minutes) ? null : Math.round(minutes);
};

/**
 * Everything a message says about reported hours: how long, which day, what and with whom.
 * Failures are values: 'empty' (nothing readable), 'too_long', 'no_duration', 'implausible'
 * (0 minutes or over 24 hours), 'future', 'invalid_date' (31/02). When there is a date
 * problem it is reported first. Throws only for an unknown `ctx.timeZone` (a configuration bug).
 */
export const parseHours = (text: string, ctx: HoursContext): HoursParse => {
  const r = read(text);
  if (!r) return { ok: false, reason: 'too_long' };
  const { tokens, used } = r.scan;
  if (!tokens.some((t) => t.kind !== 'sym')) return { ok: false, reason: 'empty' };
  const minutes = minutesOf(r.scan, ctx.bareNumberIsHours);
  const m = minutes !== null && Number.isFinite(minutes) ? { minutes } : {};
  const today = todayIn(ctx.now, ctx.timeZone);
  const resolved = r.scan.date ? resolveDate(r.scan.date, today) : null;
  if (resolved && 'reason' in resolved) return { ok: false, reason: resolved.reason, ...m };
  const dateStr = resolved?.date ?? today.iso;
  if (minutes === null) return { ok: false, reason: 'no_duration', date: dateStr };
  if (!(minutes > 0 && minutes <= MAX_MINUTES))
    return { ok: false, reason: 'implausible', date: dateStr, ...m };
  return {
    ok: true,
    minutes,
    date: dateStr,
    dateGiven: resolved !== null,
    ...describe(r.prepared, tokens, used),
  };
};

/**
 * Only the duration in a text, in minutes ("2u30" -> 150), or null when there is none. A range of
 * times counts ("14u-16u" -> 120); of several durations the first counts. Not checked for
 * plausibility: the caller decides (0 or more than a day are returned as read).
 */
export const parseDuration = (text: string, o: { bareNumberIsHours?: boolean } = {}): number | null => {
  const r = read(text);
  const minutes = r ? minutesOf(r.scan, o.bareNumberIsHours) : null;
  return minutes !== null && Number.isFinite(minutes) ? minutes : null;
};

/**
 * Only the date in a text: `{ date, given: true }`, or today with `given: false` when the text
 * names no day; `{ reason }` for a day after today or one that does not exist (31/02). A text
 * over {@link MAX_LENGTH} characters is 'invalid_date'.
 */
export const parseDate = (
  text: string,
  ctx: HoursContext,
): { date: string; given: boolean } | { reason: 'future' | 'invalid_date' } => {
  const r = read(text);
  if (!r) return { reason: 'invalid_date' };
  const spec = r.scan.date;
  const today = todayIn(ctx.now, ctx.timeZone);
  if (!spec) return { date: today.iso, given: false };
  const resolved = resolveDate(spec, today);
  return 'reason' in resolved ? resolved : { date: resolved.date, given: true };
};
