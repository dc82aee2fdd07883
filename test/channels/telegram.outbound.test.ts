import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import {
  callbackData,
  keyboard,
  pressedText,
  sendFailure,
  splitText,
  toTelegram,
  toInbound,
} from '../../src/channels/telegram/index.js';
import { createUpdateFactory, person } from '../fakes/telegram/updates.js';

const RLM = '\u200f';
const choices = (n: number, label = (i: number) => `Optie ${i + 1}`) =>
  Array.from({ length: n }, (_, i) => ({ value: `v${i + 1}`, label: label(i) }));

describe('Telegram outbound: keyboards', () => {
  it('renders choices as an inline keyboard: callback data is the value, short labels two a row', () => {
    const [call] = toTelegram({ text: 'Klopt dit?', choices: choices(3) }, 24);
    expect(call).toEqual({
      method: 'sendMessage',
      text: 'Klopt dit?',
      reply_markup: {
        inline_keyboard: [
          [
            { text: 'Optie 1', callback_data: 'v1' },
            { text: 'Optie 2', callback_data: 'v2' },
          ],
          [{ text: 'Optie 3', callback_data: 'v3' }],
        ],
      },
    });
  });

  it('gives long labels a row each', () => {
    const rows = keyboard(choices(2, (i) => `Ik heb ${i + 1} uur gewerkt bij het buurthuis`)).inline_keyboard;
    expect(rows.map((r) => r.length)).toEqual([1, 1]);
  });

  it('falls back to numbered text when there are more choices than buttons', () => {
    const calls = toTelegram({ text: 'Kies', choices: choices(25) }, 24);
    expect(calls).toHaveLength(1);
    expect(calls[0]).not.toHaveProperty('reply_markup');
    expect(calls[0]).toMatchObject({ method: 'sendMessage' });
    const text = (calls[0] as { text: string }).text;
    expect(text.split('\n').slice(0, 3)).toEqual(['Kies', '1. Optie 1', '2. Optie 2']);
    expect(text.split('\n').at(-1)).toBe('25. Optie 25');
    expect(toTelegram({ text: 'Kies', choices: choices(24) }, 24)[0]).toHaveProperty('reply_markup');
  });

  it('uses `#n` for values over 64 bytes (or that look like `#n`), and `#n` comes back as the number n', () => {
    const long = 'x'.repeat(65);
    const arabic = 'ب'.repeat(33); // 66 bytes in UTF-8, 33 characters
    expect(callbackData('x'.repeat(64), 0)).toBe('x'.repeat(64));
    expect(callbackData(long, 0)).toBe('#1');
    expect(callbackData(arabic, 4)).toBe('#5');
    expect(callbackData('#7', 1)).toBe('#2');
    expect(callbackData('', 2)).toBe('#3');
    const markup = keyboard([
      { value: 'kort', label: 'Kort' },
      { value: long, label: 'Lang' },
    ]);
    expect(markup.inline_keyboard.flat().map((b) => 'callback_data' in b && b.callback_data)).toEqual([
      'kort',
      '#2',
    ]);
    const f = createUpdateFactory();
    const nour = person(111, 'Nour');
    const message = f.message({ id: 111, type: 'private', first_name: 'Nour' }, nour, { text: 'x' }).message!;
    const bot = { id: 1, username: 'b_bot' };
    expect(
      toInbound(f.press(nour, message, '#2'), { channel: 'telegram', bot, now: new Date() }),
    ).toMatchObject({
      kind: 'text',
      text: '2',
    });
  });
});

