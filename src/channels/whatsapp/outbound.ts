import type { SendResult } from '../../core/channel.js';
import { numberedText } from '../../core/format.js';
import type { Address, Outbound } from '../../core/messages.js';

/** One WhatsApp send: the chat id and the text. */
export interface WaSend {
  readonly chatId: string;
  readonly content: string;
}

/**
 * Renders an Outbound for WhatsApp: choices as a numbered list (native buttons and lists are
 * deprecated) and right-to-left marks on RTL text (WhatsApp lays out by the first strong
 * character), sent to the person (`...@c.us`) or the group (`...@g.us`). WhatsApp has no threads,
 * so `thread` is ignored; media references are not re-sent, only the text.
 */
export const toWhatsApp = (to: Address, m: Outbound): WaSend => ({
  chatId: to.chat.endsWith('@g.us') ? to.chat : to.user || to.chat,
  content: numberedText(m),
});

/** How long to wait when WhatsApp signals rate limiting without saying how long. */
const DEFAULT_RETRY_AFTER_MS = 60_000;

/** The result of a send while the client is not linked: retry later, the message is kept. */
export const NOT_CONNECTED: Extract<SendResult, { ok: false }> = {
  ok: false,
  permanent: false,
  retryAfterMs: 30_000,
  reason: 'not connected',
};

const numeric = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** An error's message without phone numbers or ids (WhatsApp errors can quote the chat id). */
export const scrubReason = (e: unknown): string => {
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : 'send failed';
  return (text.split('\n')[0] ?? '')
    .replace(/\S*@(c\.us|g\.us|lid|s\.whatsapp\.net)\b/g, '<id>')
    .replace(/\+?\d[\d ().-]{5,}\d/g, '<number>')
    .slice(0, 200);
};

/**
 * Maps a failed `sendMessage` to a SendResult: rate limiting (`rate-overlimit`, 429, "too many",
 * or a numeric `retryAfterMs` / `retryAfter` in seconds on the error) is retryable after that
 * time; an id WhatsApp does not know (`invalid wid`, `not registered`) is permanent; anything else
 * (browser or network trouble) is retryable.
 */
export const sendFailure = (e: unknown): Extract<SendResult, { ok: false }> => {
  const reason = scrubReason(e);
  const props = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
  const ms = numeric(props['retryAfterMs']);
  const sec = numeric(props['retryAfter']);
  if (ms !== undefined || sec !== undefined || /rate[- ]?overlimit|429|too many/i.test(reason))
    return {
      ok: false,
      permanent: false,
      retryAfterMs: ms ?? (sec !== undefined ? sec * 1000 : DEFAULT_RETRY_AFTER_MS),
      reason,
    };
  if (/invalid wid|not registered/i.test(reason)) return { ok: false, permanent: true, reason };
  return { ok: false, permanent: false, reason };
};
