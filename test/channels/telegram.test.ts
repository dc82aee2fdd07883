import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramChannel, type TelegramOptions } from '../../src/channels/telegram/index.js';
import { groupAddress, privateAddress } from '../../src/core/channel.js';
import { isCodedError } from '../../src/core/errors.js';
import type { Log } from '../../src/core/log.js';
import type { Inbound } from '../../src/core/messages.js';
import { waitFor } from '../fakes/harness.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram/server.js';
import { person, privateChat, supergroup } from '../fakes/telegram/updates.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const recordingLog = () => {
  const lines: { level: string; fields: Record<string, unknown>; msg: string }[] = [];
  const at =
    (level: string) =>
    (fields: Record<string, unknown>, msg: string): void => {
      lines.push({ level, fields, msg });
    };
  const log: Log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
};

const fake = async (): Promise<FakeTelegram> => {
  const tg = await createFakeTelegram();
  cleanup.push(() => tg.close());
  return tg;
};

/** The channel against the fake, started, with what it received and logged. */
const running = async (tg: FakeTelegram, o: Partial<TelegramOptions> = {}, onIn?: (m: Inbound) => void) => {
  const { log, lines } = recordingLog();
  const channel = createTelegramChannel({ token: tg.token, apiRoot: tg.apiRoot, log, ...o });
  const inbox: Inbound[] = [];
  await channel.start(async (m) => {
    inbox.push(m);
    onIn?.(m);
  });
  cleanup.push(() => channel.stop());
  return { channel, inbox, lines };
};

const nour = person(111222333, 'Nour');
const wijk = supergroup(-1001234567890, 'Wijk');

