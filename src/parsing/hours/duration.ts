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
 * number words become digits ("twee en een half uur" -> "2.5 uur"). Spans found later point
 * into this prepared text.
 */
export const prepare = (text: string): string => {
  let t = text.replace(/(\d),(\d)/g, '$1.$2').replace(/(^|\s)[-–•*]+(?=\s*\d)/g, '$1 ');
  // "twee en een half uur", "2 en een half uur" before "een half uur" takes its part.
  t = t.replace(/([\p{L}\d]+)\s+en\s+(?:een\s+)?half\s*(?:uur|u)(?=\s|$|[.,!?])/gu, (m, n: string) => {
    const v = /^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n];
    return v === undefined ? m : ` ${v + 0.5} uur `;
  });
  const phrases = HOUR_WORDS.filter(([, v]) => v >= 0);
  const plusHalf = HOUR_WORDS.filter(([, v]) => v < 0);
  for (const [re, value] of phrases) t = t.replace(re, ` ${value} uur `);
  t = t.replace(/[\p{L}'’]+/gu, (w) => {
    const n = NUMBER_WORDS[w];
    return n === undefined ? w : String(n);
  });
  for (const [re] of plusHalf) t = t.replace(re, (_m, n: string) => ` ${Number(n) + 0.5} uur `);
  // A unit on its own means one: "ساعة", "час", "an hour" was handled above.
  t = t.replace(
    /(^|[^\d\s]\s*|^\s*)(ساعة|ساعت|час|година|hour|heure|hora|saat)(?=\s|$|[.,!?])/gu,
    (m, pre: string, unit: string) => (/\d\s*$/.test(pre) ? m : `${pre} 1 ${unit}`),
  );
  return t;
};

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
