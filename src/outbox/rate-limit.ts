import type { Address } from '../core/messages.js';

/** At most `count` messages per `perMs` milliseconds. */
export interface RateLimit {
  readonly count: number;
  readonly perMs: number;
}

/**
 * How the outbox may use one channel. Every limit is optional (missing: none). A group is an
 * address without a user (`groupAddress`); it counts for both `perChat` and `perGroup`.
 */
export interface ChannelPolicy {
  /** All messages of the channel together (Telegram: 30/s). */
  readonly overall?: RateLimit | null;
  /** Each chat, private or group (Telegram, Slack: 1/s). */
  readonly perChat?: RateLimit | null;
  /** Each group chat (Telegram: 20/min). */
  readonly perGroup?: RateLimit | null;
  /**
   * Sends in flight at once (default 1). It bounds what a crash can duplicate on platforms
   * without an idempotency key: at most this many messages per channel.
   */
  readonly concurrency?: number;
}

const UNITS: Readonly<Record<string, number>> = { s: 1000, min: 60_000, h: 3_600_000 };

/**
 * Reads a limit written as `N/s`, `N/min` or `N/h` (`off`: no limit, `null`). Returns
 * `undefined` for anything else, so configuration can say what is wrong.
 */
export const parseRate = (text: string): RateLimit | null | undefined => {
  const t = text.trim().toLowerCase();
  if (t === 'off') return null;
  const m = /^(\d{1,6})\s*\/\s*(s|min|h)$/.exec(t);
  if (!m || Number(m[1]) < 1) return undefined;
  return { count: Number(m[1]), perMs: UNITS[m[2]!]! };
};

/**
 * The platforms' published limits, used when the configuration gives none (see the RATE_*
 * variables). WhatsApp Web has no published limit: its adapter already paces every message; the
 * outbox adds a slow overall pace for bulk (broadcasts), with one message in flight.
 */
export const PLATFORM_POLICIES: Readonly<Record<string, ChannelPolicy>> = {
  telegram: {
    overall: { count: 30, perMs: 1000 },
    perChat: { count: 1, perMs: 1000 },
    perGroup: { count: 20, perMs: 60_000 },
  },
  slack: { perChat: { count: 1, perMs: 1000 } },
  whatsapp: { overall: { count: 20, perMs: 60_000 } },
};

/**
 * A token bucket over injected time (milliseconds). It holds a tenth of a second's worth of
 * tokens (at least one): `200/s` may burst 20 and `30/s` 3, which absorbs timer jitter without
 * losing pace; `1/s` and `20/min` never burst. So no second sees more than `count` plus that
 * burst. A send taken while empty leaves a debt.
 */
export class TokenBucket {
  readonly #rate: number;
  readonly #capacity: number;
  #tokens: number;
  #at: number;

  constructor(limit: RateLimit, now: number) {
    this.#rate = limit.count / limit.perMs;
    this.#capacity = Math.max(1, Math.min(limit.count, Math.floor(this.#rate * 100)));
    this.#tokens = this.#capacity;
    this.#at = now;
  }

  #refill(now: number): void {
    if (now > this.#at) {
      this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#at) * this.#rate);
      this.#at = now;
    }
  }

  /** Milliseconds until a token is there (0: now). */
  waitMs(now: number): number {
    this.#refill(now);
    return this.#tokens >= 1 - 1e-9 ? 0 : Math.ceil((1 - this.#tokens) / this.#rate);
  }

  take(now: number): void {
    this.#refill(now);
    this.#tokens -= 1;
  }

  /** True when the bucket is as good as new (it may be forgotten). */
  full(now: number): boolean {
    this.#refill(now);
    return this.#tokens >= this.#capacity - 1e-9;
  }
}

/** The limits of one channel: its overall bucket, a bucket per chat and per group, a pause. */
export interface ChannelLimiter {
  /** Milliseconds before a message to `to` may go (0: now), including a platform's pause. */
  waitMs(to: Address, now: number): number;
  /** Counts a message to `to` as sent now. */
  take(to: Address, now: number): void;
  /** Holds the whole channel until `until` (a platform's retry-after). */
  pause(until: number): void;
  readonly pausedUntil: number;
}

const isGroup = (to: Address) => to.user === '';
const PRUNE_EVERY = 1000;

/** The limiter for a channel under `policy`, starting at `now`. */
export const createLimiter = (policy: ChannelPolicy, now: number): ChannelLimiter => {
  const overall = policy.overall ? new TokenBucket(policy.overall, now) : null;
  const chats = new Map<string, TokenBucket>();
  const groups = new Map<string, TokenBucket>();
  let pausedUntil = 0;
  let takes = 0;
  const bucket = (
    map: Map<string, TokenBucket>,
    limit: RateLimit | null | undefined,
    key: string,
    at: number,
  ) => {
    if (!limit) return null;
    let b = map.get(key);
    if (!b) map.set(key, (b = new TokenBucket(limit, at)));
    return b;
  };
  const bucketsOf = (to: Address, at: number) => [
    overall,
    bucket(chats, policy.perChat, to.chat, at),
    isGroup(to) ? bucket(groups, policy.perGroup, to.chat, at) : null,
  ];
  // A full bucket is the same as a new one: forget those, so 10 000 recipients leave no trace.
  const prune = (at: number) => {
    for (const map of [chats, groups]) for (const [k, b] of map) if (b.full(at)) map.delete(k);
  };
  return {
    waitMs: (to, at) =>
      Math.max(pausedUntil - at, 0, ...bucketsOf(to, at).map((b) => (b ? b.waitMs(at) : 0))),
    take: (to, at) => {
      for (const b of bucketsOf(to, at)) b?.take(at);
      if (++takes % PRUNE_EVERY === 0) prune(at);
    },
    pause: (until) => {
      pausedUntil = Math.max(pausedUntil, until);
    },
    get pausedUntil() {
      return pausedUntil;
    },
  };
};
