import { HOUR_UNIT, HOUR_WORDS, MINUTE_UNIT, NUMBER_WORDS } from './words.js';

/** The part of a text a match used, so the rest can be read as the activity. */
export interface Found {
  readonly minutes: number;
  readonly spans: readonly (readonly [number, number])[];
}

const NUM = '(\\d{1,3}(?:\\.\\d{1,2})?)';
const TIME = '(\\d{1,2})(?:[:.hu](\\d{2}))?';
const RANGE = new RegExp(
  `(?:^|\\s|van\\s+|from\\s+|de\\s+|от\\s+|з\\s+)${TIME}\\s*(?:u|h|uur)?\\s*(?:-|–|tot|to|till|until|à|a|до|по|ile|-)\\s*${TIME}\\s*(?:u|h|uur)?(?=\\s|$|[.,!?])`,
);
const H_M = new RegExp(
  `(?:^|\\s)(\\d{1,2})\\s*(?:u|h|uur|hr)\\s*(\\d{1,2})(?:\\s*${MINUTE_UNIT})?(?=\\s|$|[.,!?])`,
);
const CLOCK = /(?:^|\s)(\d{1,2}):(\d{2})(?=\s|$|[.,!?])/;
const HOURS = new RegExp(`(?:^|\\s)${NUM}\\s*${HOUR_UNIT}(?=\\s|$|[.,!?]|\\d)`);
const MINUTES = new RegExp(`(?:^|\\s)(\\d{1,3})\\s*${MINUTE_UNIT}(?=\\s|$|[.,!?])`);
const BARE = /^\s*(\d{1,2}(?:\.\d{1,2})?)\s*$/;

/**
 * Prepares text for the duration patterns: decimal commas become points, spelled-out amounts and
 * number words become digits. Keeps the length so spans still point into the original.
 */
export const prepare = (text: string): string => {
  let t = text.replace(/(\d),(\d)/g, '$1.$2');
  for (const [re, value] of HOUR_WORDS) {
    t = t.replace(re, (m, n?: string) => {
      const v = value < 0 ? Number(n) + 0.5 : value;
      return pad(` ${v} uur`, m.length);
    });
  }
  t = t.replace(/[\p{L}'’]+/gu, (w) => {
    const n = NUMBER_WORDS[w];
    return n === undefined ? w : pad(String(n), w.length);
  });
  return t;
};

/** Pads or trims a replacement to `len` characters (spans must keep their offsets). */
const pad = (s: string, len: number): string =>
  s.length >= len ? s.slice(0, Math.max(len, s.trim().length)) : s.padEnd(len);

const span = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];
const timeOf = (h: string | undefined, m: string | undefined): number | null => {
  const hh = Number(h);
  const mm = m ? Number(m) : 0;
  return hh <= 24 && mm < 60 ? hh * 60 + mm : null;
};

/**
 * Finds a duration in prepared text: a range of times ("van 14u tot 16u30", "14:00-16:00"),
 * hours and minutes ("2u30", "1 uur 15 min", "1:30"), hours ("2,5 uur") or minutes ("45 min").
 */
export const findDuration = (t: string, bareNumberIsHours = false): Found | null => {
  const range = RANGE.exec(t);
  if (range && (/[:.hu]/.test(range[0].replace(/uur/g, 'u')) || /van|from|tot/.test(range[0]))) {
    const a = timeOf(range[1], range[2]);
    const b = timeOf(range[3], range[4]);
    if (a !== null && b !== null && b > a) return { minutes: b - a, spans: [span(range)] };
  }
  const hm = H_M.exec(t);
  if (hm && Number(hm[2]) < 60) return { minutes: Number(hm[1]) * 60 + Number(hm[2]), spans: [span(hm)] };
  const hours = HOURS.exec(t);
  const minutes = MINUTES.exec(t);
  if (hours || minutes) {
    const h = hours ? Math.round(Number(hours[1]) * 60) : 0;
    const m = minutes && (!hours || minutes.index !== hours.index) ? Number(minutes[1]) : 0;
    return { minutes: h + m, spans: [hours, minutes].filter((x): x is RegExpExecArray => !!x).map(span) };
  }
  const clock = CLOCK.exec(t);
  if (clock && Number(clock[2]) < 60)
    return { minutes: Number(clock[1]) * 60 + Number(clock[2]), spans: [span(clock)] };
  const bare = bareNumberIsHours ? BARE.exec(t) : null;
  if (bare) return { minutes: Math.round(Number(bare[1]) * 60), spans: [[0, t.length]] };
  return null;
};
