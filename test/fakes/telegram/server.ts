import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, InlineKeyboardMarkup, Message, Update, User } from 'grammy/types';
import { createUpdateFactory, privateChat, type UpdateFactory } from './updates.js';
import { readParams } from './params.js';

/** One Bot API call as the fake received it. */
export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  /** False when the token in the URL was wrong (answered 401). */
  readonly authorized: boolean;
}

export interface BotApiError {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { readonly retry_after?: number };
}

export interface FakeTelegramOptions {
  readonly token?: string;
  readonly botUsername?: string;
  /** Longest a getUpdates call waits before answering an empty list (keeps stop() and tests fast). */
  readonly maxPollMs?: number;
}

/**
 * A loopback Telegram Bot API server (`POST /bot<token>/<method>`) for the real grammY client:
 * long polling with offsets, webhooks, sends and edits stored per chat, every call recorded.
 * Edits answer as Telegram does: "message to edit not found" for a deleted or unknown message,
 * "message can't be edited" for a user's message, "there is no text/caption/media in the message
 * to edit" for the wrong kind, "message is not modified" when nothing changes.
 */
export interface FakeTelegram {
  /** `http://127.0.0.1:<port>`, for grammY's `client.apiRoot`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly bot: User & { readonly username: string };
  readonly updates: UpdateFactory;
  readonly calls: readonly ApiCall[];
  /** Params of every authorized call to `method`, oldest first. */
  callsTo(method: string): Record<string, unknown>[];
  /** What the bot sent into a chat (edits applied), oldest first. */
  sent(chat: string | number): readonly Message[];
  /** The webhook set with setWebhook, if any. */
  readonly webhook: Record<string, unknown> | undefined;
  /** Queues an update for getUpdates (wakes a waiting long poll). */
  push(update: Update): Update;
  /** A user types text in their private chat with the bot. */
  userSays(from: User, text: string): Update;
  /** A member writes in a group; `mention` prefixes an @mention of the bot; `replyTo` a bot message id. */
  memberSays(group: Chat, from: User, text: string, o?: { mention?: boolean; replyTo?: number }): Update;
  /** The user presses button `index` (0-based, reading order) of a message the bot sent. */
  press(from: User, chat: string | number, messageId: number, index: number): Update;
  /** Delivers an already delivered update once more, same update_id (the last pushed by default). */
  redeliver(updateId?: number): Update;
  /** The next send* call (or the next call to `method`, e.g. editMessageText) answers 429 with this retry_after. */
  rateLimitNext(seconds: number, method?: string): void;
  /** The message disappears from the chat, as when someone deletes it; later edits find nothing. */
  remove(chat: string | number, messageId: number): void;
  /** The next call (to `method`, or any send*) fails with this Bot API error. */
  failNext(error: BotApiError, method?: string): void;
  /** True once getUpdates has handed the update out. */
  delivered(updateId: number): boolean;
  /** Nothing queued and the last batch was confirmed by a following getUpdates. */
  idle(): boolean;
  close(): Promise<void>;
}

const notModified =
  'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

