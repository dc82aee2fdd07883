import type { Config } from '../config/index.js';
import { whatsAppChannelName } from '../core/messages.js';
import { parseQuietHours, type QuietHours } from './quiet-hours.js';
import { parseRate, type ChannelPolicy, type RateLimit } from './rate-limit.js';

/** The dispatcher options that come from the configuration. */
export interface OutboxSettings {
  readonly maxAttempts: number;
  readonly policies: Readonly<Record<string, ChannelPolicy>>;
  readonly quietHours: QuietHours | null;
  readonly timeZone: string;
}

type OutboxConfig = Pick<
  Config,
  | 'OUTBOX_MAX_ATTEMPTS'
  | 'OUTBOX_CONCURRENCY'
  | 'QUIET_HOURS'
  | 'TIMEZONE'
  | 'RATE_TELEGRAM'
  | 'RATE_TELEGRAM_CHAT'
  | 'RATE_TELEGRAM_GROUP'
  | 'RATE_SLACK_CHAT'
  | 'RATE_WHATSAPP'
> & { readonly WHATSAPP_ACCOUNT?: string | undefined };

/** A checked configuration value; `undefined` would be a bug in the schema's pattern. */
const rate = (text: string): RateLimit | null => parseRate(text) ?? null;

/**
 * The outbox's limits, quiet hours and attempts from the configuration (RATE_*, QUIET_HOURS,
 * OUTBOX_*, TIMEZONE), to spread into `createDispatcher` in the composition root:
 * `createDispatcher({ store, channels, clock, log, ...outboxSettings(config) })`. Console and
 * memory channels stay unlimited.
 */
export const outboxSettings = (c: OutboxConfig): OutboxSettings => {
  const concurrency = c.OUTBOX_CONCURRENCY;
  return {
    maxAttempts: c.OUTBOX_MAX_ATTEMPTS,
    quietHours: parseQuietHours(c.QUIET_HOURS) ?? null,
    timeZone: c.TIMEZONE,
    policies: {
      telegram: {
        overall: rate(c.RATE_TELEGRAM),
        perChat: rate(c.RATE_TELEGRAM_CHAT),
        perGroup: rate(c.RATE_TELEGRAM_GROUP),
        concurrency,
      },
      slack: { perChat: rate(c.RATE_SLACK_CHAT), concurrency },
      [whatsAppChannelName(c.WHATSAPP_ACCOUNT)]: { overall: rate(c.RATE_WHATSAPP), concurrency },
    },
  };
};
