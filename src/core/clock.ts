/** Time is injected (STYLE.md habit 5): core, flows and domain read it only through a Clock. */
export interface Clock {
  now(): Date;
}

/** Ids and randomness are injected too, so tests are repeatable. */
export interface Ids {
  /** A unique, sortable id with a prefix, e.g. `p_01…`. */
  next(prefix: string): string;
  /** `n` random characters drawn from `alphabet`. */
  random(alphabet: string, n: number): string;
}

/** A clock for tests and simulations: time moves only when told. */
export class ManualClock implements Clock {
  #t: number;
  constructor(start: Date | string) {
    this.#t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#t);
  }
  set(t: Date | string): void {
    this.#t = new Date(t).getTime();
  }
  advance(ms: number): void {
    this.#t += ms;
  }
}

/** Deterministic ids from a seed (mulberry32); for tests, demo data and benchmarks. */
export const createSeededIds = (seed = 1): Ids => {
  let s = seed >>> 0;
  let counter = 0;
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next: (prefix) => `${prefix}_${(++counter).toString(36).padStart(6, '0')}`,
    random: (alphabet, n) =>
      Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''),
  };
};
