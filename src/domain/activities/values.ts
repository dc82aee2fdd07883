/** Readers for the values typed into an activity's fields (dates, times, prices, yes/no, tags). */
import { TZDate } from '@date-fns/tz';
import { isLocalDate } from '../dates.js';
import { ACTIVITY_TAGS, type ActivityTag } from './types.js';

/** other name -> value, from a table of value -> space separated names */
export const wordsTo = <T extends string>(table: Readonly<Record<T, string>>): Readonly<Record<string, T>> =>
  Object.fromEntries(
    (Object.entries(table) as [T, string][]).flatMap(([v, names]) => names.split(' ').map((n) => [n, v])),
  );
/** A header, key, flag or tag word as a lower-case snake_case key ("Toegankelijke organisatie"). */
export const keyOf = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** A calendar date from YYYY-MM-DD or DD/MM/YYYY (also D/M/YYYY and DD-MM-YYYY), or null. */
export const parseCalendarDate = (s: string): string | null => {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : be ? [be[3], be[2], be[1]] : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
};

/** A clock time from HH:MM (also 9:00, 14.30, 14u, 14u30, 14h00) as HH:MM, or null. */
export const parseClockTime = (s: string): string | null => {
  const m = /^(\d{1,2})(?:[:.uh](\d{2})?)?$/i.exec(s.trim());
  if (!m || (!m[2] && !/[uh]$/i.test(s.trim()))) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` : null;
};

/**
 * A local date and time in `timeZone` as a UTC instant, or null when that time does not exist
 * there (the hour skipped when summer time starts). A time that happens twice (the hour repeated
 * when winter time starts) is read as the second one.
 */
export const localToUtc = (date: string, time: string, timeZone: string): string | null => {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const t = new TZDate(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, timeZone);
  return t.getHours() === h && t.getMinutes() === mi ? new Date(t.getTime()).toISOString() : null;
};

/** A price in euro cents: "0", "gratis", "€ 3,50", "3.5", "3,-", "EUR 2", "2 euro"; null if unreadable. */
export const parsePrice = (s: string): number | null => {
  const t = s
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^(€|euro|eur)/, '')
    .replace(/(€|euro|eur)$/, '')
    .replace(/,-$/, '');
  if (['gratis', 'free', 'gratuit', 'kostenloos'].includes(t)) return 0;
  const m = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(t);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : null;
};

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'x', 'waar']);
const NO = new Set(['nee', 'n', 'no', 'false', '0', '', 'onwaar']);
/** A yes/no answer (ja/nee, yes/no, true/false, 1/0, x/empty), or null. */
export const parseYesNo = (s: string): boolean | null => {
  const t = s.trim().toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : null;
};

const TAG_WORDS = wordsTo<ActivityTag>({
  children_welcome: 'kinderen kinderen_welkom children',
  no_registration: 'zonder_inschrijving geen_inschrijving vrije_inloop walk_in',
  public_transport: 'openbaar_vervoer',
  school_hours: 'schooluren tijdens_de_schooluren',
  wheelchair: 'rolstoel rolstoeltoegankelijk',
});
/** Tags from a comma separated list in English ids or Dutch words; unknown words come back apart. */
export const parseTags = (s: string): { tags: ActivityTag[]; unknown: string[] } => {
  const found = new Set<ActivityTag>();
  const unknown: string[] = [];
  for (const word of s
    .split(/[,;|]/)
    .map((w) => w.trim())
    .filter(Boolean)) {
    const k = keyOf(word);
    const tag = (ACTIVITY_TAGS as readonly string[]).includes(k) ? (k as ActivityTag) : TAG_WORDS[k];
    if (tag) found.add(tag);
    else unknown.push(word);
  }
  return { tags: ACTIVITY_TAGS.filter((t) => found.has(t)), unknown };
};
