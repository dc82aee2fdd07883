import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { normalizeDigits } from '../normalize.js';
import { findDate } from './date.js';
import { findDuration, prepare } from './duration.js';
import { FILLER, WITH, WITH_ANY } from './words.js';

/** Where and when a message is read. */
export interface HoursContext {
  readonly now: Date;
  readonly timeZone: string;
  /** A bare number means hours (the answer to "how long was it?"). */
  readonly bareNumberIsHours?: boolean;
}

export type HoursFailure = 'empty' | 'too_long' | 'no_duration' | 'implausible' | 'future' | 'invalid_date';

export type HoursParse =
  | {
      readonly ok: true;
      readonly minutes: number;
      /** Local date, YYYY-MM-DD; today when the text names no day. */
      readonly date: string;
      readonly dateGiven: boolean;
      readonly activity: string | null;
      readonly withName: string | null;
    }
  | { readonly ok: false; readonly reason: HoursFailure; readonly minutes?: number; readonly date?: string };

const MAX_LENGTH = 1000;
const MAX_MINUTES = 24 * 60;

/** Lower case, Latin digits, no accents, no bidi marks; same length kept where possible. */
const clean = (text: string): string =>
  normalizeDigits(text)
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/[’`]/g, "'");

const todayIn = (ctx: HoursContext): string =>
  format(new TZDate(ctx.now.getTime(), ctx.timeZone), 'yyyy-MM-dd');

/** Reads a duration ("2u30", "anderhalf uur", "45 min", "van 14u tot 16u") in minutes, or null. */
export const parseDuration = (
  text: string,
  o: { readonly bareNumberIsHours?: boolean } = {},
): number | null => {
  if (typeof text !== 'string' || text.length > MAX_LENGTH) return null;
  const found = findDuration(prepare(clean(text)), o.bareNumberIsHours === true);
  return found && found.minutes > 0 && found.minutes <= MAX_MINUTES ? found.minutes : null;
};

/** Reads a day ("gisteren", "dinsdag", "12/11"); `given: false` means none was named (today). */
export const parseDate = (
  text: string,
  ctx: HoursContext,
): { readonly date: string; readonly given: boolean } | { readonly reason: 'future' | 'invalid_date' } => {
  const today = todayIn(ctx);
  if (typeof text !== 'string' || text.length > MAX_LENGTH) return { reason: 'invalid_date' };
  const found = findDate(clean(text), today);
  if (!found) return { date: today, given: false };
  if ('reason' in found) return { reason: 'invalid_date' };
  return found.date > today ? { reason: 'future' } : { date: found.date, given: true };
};

/** The words that are left once duration, day and "met <name>" are taken out: the activity. */
const activityOf = (t: string, spans: readonly (readonly [number, number])[]): string | null => {
  let rest = t;
  for (const [a, b] of [...spans].sort((x, y) => y[0] - x[0]))
    rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b);
  const words = rest
    .replace(WITH_ANY, ' ')
    .replace(/[<>{}[\]\\/=]+/g, ' ')
    .split(/[\s,.;:!?()"]+/)
    .filter((w) => w && !FILLER.has(w) && !/^\d/.test(w) && /\p{L}/u.test(w));
  const s = words.join(' ').slice(0, 60).trim();
  return s || null;
};

/**
 * Reads an hours report: how long, which day, and when it can, the activity and who it was with.
 * Never throws; a failure says why (no duration, implausible, in the future, invalid date).
 */
export const parseHours = (text: string, ctx: HoursContext): HoursParse => {
  if (typeof text !== 'string') return { ok: false, reason: 'empty' };
  if (text.length > MAX_LENGTH) return { ok: false, reason: 'too_long' };
  if (!text.trim()) return { ok: false, reason: 'empty' };
  const t = clean(text);
  const prepared = prepare(t);
  const today = todayIn(ctx);
  const foundDate = findDate(prepared, today);
  // Take the date out first so "12/11" is not read as a duration.
  let forDuration = prepared;
  for (const [a, b] of foundDate?.spans ?? [])
    forDuration = forDuration.slice(0, a) + ' '.repeat(b - a) + forDuration.slice(b);
  const duration = findDuration(forDuration, ctx.bareNumberIsHours === true);
  if (!duration) return { ok: false, reason: 'no_duration' };
  const minutes = duration.minutes;
  if (!(minutes > 0) || minutes > MAX_MINUTES) return { ok: false, reason: 'implausible', minutes };
  if (foundDate && 'reason' in foundDate) return { ok: false, reason: 'invalid_date', minutes };
  const date = foundDate ? foundDate.date : today;
  if (date > today) return { ok: false, reason: 'future', minutes, date };
  const withName = WITH.exec(text.replace(/\s+/g, ' '))?.[1] ?? null;
  return {
    ok: true,
    minutes,
    date,
    dateGiven: !!foundDate,
    activity: activityOf(prepared, [...duration.spans, ...(foundDate?.spans ?? [])]),
    withName,
  };
};
