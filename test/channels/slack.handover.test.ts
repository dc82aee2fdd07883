/**
 * The human handover's round trip with the coach in Slack (fake Web API, signed requests into
 * Bolt) and the newcomer on the console: the newcomer's first message comes after the coach's
 * first post and lands in its thread; the coach's thread reply (a signed event with thread_ts)
 * reaches the newcomer; the close button (block_actions) closes the handover and marks the post.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type App } from '../../src/app.js';
import { createMemoryChannel, readable, textFrom } from '../../src/channels/memory/index.js';
import { ManualClock } from '../../src/core/clock.js';
import { seedDemo } from '../../src/domain/index.js';
import { createSlackHarness, type SlackHarness } from '../fakes/slack/harness.js';
import { dmMessage, eventEnvelope } from '../fakes/slack/payloads.js';
import { link, onlyChat } from '../helpers/identity.js';
import { content, startApp } from '../helpers/app.js';
import { memoryStore } from '../helpers/store.js';

describe('slack: the human handover', () => {
  let h: SlackHarness;
  let app: App;
  afterEach(async () => {
    await app.stop();
    await h.close();
  });

  it('posts the thread, passes the coach thread reply on, and closes with the button', async () => {
    h = await createSlackHarness();
    const store = memoryStore();
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const terminal = createMemoryChannel({ name: 'console' });
    const demo = await store.transact((tx) => {
      const d = seedDemo(tx, clock.now(), content.i18n.languages, 'console');
      // Lotte works in Slack: her only chat is her Slack DM. Amina is linked on the console.
      onlyChat(tx, d.coach.id, h.privateAddress('lotte'), clock.now());
      const amina = d.invited[0]!.person;
      link(tx, amina.id, { channel: 'console', chat: 'amina', user: 'amina' }, clock.now());
      tx.put('people', amina.id, {
        ...amina,
        consent: { given: true, at: clock.now().toISOString(), privacyVersion: 1 },
      });
      return d;
    });
    app = await startApp({ store, channels: [h.channel, terminal], clock });
    let n = 0;
    const aminaSays = async (text: string) => {
      await terminal.receive(textFrom('console', 'amina', text, `a${++n}`, clock.now()));
      await app.idle();
    };
    const toAmina = () => terminal.sent.filter((s) => s.to.user === 'amina').map((s) => readable(s.message));
    const dm = h.dmOf('lotte');

    await aminaSays('coach');
    expect(toAmina().at(-1)).toMatch(/^Oké\. Lotte leest nu je berichten\./);
    const [root] = h.sent(dm);
    expect(root).toMatchObject({
      text: '💬 Amina wil met je praten.\nAntwoord in deze draad. Amina krijgt je woorden. Klaar? Kies Sluiten.',
      buttons: ['Sluiten'],
    });
    expect(root!.thread).toBeUndefined();
    const ts = root!.platformId.split(':')[1]!;
    const [handover] = await store.read((tx) => tx.list('handovers'));
    expect(handover!.thread).toEqual({ channel: 'slack', chat: h.userId('lotte'), thread: root!.platformId });

    // Amina's messages are replies in that thread, as she wrote them; the bot says nothing to her.
    const before = toAmina().length;
    await aminaSays('Ik heb een brief van het OCMW.');
    await aminaSays('menu');
    expect(toAmina()).toHaveLength(before);
    expect(
      h
        .sent(dm)
        .slice(1)
        .map((m) => [m.text, m.thread]),
    ).toEqual([
      ['Amina: Ik heb een brief van het OCMW.', ts],
      ['Amina: menu', ts],
    ]);

    // Lotte answers in the thread: a signed message event with thread_ts.
    const reply = dmMessage(h.workspace, {
      user: h.userId('lotte'),
      channel: dm,
      text: 'Stuur een foto &amp; ik bel je morgen.',
      thread_ts: ts,
    });
    await h.post({ kind: 'event', json: eventEnvelope(h.workspace, reply) }, { handled: true });
    await h.settle();
    await app.idle();
    expect(toAmina().at(-1)).toBe('💬 Lotte: Stuur een foto & ik bel je morgen.');
    // Slack sends it again (a retry): passed on once.
    await h.post({ kind: 'event', json: eventEnvelope(h.workspace, reply) }, { handled: true, retryNum: 1 });
    await h.settle();
    await app.idle();
    expect(toAmina().filter((t) => t.startsWith('💬 Lotte'))).toHaveLength(1);

    // Lotte presses Sluiten on the first post: it is marked, the handover closed, Amina told.
    await h.userPicks('lotte', 0);
    await h.settle();
    await app.idle();
    const updates = h.api.calls.filter((c) => c.method === 'chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args).toMatchObject({ ts });
    const marked = h.sent(dm).find((m) => m.platformId === root!.platformId)!;
    expect(marked.buttons).toEqual([]);
    expect(marked.text).toMatch(/\n\n→ Sluiten$/);
    expect(h.sent(dm).at(-1)!.text).toBe('✅ Gesprek met Amina gesloten. De bot helpt Amina weer.');
    expect(toAmina().at(-1)).toBe(
      'Het gesprek met Lotte is klaar. De bot helpt je weer. Typ menu om te kiezen.',
    );
    expect((await store.read((tx) => tx.get('handovers', handover!.id)))?.status).toBe('closed');

    // A late reply in the closed thread is not passed on; Lotte is told so in the thread.
    const late = dmMessage(h.workspace, {
      user: h.userId('lotte'),
      channel: dm,
      text: 'Nog iets',
      thread_ts: ts,
    });
    await h.post({ kind: 'event', json: eventEnvelope(h.workspace, late) }, { handled: true });
    await h.settle();
    await app.idle();
    expect(h.sent(dm).at(-1)).toMatchObject({
      text: 'Dit gesprek is al gesloten. Je bericht is niet doorgestuurd.',
      thread: ts,
    });
    expect(toAmina().join('\n')).not.toContain('Nog iets');

    // The bot answers Amina again.
    await aminaSays('menu');
    expect(toAmina().at(-1)).toMatch(/\n1\. /);
    expect(demo.coach.name).toBe('Lotte');
  });
});