describe('Telegram outbound: text', () => {
  it('marks every line of right-to-left text and every button label', () => {
    const [call] = toTelegram(
      {
        text: 'هل هذا صحيح؟\n2 ساعات',
        choices: [
          { value: 'y', label: 'نعم' },
          { value: 'n', label: '2 لا' },
        ],
        direction: 'rtl',
      },
      24,
    );
    const c = call as { text: string; reply_markup: { inline_keyboard: { text: string }[][] } };
    for (const line of c.text.split('\n')) expect(line.startsWith(RLM)).toBe(true);
    expect(c.reply_markup.inline_keyboard.flat().map((b) => b.text)).toEqual([`${RLM}نعم`, `${RLM}2 لا`]);
    const numbered = toTelegram({ text: 'اختر', choices: choices(30), direction: 'rtl' }, 24)[0] as {
      text: string;
    };
    for (const line of numbered.text.split('\n')) expect(line.startsWith(RLM)).toBe(true);
  });

  it('leaves left-to-right text untouched and sends it without parse_mode', () => {
    const [call] = toTelegram({ text: '*niet vet* <b>ook niet</b> _x_' }, 24);
    expect(call).toEqual({ method: 'sendMessage', text: '*niet vet* <b>ook niet</b> _x_' });
  });

  it('splits text over 4096 characters into several messages, the buttons on the last', () => {
    const paragraph = 'Dit is een zin over het aanbod in de gemeente. '.repeat(20).trim();
    const text = Array.from({ length: 10 }, () => paragraph).join('\n');
    const calls = toTelegram({ text, choices: choices(2) }, 24) as { text: string; reply_markup?: unknown }[];
    expect(calls.length).toBeGreaterThan(1);
    for (const c of calls) expect(c.text.length).toBeLessThanOrEqual(4096);
    expect(calls.slice(0, -1).every((c) => c.reply_markup === undefined)).toBe(true);
    expect(calls.at(-1)!.reply_markup).toBeDefined();
    expect(calls.map((c) => c.text).join('\n')).toBe(text);
  });

  it('splits text without breaks hard, never through a surrogate pair', () => {
    expect(splitText('a'.repeat(9000))).toEqual(['a'.repeat(4096), 'a'.repeat(4096), 'a'.repeat(808)]);
    const emoji = '😀'.repeat(3000); // 6000 UTF-16 units
    const parts = splitText(emoji);
    expect(parts.join('')).toBe(emoji);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p).toBe(Array.from(p).join('')); // no lone surrogate at either end
      expect(p.charCodeAt(p.length - 1)).not.toBeLessThan(0xdc00);
    }
    expect(splitText('kort')).toEqual(['kort']);
  });

  it('sends media with its caption, long text after a caption-less media message', () => {
    expect(
      toTelegram({ text: 'Je bewijs', media: { kind: 'image', ref: 'https://x.test/a.png' } }, 24),
    ).toEqual([{ method: 'sendPhoto', media: 'https://x.test/a.png', caption: 'Je bewijs' }]);
    const doc = toTelegram(
      { text: 'Attest', media: { kind: 'document', ref: 'FILEID' }, choices: choices(1) },
      24,
    );
    expect(doc).toEqual([
      {
        method: 'sendDocument',
        media: 'FILEID',
        caption: 'Attest',
        reply_markup: { inline_keyboard: [[{ text: 'Optie 1', callback_data: 'v1' }]] },
      },
    ]);
    const long = toTelegram({ text: 'x'.repeat(1500), media: { kind: 'image', ref: 'P' } }, 24);
    expect(long.map((c) => c.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(long[0]).not.toHaveProperty('caption');
    expect(toTelegram({ text: '', media: { kind: 'location', ref: '51.05,3.72' } }, 24)).toEqual([
      { method: 'sendLocation', latitude: 51.05, longitude: 3.72 },
    ]);
  });

  it('shows the pressed label under the text, marked when the text is right-to-left', () => {
    expect(pressedText('Klopt dit?', 'Ja, klopt')).toBe('Klopt dit?\n\n→ Ja, klopt');
    expect(pressedText(`${RLM}صحيح؟`, 'نعم')).toBe(`${RLM}صحيح؟\n\n${RLM}→ نعم`);
    expect(pressedText('x'.repeat(4096), 'Ja').length).toBe(4096);
  });
});

describe('Telegram outbound: failures', () => {
  const grammy = (error_code: number, description: string, retry_after?: number) =>
    new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code, description, ...(retry_after ? { parameters: { retry_after } } : {}) },
      'sendMessage',
      {},
    );

  it('maps 429 to a retry after retry_after seconds', () => {
    expect(sendFailure(grammy(429, 'Too Many Requests: retry after 7', 7))).toEqual({
      ok: false,
      permanent: false,
      retryAfterMs: 7000,
      reason: '429: Too Many Requests: retry after 7',
    });
  });

  it('maps chat not found, blocked by the user and a bad token to permanent failures', () => {
    expect(sendFailure(grammy(400, 'Bad Request: chat not found'))).toMatchObject({ permanent: true });
    expect(sendFailure(grammy(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({
      permanent: true,
    });
    expect(sendFailure(grammy(401, 'Unauthorized'))).toMatchObject({ permanent: true });
  });

  it('maps server and network errors to retryable failures', () => {
    expect(sendFailure(grammy(502, 'Bad Gateway'))).toMatchObject({ ok: false, permanent: false });
    const network = new HttpError("Network request for 'sendMessage' failed!", new Error('ECONNRESET'));
    expect(sendFailure(network)).toEqual({
      ok: false,
      permanent: false,
      reason: "Network request for 'sendMessage' failed!",
    });
  });
});
