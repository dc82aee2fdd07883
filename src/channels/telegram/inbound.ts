import type { CallbackQuery, Message, MessageEntity, Update } from 'grammy/types';
import { privateAddress } from '../../core/channel.js';
import type { Inbound, MediaRef } from '../../core/messages.js';

/** Who the bot is (from getMe): needed to tell whether a group message addresses it. */
export interface BotIdentity {
  readonly id: number;
  readonly username: string;
}

/** What inbound mapping needs besides the update itself. */
export interface InboundContext {
  /** The channel name (the `channel` of every address). */
  readonly channel: string;
  readonly bot: BotIdentity;
  /** Receipt time, used where Telegram gives none (button presses). */
  readonly now: Date;
}

/** Callback data of a choice whose value did not fit in 64 bytes: `#` and the 1-based index. */
export const INDEX_DATA = /^#(\d+)$/;

/**
 * Maps one Telegram update to a core message, or null when the bot must ignore it: edited
 * messages, channel posts, service messages and messages from bots. A member's group message that
 * does not address the bot (no @-mention, no reply to the bot, no /command for it) becomes an
 * `unaddressed` text WITHOUT its text or caption: only who wrote (their private address) and in
 * which group (the chat id), so the core can tell them how to reach the bot.
 */
export const toInbound = (update: Update, c: InboundContext): Inbound | null => {
  if (update.message) return fromMessage(update.message, c);
  if (update.callback_query) return fromCallback(update.callback_query, c);
  return null;
};

/** The stable id of a message update: the same when Telegram delivers it again. */
export const messageId = (m: Pick<Message, 'chat' | 'message_id'>): string => `${m.chat.id}:${m.message_id}`;

/** The stable id of a button press. */
const callbackId = (q: Pick<CallbackQuery, 'id'>): string => `cb:${q.id}`;

const fromMessage = (m: Message, c: InboundContext): Inbound | null => {
  if (!m.from || m.from.is_bot) return null;
  const type = m.chat.type;
  if (type !== 'private' && type !== 'group' && type !== 'supergroup') return null;
  const inGroup = type !== 'private';
  const body = m.text ?? m.caption;
  const entities = (m.text !== undefined ? m.entities : m.caption_entities) ?? [];
  const command = commandOf(body, entities, c.bot.username);
  // A /command addressed to another bot is not for us: in a group it is chatter like any other.
  if (command === 'other-bot') return inGroup ? unaddressed(m, m.from.id, c) : null;
  if (inGroup && !command && !addressesBot(m, entities, c.bot)) return unaddressed(m, m.from.id, c);

  const base = {
    id: messageId(m),
    address: privateAddress(c.channel, String(m.from.id)),
    receivedAt: new Date(m.date * 1000).toISOString(),
    ...(inGroup ? { inGroup: true } : {}),
  };
  if (command) return { ...base, kind: 'command', command: command.command, args: command.args };
  const text = body === undefined ? undefined : inGroup ? withoutMention(body, entities, c.bot) : body;
  const media = mediaOf(m);
  if (media) return { ...base, kind: 'media', media, ...(text ? { caption: text } : {}) };
  if (text === undefined) return null; // service message, sticker, poll, ...
  return { ...base, kind: 'text', text };
};

/** True when a member wrote or sent something: not a service message (joined, pinned, title...). */
const isMemberContent = (m: Message): boolean =>
  m.text !== undefined ||
  m.caption !== undefined ||
  mediaOf(m) !== undefined ||
  !!(m.sticker ?? m.animation ?? m.poll ?? m.dice ?? m.contact);

/**
 * A member's group message that does not address the bot: who and where, never what. Messages
 * sent on behalf of a chat (a linked channel's automatic forward) and service messages stay ignored.
 */