describe('Telegram channel: polling against the fake Bot API', () => {
  it('honours apiRoot: getMe, deleteWebhook and long polling all hit the fake, and only those', async () => {
    const tg = await fake();
    await running(tg, { apiRoot: `${tg.apiRoot}/` });
    await waitFor(() => tg.callsTo('getUpdates').length > 0, 'the first getUpdates');
    expect(tg.calls.slice(0, 3).map((c) => c.method)).toEqual(['getMe', 'deleteWebhook', 'getUpdates']);
    expect(tg.calls.every((c) => c.authorized)).toBe(true);
    expect(tg.callsTo('getUpdates')[0]).toMatchObject({ allowed_updates: ['message', 'callback_query'] });
  });

  it('delivers /start CODE from a t.me deep link as a command', async () => {
    const tg = await fake();
    const { inbox } = await running(tg);
    const u = tg.userSays(nour, '/start AMINA-7K2Q');
    await waitFor(() => inbox.length === 1, 'the command');
    expect(inbox[0]).toEqual({
      kind: 'command',
      command: 'start',
      args: 'AMINA-7K2Q',
      id: `${nour.id}:${u.message!.message_id}`,
      address: privateAddress('telegram', String(nour.id)),
      receivedAt: new Date(u.message!.date * 1000).toISOString(),
    });
  });

  it('on a button press answers the query, edits the message to show the choice, then hands it over', async () => {
    const tg = await fake();
    let callsWhenHandled: string[] = [];
    const { channel, inbox } = await running(tg, {}, () => {
      callsWhenHandled = tg.calls.map((c) => c.method);
    });
    const to = privateAddress('telegram', String(nour.id));
    const res = await channel.send(to, {
      text: 'Klopt dit?',
      choices: [
        { value: 'yes', label: 'Ja, klopt' },
        { value: 'no', label: 'Nee' },
      ],
    });
    expect(res).toEqual({ ok: true, platformId: String(tg.sent(nour.id)[0]!.message_id) });
    const press = tg.press(nour, nour.id, Number(res.ok && res.platformId), 0);
    await waitFor(() => inbox.length === 1, 'the choice');
    expect(inbox[0]).toMatchObject({ kind: 'choice', choice: 'yes', id: `cb:${press.callback_query!.id}` });
    expect(tg.callsTo('answerCallbackQuery')).toEqual([{ callback_query_id: press.callback_query!.id }]);
    expect(callsWhenHandled.filter((m) => m.startsWith('answer') || m.startsWith('edit'))).toEqual([
      'answerCallbackQuery',
      'editMessageText',
    ]);
    expect(tg.sent(nour.id)).toHaveLength(1);
    expect(tg.sent(nour.id)[0]!.text).toBe('Klopt dit?\n\n→ Ja, klopt');
    expect(tg.sent(nour.id)[0]!.reply_markup).toBeUndefined();
  });

  it('brings a choice whose value was too long for callback data back as its number', async () => {
    const tg = await fake();
    const { channel, inbox } = await running(tg);
    const long = `activity:${'x'.repeat(80)}`;
    await channel.send(privateAddress('telegram', String(nour.id)), {
      text: 'Welke activiteit?',
      choices: [
        { value: 'a', label: 'Taalcafé' },
        { value: long, label: 'Wandeling' },
      ],
    });
    tg.press(nour, nour.id, tg.sent(nour.id)[0]!.message_id, 1);
    await waitFor(() => inbox.length === 1, 'the press');
    expect(inbox[0]).toMatchObject({ kind: 'text', text: '2' });
    expect(tg.sent(nour.id)[0]!.text).toBe('Welke activiteit?\n\n→ Wandeling');
  });

  it('posts to a group, hands on chatter without its text and answers a member who replies to the bot', async () => {
    const tg = await fake();
    const { channel, inbox } = await running(tg);
    const res = await channel.send(groupAddress('telegram', String(wijk.id)), { text: 'Taalcafé vrijdag!' });
    expect(res.ok).toBe(true);
    tg.memberSays(wijk, nour, 'Wie gaat er mee?');
    tg.memberSays(wijk, nour, 'ik kom', { replyTo: tg.sent(wijk.id)[0]!.message_id });
    await waitFor(() => inbox.length === 2 && tg.idle(), 'the chatter and the reply');
    expect(inbox).toHaveLength(2);
    // The chatter arrives without its text: only who wrote, and in which group.
    expect(inbox[0]).toEqual({
      kind: 'text',
      text: '',
      id: expect.stringMatching(new RegExp(`^${wijk.id}:\\d+$`)),
      receivedAt: expect.any(String),
      address: privateAddress('telegram', String(nour.id)),
      inGroup: true,
      unaddressed: true,
      group: String(wijk.id),
    });
    expect(inbox[1]).toMatchObject({
      kind: 'text',
      text: 'ik kom',
      inGroup: true,
      address: { chat: '111222333' },
    });
    expect(tg.sent(wijk.id)).toHaveLength(1);
  });

  it('keeps polling when the handler fails, and logs ids, never texts or tokens', async () => {
    const tg = await fake();
    const { channel, inbox, lines } = await running(tg, {}, (m) => {
      if (m.kind === 'text' && m.text === 'geheim 0470 12 34 56') throw new Error('boom');
    });
    tg.userSays(nour, 'geheim 0470 12 34 56');
    tg.userSays(nour, 'tweede');
    await waitFor(() => inbox.length === 2, 'both messages');
    tg.rateLimitNext(2);
    await channel.send(privateAddress('telegram', String(nour.id)), { text: 'Antwoord voor Nour' });
    expect(lines.some((l) => l.level === 'error' && l.msg === 'telegram update failed')).toBe(true);
    expect(lines.some((l) => l.msg === 'telegram send failed')).toBe(true);
    const logged = JSON.stringify(lines);
    for (const secret of [tg.token, '0470', 'Antwoord', 'tweede', String(nour.id)])
      expect(logged).not.toContain(secret);
  });

  it('logs instead of throwing when Telegram ends long polling (401 after a token was revoked)', async () => {
    const tg = await fake();
    const { lines } = await running(tg);
    tg.failNext({ error_code: 401, description: 'Unauthorized' }, 'getUpdates');
    tg.userSays(nour, 'hallo'); // wakes the waiting poll, so the next getUpdates gets the 401
    await waitFor(() => lines.some((l) => l.msg === 'telegram polling stopped'), 'the polling error log');
  });

  it('stop() ends polling: no getUpdates afterwards and no more updates handled', async () => {
    const tg = await fake();
    const { channel, inbox } = await running(tg);
    await waitFor(() => tg.callsTo('getUpdates').length > 0, 'polling');
    await channel.stop();
    const polls = tg.callsTo('getUpdates').length;
    tg.userSays(nour, 'te laat');
    await new Promise((r) => setTimeout(r, 50));
    expect(tg.callsTo('getUpdates')).toHaveLength(polls);
    expect(inbox).toHaveLength(0);
  });
});

