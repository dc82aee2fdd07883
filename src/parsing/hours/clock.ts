/**
 * Clock times: "14u", "16u30", "14:00", "2pm", "om 14 uur". A time on its own is not a duration
 * (it is recognised so it is neither counted nor taken for a date or an activity), but two times
 * make a range whose length is the duration: "van 14u tot 16u30", "14:00-16:00", "from 2pm to 4pm".
 */
import type { Token } from './text.js';
import { AM_PM, NUMBER_WORDS, RANGE_FROM, RANGE_TO, TIME_BEFORE, UNITS } from './words-duration.js';

export interface Clock {
  readonly hour: number;
  readonly minute: number;
  /** index of the first token after the time */
  readonly end: number;
  /** written like a time: "14:00", "14u" (attached), "2pm" */
  readonly strong: boolean;
  /** has some unit at all ("14 uur" counts; a bare "14" does not) */
  readonly marked: boolean;
  readonly colon: boolean;
  readonly ampm: 'am' | 'pm' | null;
}

const isNum = (t: Token | undefined, maxLen: number): t is Token =>
  t !== undefined && t.kind === 'num' && t.s.length <= maxLen;

/** Two digits of minutes glued to what came before ("16u30", "14:05"). */
const minutesAt = (tokens: readonly Token[], i: number): number | null => {
  const t = tokens[i];
  return isNum(t, 2) && t.s.length === 2 && !t.gap && Number(t.s) < 60 ? Number(t.s) : null;
};

/** A clock time starting at token `i`, or null. `dot` also accepts "14.30" (inside ranges). */
const clockAt = (tokens: readonly Token[], i: number, dot = false): Clock | null => {
  const h = tokens[i];
  if (!isNum(h, 2) || Number(h.s) > 24) return null;
  const hour = Number(h.s);
  let j = i + 1;
  let minute = 0;
  let strong = false;
  let marked = false;
  let colon = false;
  const sep = tokens[j];
  const unit = UNITS.at(tokens, j);
  if (sep && !sep.gap && (sep.s === ':' || (dot && sep.s === '.')) && minutesAt(tokens, j + 1) !== null) {
    minute = minutesAt(tokens, j + 1) ?? 0;
    j += 2;
    strong = marked = colon = true;
  } else if (unit?.value.clock && sep) {
    marked = true;
    strong = !sep.gap && (sep.s === 'u' || sep.s === 'h');
    j = unit.end;
    const m = minutesAt(tokens, j);
    if (m !== null) {
      minute = m;
      j++;
    }
  }
  const ap = tokens[j] && AM_PM.at(tokens, j);
  let ampm: Clock['ampm'] = null;
  if (ap && hour >= 1 && hour <= 12) {
    ampm = ap.value;
    j = ap.end;
    strong = marked = true;
  }
  return { hour, minute, end: j, strong, marked, colon, ampm };
};

const minutesOfDay = (c: Clock): number => {
  let h = c.hour;
  if (c.ampm === 'pm' && h < 12) h += 12;
  if (c.ampm === 'am' && h === 12) h = 0;
  return h * 60 + c.minute;
};

export interface RangeHit {
  readonly minutes: number;
  readonly end: number;
}

/** "van 14u tot 16u30", "14:00-16:00", "14-16u", "tussen 9 en 11u", "from 2 to 4pm". */
export const rangeAt = (tokens: readonly Token[], i: number): RangeHit | null => {
  const from = tokens[i]?.kind === 'word' ? RANGE_FROM.at(tokens, i) : null;
  const c1 = clockAt(tokens, from ? from.end : i, true);
  if (!c1) return null;
  const to = RANGE_TO.at(tokens, c1.end);
  if (!to || (to.value === 'and' && from?.value !== 'between')) return null;
  const c2 = clockAt(tokens, to.end, true);
  if (!c2) return null;
  // "2-3 uur" is two to three hours and "12-11" a date; "14-16u", "9-11u" and "van 2 tot 4" are times
  const timeLike =
    c1.colon ||
    c2.colon ||
    c1.ampm ||
    c2.ampm ||
    from !== null ||
    ((c1.strong || c2.marked) && (c1.marked || c1.hour >= 7 || c2.hour >= 13));
  if (!timeLike) return null;
  let start = minutesOfDay(c1);
  let end = minutesOfDay(c2);
  if (!c1.ampm && c2.ampm === 'pm' && c1.hour < 12 && start + 720 <= end) start += 720;
  if (end < start) end += end + 720 > start && end < 720 && !c2.ampm ? 720 : 1440;
  return { minutes: end - start, end: c2.end };
};

/**
 * A time of day on its own: "14:00", "14u30", "2pm", "om 9u", "à 16h". A one-digit "1:30" and an
 * attached "2u" below 13 are durations instead, so they are not matched here.
 */
export const timeAt = (tokens: readonly Token[], i: number): number | null => {
  const before = tokens[i]?.kind === 'word' ? TIME_BEFORE.at(tokens, i) : null;
  const c = clockAt(tokens, before ? before.end : i);
  if (!c) {
    // "om een uur", "à deux heures": a number word and a clock unit after "om"/"à"
    const word = before ? NUMBER_WORDS.at(tokens, before.end) : null;
    const unit = word && Number.isInteger(word.value) ? UNITS.at(tokens, word.end) : null;
    return unit?.value.clock ? unit.end : null;
  }
  if (before && c.marked) return c.end;
  if (c.ampm) return c.end;
  if (c.colon && tokens[before ? before.end : i]?.s.length === 2) return c.end;
  if (c.strong && !c.colon && c.hour >= 13) return c.end;
  return null;
};
