/**
 * Telegram edits in place (`Outbound.replace`): the real grammY client against the fake Bot API,
 * and the pure mapping of an outbound to an edit and of Telegram's answers to an outcome.
 */
import { GrammyError, HttpError } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTelegramChannel,
  editFailure,
  replacedMessageId,
  toTelegramEdit,
} from '../../src/channels/telegram/index.js';
import { privateAddress } from '../../src/core/channel.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram/server.js';
import { person } from '../fakes/telegram/updates.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const nour = person(111222333, 'Nour');
const to = privateAddress('telegram', String(nour.id));
const choices = [
  { value: 'yes', label: 'Ik kom' },
  { value: 'no', label: 'Niet' },
];

/** The fake and a channel that only sends (no polling needed for sends and edits). */
const setup = async (): Promise<{ tg: FakeTelegram; channel: ReturnType<typeof createTelegramChannel> }> => {
  const tg = await createFakeTelegram();
  cleanup.push(() => tg.close());
  return { tg, channel: createTelegramChannel({ token: tg.token, apiRoot: tg.apiRoot }) };
};

const idOf = (r: { ok: boolean; platformId?: string }): string => {
  if (!r.ok || !r.platformId) throw new Error(`send failed: ${JSON.stringify(r)}`);
  return r.platformId;
};

