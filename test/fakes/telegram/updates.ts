import type { Chat, Message, MessageEntity, Update, User } from 'grammy/types';

/**
 * Builders of Telegram updates as the Bot API delivers them (realistic entities, ids, dates), for
 * the fake server and for unit tests of the inbound mapping. Each factory numbers its own updates
 * and, per chat, its messages.
 */
export interface UpdateFactory {
  /** A message update: text (with bot_command and @mention entities as Telegram adds them), or media. */
  message(chat: Chat, from: User, o: MessageOptions): Update;
  /** A button press on a message the bot sent. */
  press(from: User, message: Message, data: string, id?: string): Update;
  /** The same message wrapped as another update kind (edited_message, channel_post...). */
  wrap(kind: 'edited_message' | 'channel_post' | 'edited_channel_post', message: Message): Update;
  /** The next message id in a chat (Telegram numbers messages per private chat / per group). */
  nextMessageId(chatId: number): number;
  /** The next update id. */
  nextUpdateId(): number;
}

export interface MessageOptions {
  readonly text?: string;
  readonly caption?: string;
  /** Explicit entities; by default derived from the text (commands at offset 0, @usernames). */
  readonly entities?: MessageEntity[];
  readonly date?: number;
  readonly replyTo?: Message;
  /** Media fields (photo, voice, document, location...) merged into the message. */
  readonly media?: Partial<Message>;
  /** Extra fields (service messages such as new_chat_members). */
  readonly extra?: Record<string, unknown>;
}

export const person = (id: number, first_name: string, username?: string): User => ({
  id,
  is_bot: false,
  first_name,
  ...(username ? { username } : {}),
});

export const privateChat = (u: User): Chat => ({ id: u.id, type: 'private', first_name: u.first_name });

export const supergroup = (id: number, title: string): Chat => ({ id, type: 'supergroup', title });

/** The entities a Telegram client attaches to typed text: a leading /command and @usernames. */
const entitiesOf = (text: string): MessageEntity[] => {
  const out: MessageEntity[] = [];
  const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (cmd) out.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/(^|[^\w/])(@[A-Za-z][A-Za-z0-9_]{4,31})\b/g)) {
    // `/start@netwerk_bot` is one command entity: its @ follows a word character, so no match here.
    out.push({ type: 'mention', offset: m.index + m[1]!.length, length: m[2]!.length });
  }
  return out;
};

export const createUpdateFactory = (
  now: () => number = () => Math.floor(Date.now() / 1000),
): UpdateFactory => {
  let updateId = 500_000;
  const messageIds = new Map<number, number>();
  let queryId = 9_000;
  const nextMessageId = (chatId: number) => {
    const n = (messageIds.get(chatId) ?? 0) + 1;
    messageIds.set(chatId, n);
    return n;
  };
  const nextUpdateId = () => ++updateId;
  return {
    nextMessageId,
    nextUpdateId,
    message: (chat, from, o) => {
      const entities = o.entities ?? (o.text ? entitiesOf(o.text) : o.caption ? entitiesOf(o.caption) : []);
      const message = {
        message_id: nextMessageId(chat.id),
        date: o.date ?? now(),
        chat,
        from,
        ...(o.text !== undefined ? { text: o.text } : {}),
        ...(o.caption !== undefined ? { caption: o.caption } : {}),
        ...(entities.length ? (o.text !== undefined ? { entities } : { caption_entities: entities }) : {}),
        ...(o.replyTo ? { reply_to_message: o.replyTo } : {}),
        ...o.media,
        ...o.extra,
      } as Message;
      return { update_id: nextUpdateId(), message } as Update;
    },
    press: (from, message, data, id) => ({
      update_id: nextUpdateId(),
      callback_query: {
        id: id ?? String(++queryId),
        from,
        message,
        chat_instance: `ci${message.chat.id}`,
        data,
      },
    }),
    wrap: (kind, message) => ({ update_id: nextUpdateId(), [kind]: message }) as Update,
  };
};
