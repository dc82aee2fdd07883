/**
 * Readers for the cells of a coach's people spreadsheet: phone numbers, contact languages, roles,
 * dates (as Excel writes them) and yes/no. Each returns the value or null; the caller says why.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parseCalendarDate, parseYesNo } from '../activities/values.js';
import { isLocalDate } from '../dates.js';
import { parseRole as parseRoleWord, type Role } from '../roles.js';

/**
 * A phone number as E.164 (`+32470123456`), read with Belgian defaults: `0470 12 34 56`,
 * `0032 470 12 34 56`, `+32 (0)470…`; foreign numbers with their `+` or `00` prefix are kept.
 * Null when it is no valid number.
 */
export const parsePhone = (s: string): string | null => {
  const t = s.trim().replace(/\(0\)/g, '').replace(/^00/, '+');
  if (!/^\+?[\d\s./()-]{6,}$/.test(t)) return null;
  const n = parsePhoneNumberFromString(t, 'BE');
  return n?.isValid() ? n.number : null;
};

/** The WhatsApp chat id of an E.164 number: `+32470123456` -> `32470123456@c.us`. */
export const whatsAppId = (e164: string): string => `${e164.replace(/^\+/, '')}@c.us`;

/** Language names as coaches write them (Dutch and English, and the language's own name). */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  nl: 'nederlands dutch vlaams nederlandstalig',
  en: 'engels english',
  fr: 'frans french français francais',
  ar: 'arabisch arabic العربية عربي',
  uk: 'oekraïens oekraiens ukrainian українська',
  ru: 'russisch russian русский',
  tr: 'turks turkish türkçe turkce',
  fa: 'perzisch farsi dari persian فارسی دری',
};
const LANGUAGE_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries(LANGUAGE_NAMES).flatMap(([code, names]) => names.split(' ').map((n) => [n, code])),
);

/** A language code from a code (`ar`, `AR`, `ar-MA`) or a name ("Arabisch", "Farsi"); null if unknown. */
export const parseLanguage = (s: string, languages: readonly string[]): string | null => {
  const t = s.trim().toLocaleLowerCase();
  const code = t.split(/[-_]/)[0] ?? '';
  if (languages.includes(code)) return code;
  const named = LANGUAGE_WORDS.get(t);
  return named && languages.includes(named) ? named : null;
};

/** Role words spreadsheets hold besides those roles.ts knows; no admin is ever imported. */
const SHEET_ROLE_WORDS: Readonly<Record<string, Role>> = {
  deelnemer: 'newcomer',
  vrijwilliger: 'buddy',
  'contact person': 'contact',
  buddycoördinator: 'coach',
  buddycoordinator: 'coach',
};

/** A role from its Dutch or English word ("inburgeraar", "newcomer", "Buddy"); null if unknown. */
export const parseRole = (s: string): Role | null => parseRoleWord(s.trim(), SHEET_ROLE_WORDS);

/** Day 0 of Excel's serial dates (1899-12-30, so that 1 is 1900-01-01 with Excel's leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A calendar date (YYYY-MM-DD) from what a spreadsheet holds: `2026-12-01`, `1/12/2026`,
 * `01-12-2026`, `1.12.2026`, or an Excel serial number (`46357` is 2026-12-01). Null otherwise.
 */
export const parseSheetDate = (s: string): string | null => {
  const t = s.trim();
  if (/^\d{5}(?:[.,]0+)?$/.test(t)) {
    const days = Number.parseInt(t, 10);
    if (days < 20_000 || days > 80_000) return null; // 1954..2119: anything else is no date
    const date = new Date(EXCEL_EPOCH + days * 86_400_000).toISOString().slice(0, 10);
    return isLocalDate(date) ? date : null;
  }
  return parseCalendarDate(t);
};

/** Yes/no of the obligation column: ja/nee, yes/no, verplicht/vrijwillig, x/empty. */
export const parseObligation = (s: string): boolean | null => {
  const t = s.trim().toLocaleLowerCase();
  if (t === 'verplicht' || t === 'obliged' || t === 'mandatory') return true;
  if (t === 'vrijwillig' || t === 'voluntary' || t === 'rechthebbende') return false;
  return parseYesNo(t);
};
