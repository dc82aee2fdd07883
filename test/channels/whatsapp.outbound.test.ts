import { describe, expect, it } from 'vitest';
import { groupAddress, privateAddress } from '../../src/core/channel.js';
import { scrubReason, sendFailure, toWhatsApp } from '../../src/channels/whatsapp/outbound.js';

const RLM = '\u200f';
const AMINA = '32470111222@c.us';
const GROUP = '120363000000000001@g.us';

describe('whatsapp outbound rendering', () => {
  it('sends to the person in a private chat and to the group id in a group', () => {
    expect(toWhatsApp(privateAddress('whatsapp', AMINA), { text: 'x' }).chatId).toBe(AMINA);
    expect(toWhatsApp(groupAddress('whatsapp', GROUP), { text: 'x' }).chatId).toBe(GROUP);
    expect(toWhatsApp(groupAddress('whatsapp', GROUP, 'thread-1'), { text: 'x' }).chatId).toBe(GROUP);
  });

  it('renders choices as a numbered list', () => {
    const m = {
      text: 'Klopt dit?',
      choices: [
        { value: 'y', label: 'Ja' },
        { value: 'n', label: 'Nee' },
      ],
    };
    expect(toWhatsApp(privateAddress('whatsapp', AMINA), m).content).toBe('Klopt dit?\n1. Ja\n2. Nee');
  });

  it('marks every line of right-to-left text', () => {
    const { content } = toWhatsApp(privateAddress('whatsapp', AMINA), {
      text: 'هل هذا صحيح؟',
      choices: [{ value: 'y', label: 'نعم' }],
      direction: 'rtl',
    });
    expect(content.split('\n')).toEqual([`${RLM}هل هذا صحيح؟`, `${RLM}1. نعم`]);
  });
});

describe('whatsapp send errors', () => {
  it('maps rate limiting to a retryable failure with its wait', () => {
    const err = Object.assign(new Error('rate-overlimit'), { retryAfterMs: 7000 });
    expect(sendFailure(err)).toMatchObject({ ok: false, permanent: false, retryAfterMs: 7000 });
    expect(sendFailure(Object.assign(new Error('slow down'), { retryAfter: 3 }))).toMatchObject({
      permanent: false,
      retryAfterMs: 3000,
    });
    for (const msg of ['rate overlimit', 'ratelimit: rate-overlimit', 'HTTP 429', 'Too many messages'])
      expect(sendFailure(new Error(msg)), msg).toMatchObject({ permanent: false, retryAfterMs: 60_000 });
  });

  it('makes unknown recipients permanent', () => {
    expect(sendFailure(new Error('invalid wid'))).toMatchObject({ ok: false, permanent: true });
    expect(sendFailure(new Error('Number not registered on WhatsApp'))).toMatchObject({ permanent: true });
  });

  it('keeps anything else retryable, even things that are not errors', () => {
    expect(sendFailure(new Error('Protocol error: Target closed'))).toMatchObject({
      ok: false,
      permanent: false,
    });
    expect(sendFailure('Evaluation failed: b')).toMatchObject({
      permanent: false,
      reason: 'Evaluation failed: b',
    });
    expect(sendFailure(undefined)).toMatchObject({ permanent: false, reason: 'send failed' });
    expect(sendFailure(new Error('x'))).not.toHaveProperty('retryAfterMs');
  });

  it('keeps phone numbers and chat ids out of the reason', () => {
    const reason = sendFailure(new Error('invalid wid 32470111222@c.us (+32 470 11 12 22)')).reason;
    expect(reason).not.toMatch(/\d{4}/);
    expect(reason).toContain('invalid wid');
    expect(scrubReason(new Error('first line\nsecond line'))).toBe('first line');
  });
});
