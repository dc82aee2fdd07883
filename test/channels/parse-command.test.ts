import { describe, expect, it } from 'vitest';
import { toInbound as fromConsole } from '../../src/channels/console/index.js';
import { toInbound as fromWeb } from '../../src/channels/web/index.js';
import { toInbound as fromWhatsApp } from '../../src/channels/whatsapp/index.js';
import { BOT_ID, waMessage } from '../fakes/whatsapp/fake-client.js';

const at = new Date('2026-11-23T09:00:00Z');
const AMINA = '32470111222@c.us';

/** What each channel that reads commands from typed text makes of `text`. */
const each = (text: string) => [
  fromConsole('amina', text, 'c1', at),
  fromWeb('web', 'amina', { text }, 'w1', at),
  fromWhatsApp(waMessage({ from: AMINA, body: text }), { channel: 'whatsapp', self: BOT_ID }),
];

describe('typed commands (console, web simulator, WhatsApp)', () => {
  it('read a command the same way on every channel', () => {
    for (const m of each('/Start K7QP-2MXA'))
      expect(m).toMatchObject({ kind: 'command', command: 'start', args: 'K7QP-2MXA' });
    for (const m of each('/person-add Amina\nGent'))
      expect(m).toMatchObject({ kind: 'command', command: 'person-add', args: 'Amina\nGent' });
    for (const m of each('/ ja')) expect(m).toMatchObject({ kind: 'text' });
    for (const m of each('2/3')) expect(m).toMatchObject({ kind: 'text' });
  });

  it('give the person the same private address they have everywhere', () => {
    const [onConsole, onWeb] = each('hallo');
    expect(onConsole?.address).toEqual({ channel: 'console', chat: 'amina', user: 'amina' });
    expect(onWeb?.address).toEqual({ channel: 'web', chat: 'amina', user: 'amina' });
  });
});
