import { LAST_WEEK, MONTHS, RELATIVE_DAYS, WEEKDAYS } from './words.js';

/** A date found in a text, or why it is not usable. */
export type FoundDate =
  | { readonly date: string; readonly spans: readonly (readonly [number, number])[] }
  | { readonly reason: 'invalid_date'; readonly spans: readonly (readonly [number, number])[] };

const DAY_MS = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const valid = (y: number, m: number, d: number) => {
  const t = Date.UTC(y, m - 1, d, 12);
  const x = new Date(t);
  return x.getUTCFullYear() === y && x.getUTCMonth() === m - 1 && x.getUTCDate() === d ? iso(t) : null;
};
/**
 * Without a year: this year's date, unless that is more than two months ahead (then last year's:
 * "28/12" typed in January). A date a few days ahead stays in the future, so it is refused.
 */
const recent = (today: string, m: number, d: number): string | null => {
  const y = Number(today.slice(0, 4));
  const thisYear = valid(y, m, d);
  if (!thisYear) return m === 2 && d === 29 ? valid(y - 1, m, d) : null;
  return at(thisYear) - at(today) > 61 * DAY_MS ? valid(y - 1, m, d) : thisYear;
};

const NUMERIC = /(?<![:\d.])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d:]|\s*(?:u|h)\b)/;
const DOTTED = /(?<![:\d])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/;
const DAY_MONTH = /(?<!\d)(\d{1,2})\s+([\p{L}]{3,12})\.?(?:\s+(\d{4}))?/gu;
const MONTH_DAY = /([\p{L}]{3,12})\.?\s+(\d{1,2})(?!\d|\s*(?:u|h|uur|hours?|min))/gu;

/**
 * Finds a date in a text (already lower case, digits normalised) relative to `today`
 * (YYYY-MM-DD in the person's time zone): today/yesterday/..., the most recent past weekday,
 * "vorige week dinsdag", "12/11", "12/11/2026", "12 november", "November 12".
 */
export const findDate = (t: string, today: string): FoundDate | null => {
  for (const [re, offset] of RELATIVE_DAYS) {
    re.lastIndex = 0;
    const m = re.exec(t);
    if (m) return { date: iso(at(today) + offset * DAY_MS), spans: [[m.index, m.index + m[0].length]] };
  }
  const dotted = DOTTED.exec(t);
  const numeric = dotted ?? NUMERIC.exec(t);
  if (numeric) {
    const [, d, m, y] = numeric;
    const spans: [number, number][] = [[numeric.index, numeric.index + numeric[0].length]];
    const year = y ? (y.length === 2 ? 2000 + Number(y) : Number(y)) : null;
    const date = year ? valid(year, Number(m), Number(d)) : recent(today, Number(m), Number(d));
    return date ? { date, spans } : { reason: 'invalid_date', spans };
  }
  const dm = [...t.matchAll(DAY_MONTH)].find((m) => MONTHS[m[2]!] !== undefined);
  const dmMonth = dm ? MONTHS[dm[2]!] : undefined;
  if (dm && dmMonth) {
    const spans: [number, number][] = [[dm.index, dm.index + dm[0].length]];
    const date = dm[3] ? valid(Number(dm[3]), dmMonth, Number(dm[1])) : recent(today, dmMonth, Number(dm[1]));
    return date ? { date, spans } : { reason: 'invalid_date', spans };
  }
  const md = [...t.matchAll(MONTH_DAY)].find((m) => MONTHS[m[1]!] !== undefined);
  const mdMonth = md ? MONTHS[md[1]!] : undefined;
  if (md && mdMonth) {
    const date = recent(today, mdMonth, Number(md[2]));
    const spans: [number, number][] = [[md.index, md.index + md[0].length]];
    return date ? { date, spans } : { reason: 'invalid_date', spans };
  }
  for (const [re, weekday] of WEEKDAYS) {
    re.lastIndex = 0;
    const m = re.exec(t);
    if (!m) continue;
    const todayIdx = ((new Date(at(today)).getUTCDay() + 6) % 7) + 1;
    const spans: [number, number][] = [[m.index, m.index + m[0].length]];
    const last = LAST_WEEK.exec(t);
    if (last) {
      spans.push([last.index, last.index + last[0].length]);
      const mondayThisWeek = at(today) - (todayIdx - 1) * DAY_MS;
      return { date: iso(mondayThisWeek - 7 * DAY_MS + (weekday - 1) * DAY_MS), spans };
    }
    const back = (todayIdx - weekday + 7) % 7;
    return { date: iso(at(today) - back * DAY_MS), spans };
  }
  return null;
};
