import { randomBytes, randomInt } from 'node:crypto';
import type { Clock, Ids } from './core/clock.js';

/** The wall clock; only the composition root and the CLI use it. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * Ids that sort by creation time (time in base 36, a counter, then randomness) and random codes
 * from the operating system's CSPRNG (invite codes must not be guessable).
 */
export const createSystemIds = (): Ids => {
  let last = 0;
  let counter = 0;
  return {
    next: (prefix) => {
      const t = Date.now();
      counter = t === last ? counter + 1 : 0;
      last = t;
      return `${prefix}_${t.toString(36).padStart(9, '0')}${counter.toString(36).padStart(3, '0')}${randomBytes(3).toString('hex')}`;
    },
    random: (alphabet, n) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join(''),
  };
};

/** A clock the simulator can move forward: another clock (the wall clock) plus an offset. */
export interface AdjustableClock extends Clock {
  /** Moves the clock forward by `ms` (never back: jobs already done stay done). */
  advance(ms: number): void;
  /** Back to the underlying clock's time (the simulator's reset). */
  reset(): void;
}

/**
 * An offset clock over `base` (the wall clock by default), for the local simulator's clock
 * control; only the composition root and the web server use it.
 */
export const createAdjustableClock = (base: Clock = systemClock): AdjustableClock => {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      offset += Math.max(0, ms);
    },
    reset: () => {
      offset = 0;
    },
  };
};