const reply = (res: ServerResponse, status: number, body: unknown) => {
  if (res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

const updateType = (u: Update): string => Object.keys(u).find((k) => k !== 'update_id') ?? '';

export const createFakeTelegram = async (o: FakeTelegramOptions = {}): Promise<FakeTelegram> => {
  const token = o.token ?? '7000001:AAF-fake-test-token_for-the-loopback';
  const bot = {
    id: Number(token.split(':')[0]) || 7000001,
    is_bot: true,
    first_name: 'Netwerkbot',
    username: o.botUsername ?? 'netwerk_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: true,
    supports_inline_queries: false,
  };
  const maxPollMs = o.maxPollMs ?? 200;
  const updates = createUpdateFactory();
  const calls: ApiCall[] = [];
  const chats = new Map<string, Message[]>();
  const knownChats = new Map<string, Chat>();
  const queries = new Set<string>();
  /** `chat:message_id` of the users' messages: the bot cannot edit those. */
  const userMessages = new Set<string>();
  const served = new Set<number>();
  const history = new Map<number, Update>();
  let pending: Update[] = [];
  const redeliveries: Update[] = [];
  let inFlight = false;
  let allowed: string[] = [];
  let webhook: Record<string, unknown> | undefined;
  let failures: { error: BotApiError; method?: string }[] = [];
  let waiter: (() => void) | undefined;
  let lastPushed: number | undefined;

  const chatOf = (id: string): Chat =>
    knownChats.get(id) ??
    (Number(id) < 0
      ? { id: Number(id), type: 'supergroup', title: 'Group' }
      : { id: Number(id), type: 'private', first_name: 'User' });
  const remember = (c: Chat) => knownChats.set(String(c.id), c);
  const stored = (chat: unknown, id: unknown): Message | undefined =>
    chats.get(String(chat))?.find((m) => m.message_id === Number(id));
  const buttonsOf = (markup: unknown) =>
    ((markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? []).flat();

  /** Updates waiting to be handed out; types outside allowed_updates are dropped, as Telegram does. */
  const queued = (): number => {
    pending = pending.filter((u) => !allowed.length || allowed.includes(updateType(u)));
    return redeliveries.length + pending.length;
  };
  const take = (limit: number): Update[] => {
    queued();
    return [...redeliveries.splice(0), ...pending.slice(0, limit)];
  };

  const getUpdates = (p: Record<string, unknown>, res: ServerResponse) => {
    inFlight = false; // grammY asks again only after handling the whole previous batch
    if (webhook)
      return reply(res, 409, {
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    if (p.offset !== undefined) pending = pending.filter((u) => u.update_id >= Number(p.offset));
    if (Array.isArray(p.allowed_updates)) allowed = p.allowed_updates as string[];
    const limit = Number(p.limit ?? 100);
    const answer = () => {
      const batch = take(limit);
      for (const u of batch) served.add(u.update_id);
      if (batch.length) inFlight = true;
      reply(res, 200, { ok: true, result: batch });
    };
    const timeout = Number(p.timeout ?? 0);
    if (queued() || !timeout) return answer();
    waiter?.(); // only one long poll at a time: the older one answers empty
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (waiter === finish) waiter = undefined;
      if (!res.destroyed) answer();
    };
    const timer = setTimeout(finish, Math.min(timeout * 1000, maxPollMs));
    waiter = finish;
    res.on('close', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (waiter === finish) waiter = undefined;
    });
  };

  const store = (chatId: unknown, fields: Partial<Message>, markup: unknown): Message => {
    const chat = chatOf(String(chatId));
    const message = {
      message_id: updates.nextMessageId(chat.id),
      date: Math.floor(Date.now() / 1000),
      chat,
      from: bot,
      ...fields,
      ...(markup ? { reply_markup: markup } : {}),
    } as Message;
    const list = chats.get(String(chatId)) ?? [];
    list.push(message);
    chats.set(String(chatId), list);
    return message;
  };

  const edit = (
    p: Record<string, unknown>,
    field: 'text' | 'caption' | 'media' | null,
  ): BotApiError | Message => {
    const bad = (description: string): BotApiError => ({
      error_code: 400,
      description: `Bad Request: ${description}`,
    });
    const m = stored(p.chat_id, p.message_id) as (Message & Record<string, unknown>) | undefined;
    if (!m)
      return userMessages.has(`${String(p.chat_id)}:${String(p.message_id)}`)
        ? bad("message can't be edited")
        : bad('message to edit not found');
    const hasMedia = m.photo !== undefined || m.document !== undefined;
    if (field === 'text' && m.text === undefined) return bad('there is no text in the message to edit');
    if (field === 'caption' && !hasMedia) return bad('there is no caption in the message to edit');
    if (field === 'media' && !hasMedia) return bad('there is no media in the message to edit');
    if (field === 'text' && String(p.text ?? '').length > 4096) return bad('message is too long');
    if (field === 'text' && !p.text) return bad('message text is empty');
    const media = field === 'media' ? mediaFields(p.media as Record<string, unknown> | undefined) : undefined;
    const sameContent =
      field === null ||
      (field === 'media'
        ? JSON.stringify([m.photo, m.document, m.caption]) ===
          JSON.stringify([media?.photo, media?.document, media?.caption])
        : m[field] === p[field]);
    const same =
      sameContent && JSON.stringify(m.reply_markup ?? null) === JSON.stringify(p.reply_markup ?? null);
    if (same) return { error_code: 400, description: notModified };
    if (field === 'text' || field === 'caption') m[field] = String(p[field] ?? '');
    if (media) {
      for (const k of ['photo', 'document', 'caption'] as const) delete m[k];
      Object.assign(m, media);
    }
    // Telegram removes an inline keyboard the edit does not repeat.
    if (p.reply_markup) m.reply_markup = p.reply_markup as InlineKeyboardMarkup;
    else delete m.reply_markup;
    return m;
  };

  /** The message fields of an InputMedia (photo or document, with its caption). */
  const mediaFields = (im: Record<string, unknown> | undefined): Partial<Message> => {
    const file = String(im?.media ?? '');
    const caption = im?.caption === undefined ? {} : { caption: String(im.caption) };
    return im?.type === 'photo'
      ? { photo: [{ file_id: file, file_unique_id: file, width: 800, height: 600 }], ...caption }
      : { document: { file_id: file, file_unique_id: file }, ...caption };
  };

  const failure = (name: string): BotApiError | undefined => {
    const i = failures.findIndex((f) => (f.method ? f.method === name : name.startsWith('send')));
    return i >= 0 ? failures.splice(i, 1)[0]!.error : undefined;
  };

  /** The answer to one authorized call: a result, or a Bot API error. */
  const method = (name: string, p: Record<string, unknown>): { error: BotApiError } | { result: unknown } => {
    const failed = failure(name);
    if (failed) return { error: failed };
    const bad = (description: string) => ({
      error: { error_code: 400, description: `Bad Request: ${description}` },
    });
    const markup = p.reply_markup;
    if (buttonsOf(markup).some((b) => 'callback_data' in b && Buffer.byteLength(b.callback_data) > 64))
      return bad('BUTTON_DATA_INVALID');
    switch (name) {
      case 'getMe':
        return { result: bot };
      case 'deleteWebhook':
        webhook = undefined;
        return { result: true };
      case 'setWebhook':
        if (!String(p.url ?? '').startsWith('https://'))
          return bad('bad webhook: An HTTPS URL must be provided for webhook');
        if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token)))
          return bad('secret token contains unallowed characters');
        webhook = p;
        return { result: true };
      case 'sendMessage': {
        const text = String(p.text ?? '');
        if (!text) return bad('message text is empty');
        if (text.length > 4096) return bad('message is too long');
        return { result: store(p.chat_id, { text }, markup) };
      }
      case 'sendPhoto':
      case 'sendDocument': {
        const caption = p.caption === undefined ? undefined : String(p.caption);
        if (caption && caption.length > 1024) return bad('message caption is too long');
        const file = String(name === 'sendPhoto' ? p.photo : p.document);
        const media =
          name === 'sendPhoto'
            ? { photo: [{ file_id: file, file_unique_id: file, width: 800, height: 600 }] }
            : { document: { file_id: file, file_unique_id: file } };
        return { result: store(p.chat_id, { ...media, ...(caption ? { caption } : {}) }, markup) };
      }
      case 'sendLocation':
        return {
          result: store(
            p.chat_id,
            { location: { latitude: Number(p.latitude), longitude: Number(p.longitude) } },
            markup,
          ),
        };
      case 'answerCallbackQuery':
        if (!queries.has(String(p.callback_query_id)))
          return bad('query is too old and response timeout expired or query ID is invalid');
        return { result: true };
      case 'editMessageText':
      case 'editMessageCaption':
      case 'editMessageMedia':
      case 'editMessageReplyMarkup': {
        const field = {
          editMessageText: 'text',
          editMessageCaption: 'caption',
          editMessageMedia: 'media',
          editMessageReplyMarkup: null,
        } as const;
        const r = edit(p, field[name]);
        return 'error_code' in r ? { error: r } : { result: r };
      }
      default:
        return { error: { error_code: 404, description: 'Not Found' } };
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!m) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      let params: Record<string, unknown>;
      try {
        params = { ...Object.fromEntries(url.searchParams), ...(await readParams(req)) };
      } catch {
        return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid body' });
      }
      const [, tok, name] = m as unknown as [string, string, string];
      const authorized = tok === token;
      calls.push({ method: name, params, authorized });
      if (!authorized) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const failed = name === 'getUpdates' ? failure(name) : undefined;
      if (failed) return reply(res, failed.error_code, { ok: false, ...failed });
      if (name === 'getUpdates') return getUpdates(params, res);
      const r = method(name, params);
      if ('error' in r) return reply(res, r.error.error_code, { ok: false, ...r.error });
      reply(res, 200, { ok: true, result: r.result });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const push = (u: Update): Update => {
    history.set(u.update_id, u);
    lastPushed = u.update_id;
    const cq = u.callback_query;
    if (cq) queries.add(cq.id);
    for (const msg of [u.message, cq?.message]) if (msg) remember(msg.chat);
    if (u.message) userMessages.add(`${u.message.chat.id}:${u.message.message_id}`);
    pending.push(u);
    waiter?.();
    return u;
  };

  return {
    apiRoot,
    token,
    bot,
    updates,
    calls,
    callsTo: (name) => calls.filter((c) => c.authorized && c.method === name).map((c) => c.params),
    sent: (chat) => chats.get(String(chat)) ?? [],
    get webhook() {
      return webhook;
    },
    push,
    userSays: (from, text) => push(updates.message(privateChat(from), from, { text })),
    memberSays: (group, from, text, opts = {}) => {
      const replyTo = opts.replyTo === undefined ? undefined : stored(group.id, opts.replyTo);
      const body = opts.mention ? `@${bot.username} ${text}` : text;
      return push(updates.message(group, from, { text: body, ...(replyTo ? { replyTo } : {}) }));
    },
    press: (from, chat, messageId, index) => {
      const message = stored(chat, messageId);
      if (!message) throw new Error(`no message ${messageId} in that chat`);
      const button = buttonsOf(message.reply_markup)[index];
      if (!button || !('callback_data' in button)) throw new Error(`message has no button ${index}`);
      // A snapshot, as Telegram sends it: later edits do not change this update.
      return push(updates.press(from, structuredClone(message), button.callback_data));
    },
    redeliver: (updateId) => {
      const u = history.get(updateId ?? lastPushed ?? -1);
      if (!u) throw new Error('nothing to redeliver');
      redeliveries.push(u);
      waiter?.();
      return u;
    },
    rateLimitNext: (seconds, name) =>
      failures.push({
        error: {
          error_code: 429,
          description: `Too Many Requests: retry after ${seconds}`,
          parameters: { retry_after: seconds },
        },
        ...(name ? { method: name } : {}),
      }),
    remove: (chat, messageId) => {
      const list = chats.get(String(chat)) ?? [];
      chats.set(
        String(chat),
        list.filter((m) => m.message_id !== messageId),
      );
    },
    failNext: (error, name) => failures.push(name ? { error, method: name } : { error }),
    delivered: (id) => served.has(id),
    idle: () => !inFlight && !queued(),
    close: async () => {
      waiter?.();
      failures = [];
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
};