describe('Telegram channel: sending', () => {
  it('maps 429 to a retryable failure with retry-after, chat not found and blocked to permanent', async () => {
    const tg = await fake();
    const { channel } = await running(tg);
    const to = privateAddress('telegram', String(nour.id));
    tg.rateLimitNext(3);
    expect(await channel.send(to, { text: 'a' })).toMatchObject({
      ok: false,
      permanent: false,
      retryAfterMs: 3000,
    });
    tg.failNext({ error_code: 400, description: 'Bad Request: chat not found' });
    expect(await channel.send(to, { text: 'b' })).toMatchObject({ ok: false, permanent: true });
    tg.failNext({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await channel.send(to, { text: 'c' })).toMatchObject({ ok: false, permanent: true });
    tg.failNext({ error_code: 500, description: 'Internal Server Error' });
    expect(await channel.send(to, { text: 'd' })).toMatchObject({ ok: false, permanent: false });
    expect(await channel.send(to, { text: 'e' })).toMatchObject({ ok: true });
    expect(tg.sent(nour.id).map((m) => m.text)).toEqual(['e']);
    expect(tg.callsTo('sendMessage').every((p) => p.parse_mode === undefined)).toBe(true);
  });

  it('never throws on a network error: a retryable failure', async () => {
    const tg = await createFakeTelegram();
    const channel = createTelegramChannel({ token: tg.token, apiRoot: tg.apiRoot });
    await tg.close();
    const res = await channel.send(privateAddress('telegram', '1'), { text: 'hallo' });
    expect(res).toMatchObject({ ok: false, permanent: false });
  });

  it('splits long text over several messages and returns the id of the last (the one with buttons)', async () => {
    const tg = await fake();
    const { channel } = await running(tg);
    const text = `${'a'.repeat(4000)}\n${'b'.repeat(3000)}`;
    const res = await channel.send(privateAddress('telegram', String(nour.id)), {
      text,
      choices: [{ value: 'ok', label: 'OK' }],
    });
    const sent = tg.sent(nour.id);
    expect(sent.map((m) => m.text)).toEqual(['a'.repeat(4000), 'b'.repeat(3000)]);
    expect(sent[0]!.reply_markup).toBeUndefined();
    expect(sent[1]!.reply_markup).toBeDefined();
    expect(res).toEqual({ ok: true, platformId: String(sent[1]!.message_id) });
  });

  it('sends media by URL or file id with its caption', async () => {
    const tg = await fake();
    const { channel } = await running(tg);
    const to = privateAddress('telegram', String(nour.id));
    await channel.send(to, { text: 'Je attest', media: { kind: 'document', ref: 'BQACAgQAAxkB' } });
    await channel.send(to, { text: 'Kaart', media: { kind: 'image', ref: 'https://example.org/k.png' } });
    expect(tg.callsTo('sendDocument')[0]).toMatchObject({ document: 'BQACAgQAAxkB', caption: 'Je attest' });
    expect(tg.sent(nour.id).map((m) => m.caption)).toEqual(['Je attest', 'Kaart']);
  });
});

describe('Telegram channel: start-up failures', () => {
  it('rejects a wrong token with CHANNEL_START naming TELEGRAM_BOT_TOKEN, never the token', async () => {
    const tg = await fake();
    const token = '123456:WRONG-secret-token-value';
    const channel = createTelegramChannel({ token, apiRoot: tg.apiRoot });
    const err = await channel.start(async () => {}).catch((e: unknown) => e);
    expect(isCodedError(err, 'CHANNEL_START')).toBe(true);
    const message = (err as Error).message;
    expect(message).toBe(
      'Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized). Copy the token from @BotFather into TELEGRAM_BOT_TOKEN in .env.',
    );
    expect(JSON.stringify(err)).not.toContain('WRONG-secret');
    expect(tg.calls.map((c) => [c.method, c.authorized])).toEqual([['getMe', false]]);
  });

  it('rejects an empty token and an unreachable API root without leaking the token', async () => {
    await expect(createTelegramChannel({ token: ' ' }).start(async () => {})).rejects.toThrow(
      /TELEGRAM_BOT_TOKEN is empty/,
    );
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const token = '123456:UNREACHABLE-token';
    const err = await createTelegramChannel({ token, apiRoot: `http://127.0.0.1:${port}` })
      .start(async () => {})
      .catch((e: unknown) => e);
    expect(isCodedError(err, 'CHANNEL_START')).toBe(true);
    expect((err as Error).message).toMatch(/TELEGRAM_API_ROOT/);
    expect(`${(err as Error).message} ${JSON.stringify(err)} ${String((err as Error).cause)}`).not.toContain(
      'UNREACHABLE',
    );
  });
});

describe('Telegram channel: webhook mode', () => {
  const secret = 'w3bh00k_SECRET-value';
  const post = (port: number, update: Update, header?: string) =>
    fetch(`http://127.0.0.1:${port}/telegram`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(header === undefined ? {} : { 'x-telegram-bot-api-secret-token': header }),
      },
      body: JSON.stringify(update),
    });

  const webhook = async () => {
    const tg = await fake();
    const started = await running(tg, {
      mode: 'webhook',
      webhook: { url: 'https://bot.example.org/telegram', secret, port: 0, host: '127.0.0.1' },
    });
    const port = started.channel.webhookPort!;
    return { tg, port, ...started };
  };

  it('listens on a real port and registers the webhook with its secret and allowed updates', async () => {
    const { tg, port } = await webhook();
    expect(port).toBeGreaterThan(0);
    expect(tg.callsTo('setWebhook')).toEqual([
      {
        url: 'https://bot.example.org/telegram',
        secret_token: secret,
        allowed_updates: ['message', 'callback_query'],
      },
    ]);
    expect(tg.callsTo('getUpdates')).toEqual([]);
  });

  it('processes an update posted with the right secret before answering 200', async () => {
    const { tg, port, inbox } = await webhook();
    const res = await post(port, tg.updates.message(privateChat(nour), nour, { text: 'hallo' }), secret);
    expect(res.status).toBe(200);
    expect(inbox).toMatchObject([{ kind: 'text', text: 'hallo' }]);
  });

  it('answers 401 to a wrong or missing secret and handles nothing', async () => {
    const { tg, port, inbox } = await webhook();
    const update = tg.updates.message(privateChat(nour), nour, { text: 'hallo' });
    expect((await post(port, update, 'wrong-secret')).status).toBe(401);
    expect((await post(port, update)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/telegram`)).status).toBe(405);
    expect(inbox).toEqual([]);
  });

  it('closes the webhook server on stop()', async () => {
    const { tg, port, channel } = await webhook();
    await channel.stop();
    expect(channel.webhookPort).toBeUndefined();
    const update = tg.updates.message(privateChat(nour), nour, { text: 'hallo' });
    await expect(post(port, update, secret)).rejects.toThrow();
  });

  it('names TELEGRAM_WEBHOOK_PORT when the port is taken', async () => {
    const tg = await fake();
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => taken.close(() => r())));
    const port = (taken.address() as AddressInfo).port;
    const channel = createTelegramChannel({
      token: tg.token,
      apiRoot: tg.apiRoot,
      mode: 'webhook',
      webhook: { url: 'https://bot.example.org/telegram', secret, port, host: '127.0.0.1' },
    });
    await expect(channel.start(async () => {})).rejects.toThrow(/TELEGRAM_WEBHOOK_PORT .*EADDRINUSE/);
    expect(tg.callsTo('setWebhook')).toEqual([]);
  });

  it('refuses to start without a webhook URL and secret, naming the variables', async () => {
    const tg = await fake();
    const channel = createTelegramChannel({ token: tg.token, apiRoot: tg.apiRoot, mode: 'webhook' });
    await expect(channel.start(async () => {})).rejects.toThrow(
      /TELEGRAM_WEBHOOK_URL.*TELEGRAM_WEBHOOK_SECRET/,
    );
    const plain = createTelegramChannel({
      token: tg.token,
      apiRoot: tg.apiRoot,
      mode: 'webhook',
      webhook: { url: 'http://bot.example.org/telegram', secret, port: 0, host: '127.0.0.1' },
    });
    const err = await plain.start(async () => {}).catch((e: unknown) => e);
    expect(isCodedError(err, 'CHANNEL_START')).toBe(true);
    expect((err as Error).message).toMatch(/HTTPS URL.*TELEGRAM_WEBHOOK_URL/);
    expect(plain.webhookPort).toBeUndefined();
  });
});
