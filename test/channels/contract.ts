import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, loadContent, type App } from '../../src/app.js';
import { createSeededIds, ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import type { Inbound } from '../../src/core/messages.js';
import { seedDemo, type DemoResult } from '../../src/domain/index.js';
import type { ChannelHarness, HarnessFactory } from '../fakes/harness.js';
import { memoryStore } from '../helpers/store.js';

const content = loadContent();
const RLM = '\u200f';

/**
 * The contract every channel keeps, run through the real engine (flows, locales, memory store,
 * demo data) over a platform fake. Call it inside `describe.each` over the channels.
 */
export const channelContract = (make: HarnessFactory): void => {
  let h: ChannelHarness;
  let app: App;
  let demo: DemoResult;
  let received: Inbound[];

  beforeEach(async () => {
    h = await make();
    received = [];
    const store = memoryStore();
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    demo = await store.transact((tx) => seedDemo(tx, clock.now(), content.i18n.languages, 'console'));
    const recording = {
      ...h.channel,
      start: (handler: (m: Inbound) => Promise<void>) =>
        h.channel.start(async (m) => {
          received.push(m);
          await handler(m);
        }),
    };
    app = createApp({
      store,
      channels: [recording],
      clock,
      ids: createSeededIds(3),
      log: silentLog,
      content,
    });
    expect(await app.start()).toEqual([h.channel.name]);
  });

  afterEach(async () => {
    await app.stop();
    await h.close();
  });

  const done = async () => {
    await h.settle();
    await app.idle();
  };
  const code = (name: string) => demo.invited.find((i) => i.person.name === name)!.code;
  const chatOf = (name: string) => h.privateAddress(name).chat;

  it('a text in gets a reply out to the same chat', async () => {
    await h.userSays('nour', 'hallo');
    await done();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: 'text', text: 'hallo', address: h.privateAddress('nour') });
    expect(received[0]!.id).toBeTruthy();
    const replies = h.sent(chatOf('nour'));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('Netwerkbot');
  });

  it('a choice round-trips: buttons or numbers out, the chosen value back in', async () => {
    await h.userSays('amina', code('Amina'));
    await done();
    const ask = h.sent(chatOf('amina')).at(-1)!;
    const languages = ['Nederlands', 'English', 'Français', 'العربية'];
    if (h.channel.capabilities.buttons) {
      for (const l of languages) expect(ask.buttons).toContain(l);
    } else {
      expect(ask.buttons).toEqual([]);
      expect(ask.text).toMatch(/1\. Nederlands\n2\. English\n3\. Français/);
    }
    await h.userPicks('amina', 1);
    await done();
    const pick = received.at(-1)!;
    if (h.channel.capabilities.buttons) expect(pick).toMatchObject({ kind: 'choice', choice: 'en' });
    else expect(pick).toMatchObject({ kind: 'text', text: '2' });
    expect(pick.address).toEqual(h.privateAddress('amina'));
    // The next question comes in English: the choice reached the flow.
    expect(h.sent(chatOf('amina')).at(-1)!.text).toMatch(/[A-Za-z]/);
    expect(h.sent(chatOf('amina')).at(-1)!.text).not.toBe(ask.text);
  });

  it('posts to a group, ignores members chatting there and answers a mention privately', async () => {
    const res = await h.channel.send(h.groupAddress('wijk'), { text: 'Deze week: taalcafé in de bib.' });
    expect(res.ok).toBe(true);
    await done();
    expect(h.sent(h.groupId('wijk')).map((m) => m.text)).toEqual(['Deze week: taalcafé in de bib.']);

    await h.memberSays('wijk', 'nour', 'Wie gaat er mee?', { mention: false });
    await done();
    expect(received.length).toBeGreaterThan(0);
    for (const m of received)
      expect(m).toMatchObject({
        unaddressed: true,
        inGroup: true,
        text: '',
        address: h.privateAddress('nour'),
        group: h.groupId('wijk'),
      });
    expect(h.sent(h.groupId('wijk'))).toHaveLength(1);
    received.length = 0;

    await h.memberSays('wijk', 'nour', 'hulp', { mention: true });
    await done();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ inGroup: true, address: h.privateAddress('nour') });
    expect(h.sent(chatOf('nour')).length).toBeGreaterThan(0);
    expect(h.sent(h.groupId('wijk'))).toHaveLength(1);
  });

  it('drops a duplicate delivery of the same platform message', async () => {
    await h.userSays('amina', code('Amina'));
    await done();
    const before = h.sent(chatOf('amina')).length;
    expect(before).toBeGreaterThan(0);
    await h.redeliverLast();
    await done();
    expect(h.sent(chatOf('amina'))).toHaveLength(before);
    const ids = received.map((m) => m.id);
    expect(new Set(ids).size).toBe(1);
  });

  it('surfaces a platform 429 as a retryable failure carrying its retry-after', async () => {
    h.rateLimitNext(7);
    const res = await h.channel.send(h.privateAddress('nour'), { text: 'Eén' });
    expect(res).toMatchObject({ ok: false, permanent: false, retryAfterMs: 7000 });
    const again = await h.channel.send(h.privateAddress('nour'), { text: 'Twee' });
    expect(again.ok).toBe(true);
    await done();
    expect(h.sent(chatOf('nour')).map((m) => m.text)).toEqual(['Twee']);
  });

  it('renders choices by capability and right-to-left text with marks', async () => {
    const choices = [
      { value: 'a', label: 'Ja' },
      { value: 'b', label: 'Nee' },
    ];
    await h.channel.send(h.privateAddress('nour'), { text: 'Klopt dit?', choices });
    await h.channel.send(h.privateAddress('nour'), { text: 'مرحبا\n2 ساعات', direction: 'rtl' });
    await done();
    const [ask, rtl] = h.sent(chatOf('nour'));
    if (h.channel.capabilities.buttons) expect(ask!.buttons).toEqual(['Ja', 'Nee']);
    else expect(ask!.text).toBe('Klopt dit?\n1. Ja\n2. Nee');
    const lines = rtl!.text.split('\n');
    if (!h.channel.capabilities.bidi) for (const l of lines) expect(l.startsWith(RLM)).toBe(true);
    expect(rtl!.text.replaceAll(RLM, '')).toBe('مرحبا\n2 ساعات');
  });
};
