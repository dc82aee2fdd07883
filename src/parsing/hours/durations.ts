/**
 * Durations: a number (digits or words) and a unit, with what may follow an hour ("2u30",
 * "2 uur 30", "une heure et demie", "ساعة ونصف"), plus units that are an amount on their own
 * ("kwartier", "ساعتين", "час").
 */
import type { Token } from './text.js';
import { MONTHS } from './words-date.js';
import {
  AFTER_HOURS,
  AND,
  APPROX_OR,
  FRACTIONS,
  HALF_BETWEEN,
  NUMBER_WORDS,
  UNITS,
} from './words-duration.js';

export interface NumberHit {
  readonly value: number;
  readonly end: number;
  readonly digits: boolean;
}

/** "1/2", "3/4" right before a unit (elsewhere "12/11" is a date). */
const fractionAt = (tokens: readonly Token[], i: number): NumberHit | null => {
  const [a, slash, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (a?.kind !== 'num' || slash?.s !== '/' || slash.gap || b?.kind !== 'num' || b.gap) return null;
  if (!['2', '3', '4'].includes(b.s) || Number(a.s) >= Number(b.s) || !UNITS.at(tokens, i + 3)?.value.per)
    return null;
  return { value: Number(a.s) / Number(b.s), end: i + 3, digits: true };
};

/** "2", "2,5", "2.5", "2½", "1 1/2", "twee", "anderhalf", "een half" at token `i`, or null. */
const numberAt = (tokens: readonly Token[], i: number): NumberHit | null => {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'num') {
    // "e3" in "1e3", "x10" in "0x10": digits glued to letters are not an amount
    if (!t.gap && tokens[i - 1]?.kind === 'word') return null;
    const glued = FRACTIONS[tokens[i + 1]?.s ?? ''];
    if (glued !== undefined) return { value: Number(t.s) + glued, end: i + 2, digits: true };
    const fraction = fractionAt(tokens, i);
    if (fraction) return fraction;
    const mixed = tokens[i + 1]?.gap ? fractionAt(tokens, i + 1) : null;
    if (mixed) return { ...mixed, value: Number(t.s) + mixed.value };
    const sep = tokens[i + 1];
    const frac = tokens[i + 2];
    const decimal = sep && (sep.s === '.' || sep.s === ',') && !sep.gap && frac?.kind === 'num' && !frac.gap;
    if (decimal && frac.s.length <= 2 && t.s.length <= 4)
      return { value: Number(`${t.s}.${frac.s}`), end: i + 3, digits: true };
    return { value: Number(t.s), end: i + 1, digits: true };
  }
  const w = NUMBER_WORDS.at(tokens, i);
  return w ? { value: w.value, end: w.end, digits: false } : null;
};

export interface DurationHit {
  readonly minutes: number;
  readonly end: number;
  /** minutes or quarters, not hours: may follow hours ("1 uur en een kwartier") */
  readonly small: boolean;
}

/** Separated minutes after an hour ("2 uur 30") must look like minutes people say. */
const ROUND_MINUTES = new Set([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]);

/** What may follow an hour unit: "en een half", "et demie", "30" ("2u30", "2 uur 30"), "30 min". */
const hourTail = (tokens: readonly Token[], j: number, minutes: number): DurationHit => {
  const done = { minutes, end: j, small: false };
  const after = AFTER_HOURS.at(tokens, j);
  if (after) return { minutes: minutes + after.value, end: after.end, small: false };
  const and = AND.at(tokens, j);
  const more = durationAt(tokens, and ? and.end : j);
  if (more?.small) return { minutes: minutes + more.minutes, end: more.end, small: false };
  const t = tokens[j];
  if (t?.kind !== 'num' || t.s.length > 2 || Number(t.s) >= 60) return done;
  const m = Number(t.s);
  if (UNITS.at(tokens, j + 1)) return done;
  const next = tokens[j + 1];
  const dateOrTime = next && '/-:.,'.includes(next.s) && !next.gap && tokens[j + 2]?.kind === 'num';
  if (dateOrTime || MONTHS.at(tokens, j + 1)) return done;
  return !t.gap || ROUND_MINUTES.has(m) ? { minutes: minutes + m, end: j + 1, small: false } : done;
};

/**
 * A duration starting at token `i`, or null. Clock times are matched before this (see clock.ts).
 * A dash before a number is a list bullet ("-2 uur"), not a minus: nobody reports negative hours.
 */
export function durationAt(tokens: readonly Token[], i: number): DurationHit | null {
  const start = i;
  const n = numberAt(tokens, start);
  if (!n) {
    const bare = UNITS.at(tokens, i);
    const minutes = bare?.value.bare;
    if (!bare || minutes === undefined) return null;
    return minutes >= 60 ? hourTail(tokens, bare.end, minutes) : { minutes, end: bare.end, small: true };
  }
  let j = n.end;
  let value = n.value;
  // "1:30" with a one-digit hour is a duration ("14:00" is a time, see clock.ts)
  const colon = tokens[j];
  const mm = tokens[j + 1];
  if (n.digits && n.end === start + 1 && tokens[start]?.s.length === 1 && colon?.s === ':' && !colon.gap) {
    if (mm?.kind !== 'num' || mm.gap || mm.s.length !== 2 || Number(mm.s) >= 60) return null;
    const unit = UNITS.at(tokens, j + 2);
    const end = unit?.value.per === 60 ? unit.end : j + 2;
    return { minutes: value * 60 + Number(mm.s), end, small: false };
  }
  const half = HALF_BETWEEN.at(tokens, j);
  if (half) {
    value += half.value;
    j = half.end;
  } else {
    const or = APPROX_OR.at(tokens, j);
    const n2 = or ? numberAt(tokens, or.end) : null;
    if (n2 && UNITS.at(tokens, n2.end)?.value.per) j = n2.end;
  }
  const unit = UNITS.at(tokens, j);
  const per = unit?.value.per;
  if (!unit || per === null || per === undefined) return null;
  if (tokens[j]?.s === "'" && (tokens[j]?.gap || !n.digits)) return null; // "90'" only when glued
  const minutes = value * per;
  return per === 60 ? hourTail(tokens, unit.end, minutes) : { minutes, end: unit.end, small: true };
}

/** A message that is only a number ("2", "1,5", "twee", "- 2."), in minutes; for "how long was it?". */
export const bareHoursAt = (tokens: readonly Token[]): number | null => {
  const rest = tokens.filter((t, k) => !(t.kind === 'sym' && (k === tokens.length - 1 || k === 0)));
  const n = numberAt(rest, 0);
  if (!n || n.end !== rest.length || (!n.digits && (rest.at(-1)?.s.length ?? 0) < 2)) return null;
  return n.value * 60;
};
