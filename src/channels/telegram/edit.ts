/**
 * Editing an earlier message of the bot in place (`Outbound.replace`): which Bot API edit renders
 * the new message, and which of Telegram's answers mean "post it anew instead".
 */
import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Outbound } from '../../core/messages.js';
import { toTelegram } from './outbound.js';

/** One Bot API edit call; no parse_mode, so plain text, as for sends. */
export type TelegramEdit =
  | {
      readonly method: 'editMessageText';
      readonly message_id: number;
      readonly text: string;
      readonly reply_markup?: InlineKeyboardMarkup;
    }
  | {
      readonly method: 'editMessageMedia';
      readonly message_id: number;
      readonly media: {
        readonly type: 'photo' | 'document';
        readonly media: string;
        readonly caption?: string;
      };
      readonly reply_markup?: InlineKeyboardMarkup;
    };

/**
 * The message id in a `replace`: the `message_id` a send returned (`"42"`); a `chat:message_id`
 * (the form of inbound ids) is read too. Undefined when it is no message id at all.
 */
export const replacedMessageId = (replace: string): number | undefined => {
  const id = Number(replace.slice(replace.lastIndexOf(':') + 1));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

/**
 * The edit that shows `m` in place of message `replace`, or null when one message cannot show it
 * (text over 4096 characters, a caption too long for its media, a location) or `replace` is no
 * message id: then the message is posted anew. Text becomes editMessageText, a photo or document
 * with its caption editMessageMedia; the keyboard is the one a send would get (none removes it).
 */
export const toTelegramEdit = (m: Outbound, replace: string, maxButtons: number): TelegramEdit | null => {
  const message_id = replacedMessageId(replace);
  const calls = toTelegram(m, maxButtons);
  const [c] = calls;
  if (message_id === undefined || calls.length !== 1 || !c) return null;
  const markup = c.reply_markup ? { reply_markup: c.reply_markup } : {};
  switch (c.method) {
    case 'sendMessage':
      return { method: 'editMessageText', message_id, text: c.text, ...markup };
    case 'sendPhoto':
    case 'sendDocument': {
      const type = c.method === 'sendPhoto' ? ('photo' as const) : ('document' as const);
      const caption = c.caption ? { caption: c.caption } : {};
      return {
        method: 'editMessageMedia',
        message_id,
        media: { type, media: c.media, ...caption },
        ...markup,
      };
    }
    case 'sendLocation':
      return null;
  }
};

/** Telegram's 400s for a message that is gone or that an edit cannot change into the new one. */
const GONE =
  /message to edit not found|message can't be edited|message_id_invalid|there is no (?:text|caption|media) in the message to edit/i;

/**
 * What an edit's failure means: `unchanged` (Telegram's "message is not modified": the message
 * already shows this, a success), `gone` (deleted, not editable, or of another kind: post anew),
 * or `failed` (rate limit, network, blocked...: mapped as for sends).
 */
export const editFailure = (err: unknown): 'unchanged' | 'gone' | 'failed' => {
  if (!(err instanceof GrammyError) || err.error_code !== 400) return 'failed';
  if (/message is not modified/i.test(err.description)) return 'unchanged';
  return GONE.test(err.description) ? 'gone' : 'failed';
};

/**
 * Runs the edit. Resolves true when the message shows `m` now (edited or already so), false when
 * it must be posted anew; rejects with the Bot API error for every other failure.
 */
export const editInPlace = async (api: Api, chat: string, e: TelegramEdit): Promise<boolean> => {
  const markup = e.reply_markup ? { reply_markup: e.reply_markup } : {};
  try {
    if (e.method === 'editMessageText') await api.editMessageText(chat, e.message_id, e.text, markup);
    else await api.editMessageMedia(chat, e.message_id, { ...e.media }, markup);
    return true;
  } catch (err) {
    const outcome = editFailure(err);
    if (outcome === 'failed') throw err;
    return outcome === 'unchanged';
  }
};