const unaddressed = (m: Message, from: number, c: InboundContext): Inbound | null => {
  if (m.sender_chat || m.is_automatic_forward || !isMemberContent(m)) return null;
  return {
    kind: 'text',
    text: '',
    id: messageId(m),
    address: privateAddress(c.channel, String(from)),
    receivedAt: new Date(m.date * 1000).toISOString(),
    inGroup: true,
    unaddressed: true,
    group: String(m.chat.id),
  };
};

const fromCallback = (q: CallbackQuery, c: InboundContext): Inbound | null => {
  if (q.data === undefined || q.from.is_bot) return null;
  const chatType = q.message?.chat.type;
  const base = {
    id: callbackId(q),
    address: privateAddress(c.channel, String(q.from.id)),
    receivedAt: c.now.toISOString(),
    ...(chatType === 'group' || chatType === 'supergroup' ? { inGroup: true } : {}),
  };
  const index = INDEX_DATA.exec(q.data);
  // The core reads a typed number as the choice with that number.
  if (index) return { ...base, kind: 'text', text: index[1]! };
  return { ...base, kind: 'choice', choice: q.data };
};

/**
 * The command of a message starting with a bot_command entity (`/start CODE`, `/help@netwerk_bot`):
 * lower case, without the slash and the @botname; `other-bot` when it names another bot.
 */
const commandOf = (
  text: string | undefined,
  entities: readonly MessageEntity[],
  botUsername: string,
): { command: string; args: string } | 'other-bot' | null => {
  const e = entities.find((x) => x.type === 'bot_command' && x.offset === 0);
  if (!text || !e) return null;
  const [name, target] = text.slice(1, e.length).split('@');
  if (target && target.toLowerCase() !== botUsername.toLowerCase()) return 'other-bot';
  return { command: name!.toLowerCase(), args: text.slice(e.length).trim() };
};

const isBotMention = (text: string, e: MessageEntity, bot: BotIdentity): boolean =>
  (e.type === 'mention' &&
    text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${bot.username.toLowerCase()}`) ||
  (e.type === 'text_mention' && e.user.id === bot.id);

/** True when a group message @-mentions the bot or replies to one of its messages. */
const addressesBot = (m: Message, entities: readonly MessageEntity[], bot: BotIdentity): boolean => {
  const text = m.text ?? m.caption ?? '';
  return m.reply_to_message?.from?.id === bot.id || entities.some((e) => isBotMention(text, e, bot));
};

/** The text without the mentions of the bot (entity offsets are UTF-16 units, as JS strings). */
export const withoutMention = (
  text: string,
  entities: readonly MessageEntity[],
  bot: BotIdentity,
): string => {
  let out = text;
  const mentions = entities.filter((e) => isBotMention(text, e, bot));
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  return out.replace(/[ \t]{2,}/g, ' ').trim();
};

/** The media of a message (the largest photo size), or undefined for text and service messages. */
const mediaOf = (m: Message): MediaRef | undefined => {
  const withMime = (kind: MediaRef['kind'], ref: string, mimeType?: string): MediaRef =>
    mimeType ? { kind, ref, mimeType } : { kind, ref };
  if (m.photo?.length) return withMime('image', m.photo.at(-1)!.file_id);
  if (m.voice) return withMime('audio', m.voice.file_id, m.voice.mime_type);
  if (m.audio) return withMime('audio', m.audio.file_id, m.audio.mime_type);
  if (m.video) return withMime('video', m.video.file_id, m.video.mime_type);
  if (m.video_note) return withMime('video', m.video_note.file_id);
  if (m.document) return withMime('document', m.document.file_id, m.document.mime_type);
  if (m.location) return withMime('location', `${m.location.latitude},${m.location.longitude}`);
  return undefined;
};

/** The label of the button that was pressed, found in the message's keyboard by its callback data. */
export const pressedLabel = (q: CallbackQuery): string | undefined => {
  const message = q.message;
  if (!message || message.date === 0) return undefined;
  for (const row of message.reply_markup?.inline_keyboard ?? [])
    for (const b of row) if ('callback_data' in b && b.callback_data === q.data) return b.text;
  return undefined;
};
