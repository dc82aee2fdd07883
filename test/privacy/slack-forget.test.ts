/**
 * "Vergeet mij" reaches the coach in Slack as a DM with two Block Kit buttons whose values are
 * staff commands; pressing Bevestigen (a signed interaction into Bolt) erases the person.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type App } from '../../src/app.js';
import { createMemoryChannel, textFrom } from '../../src/channels/memory/index.js';
import { ManualClock } from '../../src/core/clock.js';
import { seedDemo } from '../../src/domain/index.js';
import { createSlackHarness, type SlackHarness } from '../fakes/slack/harness.js';
import { onlyChat } from '../helpers/identity.js';
import { content, startApp } from '../helpers/app.js';
import { memoryStore } from '../helpers/store.js';

describe('slack: vergeet mij', () => {
  let h: SlackHarness;
  let app: App;
  afterEach(async () => {
    await app.stop();
    await h.close();
  });

  it('the coach confirms with the Bevestigen button and the person is erased', async () => {
    h = await createSlackHarness();
    const store = memoryStore();
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const demo = await store.transact((tx) => seedDemo(tx, clock.now(), content.i18n.languages, 'console'));
    await store.transact((tx) => {
      // Lotte works in Slack: her only chat is her Slack DM.
      onlyChat(tx, demo.coach.id, h.privateAddress('lotte'), clock.now());
    });
    const phone = createMemoryChannel({ name: 'console' });
    app = await startApp({ store, channels: [phone, h.channel], clock });
    let n = 0;
    const amina = async (text: string) => {
      await phone.receive(textFrom('console', 'amina', text, `m${++n}`, clock.now()));
      await app.idle();
    };
    const invite = demo.invited.find((i) => i.person.name === 'Amina')!;
    for (const text of [invite.code, '1', '1', 'menu']) await amina(text);
    const menu = phone.sent.at(-1)!.message.choices ?? [];
    const mine = String(menu.findIndex((c) => c.label === 'Mijn gegevens') + 1);
    for (const text of [mine, '3', '1']) await amina(text);
    await h.settle();
    await app.idle();

    const chat = h.privateAddress('lotte').chat;
    const ask = h.sent(chat).at(-1)!;
    expect(ask.text).toBe(
      '🔒 Amina vraagt: vergeet mij. Bevestigen wist alle gegevens. De uren blijven als bewijs, zonder naam.',
    );
    expect(ask.buttons).toEqual(['Bevestigen', 'Weigeren']);

    await h.userPicks('lotte', 0);
    await h.settle();
    await app.idle();
    expect(h.sent(chat).at(-1)!.text).toBe(
      '✅ De gegevens zijn gewist. 0 uren-regels blijven als bewijs, zonder naam.',
    );
    const after = await store.read((tx) => ({
      person: tx.get('people', invite.person.id)!,
      audit: tx.list('audit', (a) => a.action === 'erase'),
    }));
    expect(after.person.name).toBe('verwijderd');
    expect(after.audit).toMatchObject([
      { actorId: demo.coach.id, via: 'slack', subjectId: invite.person.id },
    ]);
  });
});
