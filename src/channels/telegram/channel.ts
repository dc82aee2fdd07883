import type { Server } from 'node:http';
import { isAbsolute } from 'node:path';
import { Bot, GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { CallbackQuery, Update } from 'grammy/types';
import type { Channel, ChannelCapabilities, InboundHandler, SendResult } from '../../core/channel.js';
import { CodedError } from '../../core/errors.js';
import { silentLog, type Log } from '../../core/log.js';
import type { Address, Outbound } from '../../core/messages.js';
import { editInPlace, toTelegramEdit } from './edit.js';
import { pressedLabel, toInbound } from './inbound.js';
import { CAPTION_LIMIT, pressedText, sendFailure, toTelegram, type TelegramSend } from './outbound.js';
import { closeServer, serveWebhook } from './webhook.js';

export interface TelegramOptions {
  /** TELEGRAM_BOT_TOKEN, from @BotFather. */
  readonly token: string;
  /** Channel name (the `channel` of every address); default `telegram`. */
  readonly name?: string;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server (or a test fake) instead of api.telegram.org. */
  readonly apiRoot?: string;
  /** TELEGRAM_MODE: long polling (default, no public URL needed) or a webhook. */
  readonly mode?: 'polling' | 'webhook';
  /** TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_WEBHOOK_PORT (0: any free port). */
  readonly webhook?: {
    readonly url: string;
    readonly secret: string;
    readonly port: number;
    readonly host?: string;
  };
  readonly log?: Log;
}

export interface TelegramChannel extends Channel {
  /** Port the webhook server listens on (webhook mode, after start). */
  readonly webhookPort: number | undefined;
}

/** The updates the bot asks Telegram for; everything else is not delivered at all. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** How long start() waits for Telegram to answer getMe. */
const GETME_TIMEOUT_MS = 30_000;

/** grammY types its signal after the abort-controller polyfill; Node's own works the same. */
const timeoutSignal = (ms: number) => AbortSignal.timeout(ms) as unknown as Parameters<Api['getMe']>[0];

const TOKEN_HELP = 'Copy the token from @BotFather into TELEGRAM_BOT_TOKEN in .env.';

/** An error's message, safe to log: grammY's errors name the method, never the token. */
const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The start-up failure to report. Never attaches a network error as cause: its message may hold
 * the request URL, and with it the token.
 */
const startError = (err: unknown, step: string): CodedError => {
  if (err instanceof CodedError) return err;
  if (err instanceof GrammyError) {
    if (err.error_code === 401 || err.error_code === 404)
      return new CodedError(
        'CHANNEL_START',
        `Telegram refused TELEGRAM_BOT_TOKEN (${err.error_code} ${err.error_code === 401 ? 'Unauthorized' : 'Not Found'}). ${TOKEN_HELP}`,
        { cause: err, context: { step } },
      );
    return new CodedError(
      'CHANNEL_START',
      `Telegram answered ${step} with ${err.error_code} (${err.description}). Try again later; if it persists, check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT in .env.`,
      { cause: err, context: { step } },
    );
  }
  const network = err instanceof HttpError ? 'network error' : 'unexpected error';
  return new CodedError(
    'CHANNEL_START',
    `Could not reach the Telegram Bot API for ${step} (${network}). Check the network, or TELEGRAM_API_ROOT in .env if you use your own Bot API server.`,
    { context: { step } },
  );
};

/** One Bot API call; resolves to the id of the message Telegram created. */
const call = async (api: Api, chat: string, c: TelegramSend): Promise<number> => {
  const markup = c.reply_markup ? { reply_markup: c.reply_markup } : {};
  switch (c.method) {
    case 'sendMessage':
      return (await api.sendMessage(chat, c.text, markup)).message_id;
    case 'sendPhoto':
      return (await api.sendPhoto(chat, c.media, { ...markup, ...(c.caption ? { caption: c.caption } : {}) }))
        .message_id;
    // A document the bot made (a proof's PDF) is a local path; anything else a file id or URL.
    case 'sendDocument':
      return (
        await api.sendDocument(chat, isAbsolute(c.media) ? new InputFile(c.media) : c.media, {
          ...markup,
          ...(c.caption ? { caption: c.caption } : {}),
        })
      ).message_id;
    case 'sendLocation':
      return (await api.sendLocation(chat, c.latitude, c.longitude, markup)).message_id;
  }
};

/**
 * The Telegram channel over grammY: long polling by default (no public URL needed), or a webhook
 * behind a secret token. Private chats are addressed by the Telegram user id; in groups the bot
 * answers privately when addressed (mention, reply, /command), and hands other members' messages
 * on as `unaddressed`, without their text (Telegram sends those only when the bot's privacy mode
 * is off in @BotFather, or the bot is a group admin). An outbound with
 * `replace` (the `message_id` a send returned) edits that message in place; when it is gone or
 * cannot become the new message, the new one is posted and its id returned.
 */
export const createTelegramChannel = (o: TelegramOptions): TelegramChannel => {
  const name = o.name ?? 'telegram';
  const log = o.log ?? silentLog;
  const mode = o.mode ?? 'polling';
  const capabilities: ChannelCapabilities = {
    buttons: true,
    maxButtons: 24,
    groups: true,
    threads: false,
    bidi: false,
    edit: true,
  };
  const apiRoot = o.apiRoot?.replace(/\/+$/, '');
  // No Bot without a token (grammY throws on an empty one); start() explains what to set.
  const bot = o.token.trim() ? new Bot(o.token, { client: apiRoot ? { apiRoot } : {} }) : undefined;
  let handler: InboundHandler | undefined;
  let polling: Promise<void> | undefined;
  let server: Server | undefined;
  let port: number | undefined;

  /** Answers the press, then shows the chosen label under the text and removes the keyboard. */
  const acknowledge = async (api: Api, q: CallbackQuery): Promise<void> => {
    await api.answerCallbackQuery(q.id).catch((err: unknown) => {
      log.warn({ channel: name, err: describe(err) }, 'telegram answerCallbackQuery failed');
    });
    const label = pressedLabel(q);
    const m = q.message;
    if (!m || m.date === 0 || label === undefined) return;
    const edit =
      m.text !== undefined
        ? api.editMessageText(m.chat.id, m.message_id, pressedText(m.text, label))
        : api.editMessageCaption(m.chat.id, m.message_id, {
            caption: pressedText(m.caption ?? '', label, CAPTION_LIMIT),
          });
    await edit.catch((err: unknown) => {
      // A redelivered press finds the message already edited ("message is not modified").
      const notModified = err instanceof GrammyError && /not modified/i.test(err.description);
      log[notModified ? 'debug' : 'warn']({ channel: name, err: describe(err) }, 'telegram edit failed');
    });
  };

  /** Runs for every update; never throws, so polling goes on and webhooks get their 200. */
  const onUpdate = async (api: Api, update: Update, me: { id: number; username: string }) => {
    if (!handler) return; // stopping; see stop()
    try {
      const inbound = toInbound(update, { channel: name, bot: me, now: new Date() });
      if (update.callback_query) await acknowledge(api, update.callback_query);
      if (!inbound) {
        log.debug({ channel: name, update: update.update_id }, 'telegram update ignored');
        return;
      }
      await handler?.(inbound);
    } catch (err) {
      log.error({ channel: name, update: update.update_id, err: describe(err) }, 'telegram update failed');
    }
  };

  if (bot) {
    bot.use((ctx) => onUpdate(bot.api, ctx.update, { id: ctx.me.id, username: ctx.me.username }));
    bot.catch((e) => log.error({ channel: name, err: describe(e.error) }, 'telegram middleware failed'));
  }

  const startPolling = (b: Bot): Promise<void> =>
    new Promise((resolve, reject) => {
      let running = false;
      polling = b
        .start({
          allowed_updates: [...ALLOWED_UPDATES],
          onStart: () => {
            running = true;
            resolve();
          },
        })
        .catch((err: unknown) => {
          if (!running) return reject(err);
          const conflict = err instanceof GrammyError && err.error_code === 409;
          log.error(
            { channel: name, err: describe(err) },
            conflict
              ? 'telegram polling stopped: another process polls with the same TELEGRAM_BOT_TOKEN'
              : 'telegram polling stopped',
          );
        });
    });

  const startWebhook = async (b: Bot): Promise<void> => {
    const w = o.webhook;
    if (!w?.url || !w.secret)
      throw new CodedError(
        'CHANNEL_START',
        'TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL (public https address), TELEGRAM_WEBHOOK_SECRET and TELEGRAM_WEBHOOK_PORT in .env; or set TELEGRAM_MODE=polling.',
      );
    ({ server, port } = await serveWebhook(b, {
      channel: name,
      secret: w.secret,
      port: w.port,
      ...(w.host ? { host: w.host } : {}),
      accepting: () => handler !== undefined,
      log,
    }));
    try {
      await b.api.setWebhook(w.url, { secret_token: w.secret, allowed_updates: [...ALLOWED_UPDATES] });
    } catch (err) {
      if (!(err instanceof GrammyError) || err.error_code === 401 || err.error_code === 404)
        throw startError(err, 'setWebhook');
      throw new CodedError(
        'CHANNEL_START',
        `Telegram refused the webhook (${err.error_code}: ${err.description}). Set TELEGRAM_WEBHOOK_URL to the public https address that reaches TELEGRAM_WEBHOOK_PORT, and TELEGRAM_WEBHOOK_SECRET to 1-256 characters A-Z a-z 0-9 _ -, in .env.`,
        { cause: err },
      );
    }
  };

  const stop = async (): Promise<void> => {
    // The rest of a polled batch is dropped: bot.stop() confirms only up to the update being
    // handled, so Telegram delivers the others again at the next start.
    handler = undefined;
    if (bot && polling) {
      await bot.stop().catch((err: unknown) => {
        log.warn({ channel: name, err: describe(err) }, 'telegram polling did not stop cleanly');
      });
      await polling; // the update being handled finishes first
      polling = undefined;
    }
    if (server) {
      const s = server;
      server = undefined;
      port = undefined;
      await closeServer(s);
    }
  };

  const start = async (onInbound: InboundHandler): Promise<void> => {
    if (!bot) throw new CodedError('CHANNEL_START', `TELEGRAM_BOT_TOKEN is empty. ${TOKEN_HELP}`);
    if (handler) throw new CodedError('CHANNEL_START', `The Telegram channel ${name} is already started.`);
    if (!bot.isInited()) {
      // One getMe, not bot.init(): that retries network errors forever and would hang start-up.
      try {
        bot.botInfo = await bot.api.getMe(timeoutSignal(GETME_TIMEOUT_MS));
      } catch (err) {
        throw startError(err, 'getMe');
      }
    }
    handler = onInbound;
    try {
      if (mode === 'webhook') await startWebhook(bot);
      else await startPolling(bot);
    } catch (err) {
      await stop();
      throw startError(err, mode === 'webhook' ? 'setWebhook' : 'deleteWebhook');
    }
    log.info({ channel: name, mode, port }, 'telegram channel started');
  };

  const send = async (to: Address, message: Outbound): Promise<SendResult> => {
    if (!bot) return { ok: false, permanent: true, reason: 'TELEGRAM_BOT_TOKEN is empty' };
    let last: number | undefined;
    try {
      const replace = message.replace;
      const edit = replace ? toTelegramEdit(message, replace, capabilities.maxButtons) : null;
      if (replace && edit && (await editInPlace(bot.api, to.chat, edit)))
        return { ok: true, platformId: replace };
      if (replace) log.debug({ channel: name }, 'telegram message not editable: posted anew');
      for (const c of toTelegram(message, capabilities.maxButtons)) last = await call(bot.api, to.chat, c);
    } catch (err) {
      const failure = sendFailure(err);
      log.warn(
        {
          channel: name,
          permanent: failure.permanent,
          retryAfterMs: failure.retryAfterMs,
          reason: failure.reason,
        },
        'telegram send failed',
      );
      return failure;
    }
    return last === undefined ? { ok: true } : { ok: true, platformId: String(last) };
  };

  return {
    name,
    capabilities,
    get webhookPort() {
      return port;
    },
    start,
    send,
    stop,
  };
};