describe('Telegram channel: edit in place', () => {
  it('says it can edit', async () => {
    const { channel } = await setup();
    expect(channel.capabilities.edit).toBe(true);
  });

  it('edits text and keyboard of the replaced message and keeps its id', async () => {
    const { tg, channel } = await setup();
    const id = idOf(await channel.send(to, { text: 'Taalcafé vrijdag. 2 komen.', choices }));
    const res = await channel.send(to, { text: 'Taalcafé vrijdag. 3 komen.', choices, replace: id });
    expect(res).toEqual({ ok: true, platformId: id });
    expect(tg.callsTo('editMessageText')).toEqual([
      {
        chat_id: String(nour.id),
        message_id: Number(id),
        text: 'Taalcafé vrijdag. 3 komen.',
        reply_markup: {
          inline_keyboard: [
            [
              { text: 'Ik kom', callback_data: 'yes' },
              { text: 'Niet', callback_data: 'no' },
            ],
          ],
        },
      },
    ]);
    expect(tg.callsTo('sendMessage')).toHaveLength(1);
    expect(tg.sent(nour.id).map((m) => m.text)).toEqual(['Taalcafé vrijdag. 3 komen.']);
    expect(tg.sent(nour.id)[0]!.reply_markup?.inline_keyboard.flat()).toHaveLength(2);
  });

  it('removes the keyboard when the new message has no choices', async () => {
    const { tg, channel } = await setup();
    const id = idOf(await channel.send(to, { text: 'Kom je?', choices }));
    expect(await channel.send(to, { text: 'Volzet.', replace: id })).toEqual({ ok: true, platformId: id });
    expect(tg.sent(nour.id)).toHaveLength(1);
    expect(tg.sent(nour.id)[0]).toMatchObject({ text: 'Volzet.' });
    expect(tg.sent(nour.id)[0]!.reply_markup).toBeUndefined();
  });

  it('counts "message is not modified" as success', async () => {
    const { tg, channel } = await setup();
    const id = idOf(await channel.send(to, { text: '3 komen.', choices }));
    expect(await channel.send(to, { text: '3 komen.', choices, replace: id })).toEqual({
      ok: true,
      platformId: id,
    });
    expect(tg.callsTo('editMessageText')).toHaveLength(1);
    expect(tg.callsTo('sendMessage')).toHaveLength(1);
  });

  it('posts anew, returning the new id, when the message is gone', async () => {
    const { tg, channel } = await setup();
    const id = idOf(await channel.send(to, { text: '2 komen.' }));
    tg.remove(nour.id, Number(id));
    const res = await channel.send(to, { text: '3 komen.', choices, replace: id });
    const [fresh] = tg.sent(nour.id);
    expect(fresh).toMatchObject({ text: '3 komen.' });
    expect(res).toEqual({ ok: true, platformId: String(fresh!.message_id) });
    expect(idOf(res)).not.toBe(id);
  });

  it('posts anew when Telegram says the message cannot be edited (a user’s message, or refused)', async () => {
    const { tg, channel } = await setup();
    const said = tg.userSays(nour, 'hallo').message!.message_id;
    const res = await channel.send(to, { text: 'Nieuw', replace: String(said) });
    expect(res).toEqual({ ok: true, platformId: String(tg.sent(nour.id)[0]!.message_id) });

    const id = idOf(await channel.send(to, { text: 'Oud' }));
    tg.failNext({ error_code: 400, description: "Bad Request: message can't be edited" }, 'editMessageText');
    const again = await channel.send(to, { text: 'Nieuwer', replace: id });
    expect(idOf(again)).not.toBe(id);
    expect(tg.sent(nour.id).map((m) => m.text)).toEqual(['Nieuw', 'Oud', 'Nieuwer']);
  });

  it('maps a 429 on the edit as for sends, and posts nothing', async () => {
    const { tg, channel } = await setup();
    const id = idOf(await channel.send(to, { text: 'Oud' }));
    tg.rateLimitNext(4, 'editMessageText');
    expect(await channel.send(to, { text: 'Nieuw', replace: id })).toEqual({
      ok: false,
      permanent: false,
      retryAfterMs: 4000,
      reason: '429: Too Many Requests: retry after 4',
    });
    tg.failNext(
      { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      'editMessageText',
    );
    expect(await channel.send(to, { text: 'Nieuw', replace: id })).toMatchObject({
      ok: false,
      permanent: true,
    });
    expect(tg.callsTo('sendMessage')).toHaveLength(1);
    expect(tg.sent(nour.id).map((m) => m.text)).toEqual(['Oud']);
  });

  it('replaces a photo and its caption with editMessageMedia; a text message cannot become a photo', async () => {
    const { tg, channel } = await setup();
    const image = { kind: 'image' as const, ref: 'https://example.org/wandeling.png' };
    const id = idOf(await channel.send(to, { text: 'Wandeling: 2 komen', media: image, choices }));
    expect(
      await channel.send(to, { text: 'Wandeling: 5 komen', media: image, choices, replace: id }),
    ).toEqual({
      ok: true,
      platformId: id,
    });
    expect(tg.callsTo('editMessageMedia')[0]).toMatchObject({
      message_id: Number(id),
      media: { type: 'photo', media: image.ref, caption: 'Wandeling: 5 komen' },
    });
    expect(tg.sent(nour.id).map((m) => m.caption)).toEqual(['Wandeling: 5 komen']);

    const text = idOf(await channel.send(to, { text: 'Alleen tekst' }));
    const res = await channel.send(to, { text: 'Nu met foto', media: image, replace: text });
    expect(idOf(res)).not.toBe(text);
    expect(tg.sent(nour.id).map((m) => m.caption ?? m.text)).toEqual([
      'Wandeling: 5 komen',
      'Alleen tekst',
      'Nu met foto',
    ]);
  });

  it('posts anew when one message cannot hold the new one, or replace is no message id', async () => {
    const { tg, channel } = await setup();
    const id = idOf(await channel.send(to, { text: 'Kort' }));
    const long = await channel.send(to, { text: `${'a'.repeat(4000)}\n${'b'.repeat(200)}`, replace: id });
    expect(tg.callsTo('editMessageText')).toEqual([]);
    expect(tg.sent(nour.id)).toHaveLength(3);
    expect(long).toEqual({ ok: true, platformId: String(tg.sent(nour.id)[2]!.message_id) });
    const odd = await channel.send(to, { text: 'x', replace: 'not-an-id' });
    expect(odd).toEqual({ ok: true, platformId: String(tg.sent(nour.id)[3]!.message_id) });
  });

  it('accepts the chat:message_id form too', async () => {
    const { tg, channel } = await setup();
    const id = idOf(await channel.send(to, { text: 'Oud' }));
    const res = await channel.send(to, { text: 'Nieuw', replace: `${nour.id}:${id}` });
    expect(res).toEqual({ ok: true, platformId: `${nour.id}:${id}` });
    expect(tg.sent(nour.id).map((m) => m.text)).toEqual(['Nieuw']);
  });
});

describe('Telegram edits: mapping', () => {
  const grammy = (error_code: number, description: string) =>
    new GrammyError(
      "Call to 'editMessageText' failed!",
      { ok: false, error_code, description },
      'editMessageText',
      {},
    );

  it('reads message ids', () => {
    expect(replacedMessageId('42')).toBe(42);
    expect(replacedMessageId('-100123:7')).toBe(7);
    for (const bad of ['', 'x', '0', '-3', '1.5', 'C1:1763888400.000100'])
      expect(replacedMessageId(bad)).toBeUndefined();
  });

  it('an outbound -> editMessageText with the keyboard a send would get, or null', () => {
    expect(toTelegramEdit({ text: 'Kies', choices: choices.slice(0, 1) }, '9', 24)).toEqual({
      method: 'editMessageText',
      message_id: 9,
      text: 'Kies',
      reply_markup: { inline_keyboard: [[{ text: 'Ik kom', callback_data: 'yes' }]] },
    });
    expect(toTelegramEdit({ text: 'x'.repeat(5000) }, '9', 24)).toBeNull();
    expect(toTelegramEdit({ text: '', media: { kind: 'location', ref: '51,3' } }, '9', 24)).toBeNull();
    expect(toTelegramEdit({ text: 'x', media: { kind: 'document', ref: 'F' } }, '9', 24)).toEqual({
      method: 'editMessageMedia',
      message_id: 9,
      media: { type: 'document', media: 'F', caption: 'x' },
    });
  });

  it('Telegram answers -> unchanged, gone or failed', () => {
    expect(editFailure(grammy(400, 'Bad Request: message is not modified: specified new...'))).toBe(
      'unchanged',
    );
    for (const d of [
      'Bad Request: message to edit not found',
      "Bad Request: message can't be edited",
      'Bad Request: MESSAGE_ID_INVALID',
      'Bad Request: there is no text in the message to edit',
    ])
      expect(editFailure(grammy(400, d))).toBe('gone');
    expect(editFailure(grammy(400, 'Bad Request: chat not found'))).toBe('failed');
    expect(editFailure(grammy(429, 'Too Many Requests: retry after 3'))).toBe('failed');
    expect(editFailure(new HttpError('network', new Error('ECONNRESET')))).toBe('failed');
  });
});
