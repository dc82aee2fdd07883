import type { Channel, SendResult } from '../../src/core/channel.js';
import type { Clock } from '../../src/core/clock.js';
import type { Address } from '../../src/core/messages.js';

export interface RateLimitedChannelOptions {
  readonly name?: string;
  /** Messages per second the "platform" accepts overall. */
  readonly limitPerSecond: number;
  readonly clock: Clock;
}

/** A Channel in front of a platform that enforces a rate limit and dedupes by idempotency key. */
export interface RateLimitedChannel extends Channel {
  /** Deliveries per idempotency key, as the platform saw them (a resend counts again). */
  readonly deliveries: ReadonlyMap<string, number>;
  /** Recipients (chat ids) with the number of distinct messages they got. */
  readonly recipients: ReadonlyMap<string, number>;
  /** Sends refused with a 429 because the limit was exceeded. */
  readonly refused: number;
}

/**
 * A fake platform with an overall limit, enforced with a token bucket over the injected clock:
 * a send beyond it gets `{ ok: false, retryAfterMs }` (an HTTP 429 with retry-after), and is not
 * delivered. A send whose key was delivered before is answered as delivered without a second
 * message, as an API with idempotency keys does.
 */
export const createRateLimitedChannel = (o: RateLimitedChannelOptions): RateLimitedChannel => {
  const rate = o.limitPerSecond / 1000;
  // It accepts a tenth of a second's worth at once after a quiet spell.
  const capacity = Math.max(1, Math.floor(o.limitPerSecond / 10));
  let tokens = capacity;
  let at = o.clock.now().getTime();
  const deliveries = new Map<string, number>();
  const recipients = new Map<string, number>();
  const ids = new Map<string, string>();
  let refused = 0;
  const ch: RateLimitedChannel = {
    name: o.name ?? 'limited',
    capabilities: { buttons: false, maxButtons: 0, groups: true, threads: false, bidi: true },
    deliveries,
    recipients,
    get refused() {
      return refused;
    },
    start: async () => {},
    stop: async () => {},
    send: async (to: Address, _message, opts): Promise<SendResult> => {
      const now = o.clock.now().getTime();
      tokens = Math.min(capacity, tokens + (now - at) * rate);
      at = Math.max(at, now);
      if (tokens < 1 - 1e-9) {
        refused++;
        return { ok: false, permanent: false, retryAfterMs: Math.ceil((1 - tokens) / rate), reason: '429' };
      }
      tokens -= 1;
      const key = opts?.key ?? `no-key-${deliveries.size}`;
      deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
      let id = ids.get(key);
      if (!id) {
        id = `m${ids.size + 1}`;
        ids.set(key, id);
        recipients.set(to.chat, (recipients.get(to.chat) ?? 0) + 1);
      }
      return { ok: true, platformId: id };
    },
  };
  return ch;
};
