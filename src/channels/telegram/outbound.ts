import { GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { SendResult } from '../../core/channel.js';
import { directed, numberedText } from '../../core/format.js';
import type { Outbound, OutboundChoice } from '../../core/messages.js';
import { INDEX_DATA } from './inbound.js';

/** Telegram's limits: message text, media caption, callback data (bytes). */
const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
const DATA_LIMIT = 64;
/** Labels up to this length sit two to a row; longer ones get a row each. */
const SHORT_LABEL = 20;
const RLM = '\u200f';

/** One Bot API call that renders (part of) an outbound message; no parse_mode, so plain text. */
export type TelegramSend =
  | { readonly method: 'sendMessage'; readonly text: string; readonly reply_markup?: InlineKeyboardMarkup }
  | {
      readonly method: 'sendPhoto' | 'sendDocument';
      readonly media: string;
      readonly caption?: string;
      readonly reply_markup?: InlineKeyboardMarkup;
    }
  | {
      readonly method: 'sendLocation';
      readonly latitude: number;
      readonly longitude: number;
      readonly reply_markup?: InlineKeyboardMarkup;
    };

/**
 * Renders an outbound message as Bot API calls, in order: choices become an inline keyboard (on
 * the last call) when there are at most `maxButtons`, otherwise a numbered list in the text; text
 * longer than 4096 characters is split over several messages; right-to-left text and labels get
 * right-to-left marks (Telegram does not lay them out itself).
 */
export const toTelegram = (m: Outbound, maxButtons: number): TelegramSend[] => {
  const choices = m.choices ?? [];
  const buttons = choices.length > 0 && choices.length <= maxButtons;
  const text = buttons ? directed(m.text, m.direction) : numberedText(m);
  const markup = buttons ? keyboard(choices, m.direction) : undefined;
  const withMarkup = <T extends TelegramSend>(call: T, last: boolean): T =>
    last && markup ? { ...call, reply_markup: markup } : call;
  const texts = (parts: string[]): TelegramSend[] =>
    parts.map((t, i) => withMarkup({ method: 'sendMessage', text: t }, i === parts.length - 1));

  const media = m.media;
  if (!media) return texts(splitText(text, TEXT_LIMIT));
  if (media.kind === 'location') {
    const [latitude, longitude] = media.ref.split(',').map(Number);
    const pin = { method: 'sendLocation' as const, latitude: latitude ?? 0, longitude: longitude ?? 0 };
    return text ? [pin, ...texts(splitText(text, TEXT_LIMIT))] : [withMarkup(pin, true)];
  }
  const method = media.kind === 'image' ? ('sendPhoto' as const) : ('sendDocument' as const);
  if (text.length <= CAPTION_LIMIT)
    return [withMarkup({ method, media: media.ref, ...(text ? { caption: text } : {}) }, true)];
  return [{ method, media: media.ref }, ...texts(splitText(text, TEXT_LIMIT))];
};

/**
 * Callback data for a choice: its value when that fits Telegram's 64 bytes, otherwise `#` and
 * the choice's 1-based number, which comes back as a typed number.
 */
export const callbackData = (value: string, index: number): string =>
  value && Buffer.byteLength(value, 'utf8') <= DATA_LIMIT && !INDEX_DATA.test(value)
    ? value
    : `#${index + 1}`;

/** An inline keyboard: two buttons a row when every label is short, one a row otherwise. */
export const keyboard = (
  choices: readonly OutboundChoice[],
  direction?: Outbound['direction'],
): InlineKeyboardMarkup => {
  const buttons: InlineKeyboardButton[] = choices.map((c, i) => ({
    text: directed(c.label, direction),
    callback_data: callbackData(c.value, i),
  }));
  const perRow = choices.every((c) => c.label.length <= SHORT_LABEL) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
};

/**
 * Splits text into parts of at most `limit` UTF-16 units (a safe bound for Telegram's character
 * count), preferring a line break, then a space, and never cutting a surrogate pair.
 */
export const splitText = (text: string, limit = TEXT_LIMIT): string[] => {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) {
      const space = rest.lastIndexOf(' ', limit);
      cut = space >= limit / 2 ? space : limit;
    }
    const code = rest.charCodeAt(cut - 1);
    if (cut === limit && code >= 0xd800 && code <= 0xdbff) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  parts.push(rest);
  return parts;
};

/**
 * The text of a message after a button was pressed: the original text, a blank line and
 * "→ label", within `limit`; the added line gets a right-to-left mark when the text has them.
 */
export const pressedText = (original: string, label: string, limit = TEXT_LIMIT): string => {
  const line = `${original.startsWith(RLM) && !label.startsWith(RLM) ? RLM : ''}→ ${label}`;
  return `${original.slice(0, Math.max(0, limit - line.length - 2))}\n\n${line}`;
};

/**
 * Maps a failed Bot API call to a send result: 429 is retryable after `retry_after`, other 4xx
 * (chat not found, bot blocked, bad token, bad request) will never succeed, 5xx and network
 * errors are worth retrying.
 */
export const sendFailure = (err: unknown): Extract<SendResult, { ok: false }> => {
  if (err instanceof GrammyError) {
    const reason = `${err.error_code}: ${err.description}`;
    if (err.error_code === 429)
      return { ok: false, permanent: false, retryAfterMs: (err.parameters.retry_after ?? 1) * 1000, reason };
    return { ok: false, permanent: err.error_code < 500, reason };
  }
  if (err instanceof HttpError) return { ok: false, permanent: false, reason: err.message };
  return { ok: false, permanent: false, reason: err instanceof Error ? err.message : String(err) };
};
