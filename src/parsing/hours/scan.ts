/**
 * One pass over the tokens of a message, left to right. At each position the most specific
 * reading wins: a range of times, a date, a lone time, then a duration. The first duration and
 * the first date count; everything read is marked, so the rest can become the activity.
 */
import { rangeAt, timeAt } from './clock.js';
import { dateAt, type DateSpec } from './dates.js';
import { durationAt } from './durations.js';
import type { Token } from './text.js';
import {
  BEFORE_WEEKDAY,
  DAYS_AGO,
  DUTCH_MARKERS,
  DUTCH_UNITS,
  MONTHS,
  PREVIOUS,
  PREVIOUS_WEEK,
  TOMORROW,
  WEEKDAY_SHORT,
  WEEKDAYS,
} from './words-date.js';
import { NUMBER_WORDS, RANGE_FROM, TIME_BEFORE, UNITS } from './words-duration.js';

/** Words (and signs such as ½) that can start a range, date, time or duration; others are skipped. */
const STARTERS = new Set(
  [
    RANGE_FROM,
    DAYS_AGO,
    TOMORROW,
    PREVIOUS_WEEK,
    PREVIOUS,
    BEFORE_WEEKDAY,
    WEEKDAYS,
    WEEKDAY_SHORT,
    MONTHS,
    TIME_BEFORE,
    NUMBER_WORDS,
    UNITS,
  ].flatMap((t) => [...t.firsts]),
);

export interface Scan {
  readonly tokens: readonly Token[];
  /** tokens read as a duration, range, time or date */
  readonly used: readonly boolean[];
  /** the first duration or range of times, or null if there was none */
  readonly minutes: number | null;
  /** the first date in the message */
  readonly date: DateSpec | null;
}

export const scan = (tokens: readonly Token[]): Scan => {
  const used = tokens.map(() => false);
  const words = tokens.filter((t) => t.kind !== 'sym').length;
  const dutch = tokens.some((t) => DUTCH_MARKERS.has(t.s));
  const dateOptions = {
    dutch,
    shortWeekdays: dutch || words <= 2 || tokens.some((t) => DUTCH_UNITS.has(t.s)),
  };
  let minutes: number | null = null;
  let date: DateSpec | null = null;
  const mark = (from: number, to: number) => {
    for (let k = from; k < to; k++) used[k] = true;
  };
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    if (t && t.kind !== 'num' && !STARTERS.has(t.s)) {
      i++;
      continue;
    }
    const range = rangeAt(tokens, i);
    const d = range ? null : dateAt(tokens, i, dateOptions);
    const time = range || d ? null : timeAt(tokens, i);
    const dur = range || d || time !== null ? null : durationAt(tokens, i);
    const end = range?.end ?? d?.end ?? time ?? dur?.end ?? i;
    if (end <= i) {
      i++;
      continue;
    }
    // the first duration counts: "2u30 (van 14u tot 16u30)" is not five hours
    if (minutes === null) minutes = range?.minutes ?? dur?.minutes ?? null;
    if (d && !date) date = d.spec;
    mark(i, end);
    i = end;
  }
  return { tokens, used, minutes, date };
};
