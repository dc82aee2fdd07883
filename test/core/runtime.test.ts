import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { addressKey, type Inbound } from '../../src/core/messages.js';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS, type DataSchema } from '../../src/domain/index.js';
import type { Store } from '../../src/core/store.js';
import { createMemoryStore, openFileStore } from '../../src/store/index.js';
import { createTestBot } from '../helpers/bot.js';

const text = (user: string, t: string, id: string): Inbound => ({
  kind: 'text',
  id,
  text: t,
  address: { channel: 'console', chat: user, user },
  receivedAt: '2026-11-23T09:00:00.000Z',
});

/** Amina linked, Dutch, waiting at the privacy question. */
const atConsent = async () => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  await amina.says(bot.code('amina'));
  await amina.says('1');
  return { bot, amina };
};

describe('runtime', () => {
  it('ignores a message it has already processed (same platform id)', async () => {
    const { bot, amina } = await atConsent();
    await amina.sends({ kind: 'text', text: '3', id: 'dup-1' } as never);
    const after = amina.all.length;
    await amina.sends({ kind: 'text', text: '3', id: 'dup-1' } as never);
    expect(amina.all.length).toBe(after);
    expect(amina.replies).toEqual([]);
    await amina.sends({ kind: 'text', text: '3', id: 'dup-2' } as never);
    expect(amina.all.length).toBeGreaterThan(after);
    void bot;
  });

  it('processes two simultaneous messages of one person in order', async () => {
    const bot = await createTestBot();
    await bot.user('amina').says(bot.code('amina'));
    // "1" picks Dutch and leads to the privacy question; "ja" answers it. Out of order, "ja"
    // would be a miss at the language question.
    await Promise.all([
      bot.channel.receive(text('amina', '1', 'a')),
      bot.channel.receive(text('amina', 'ja', 'b')),
    ]);
    await bot.app.idle();
    const person = await bot.store.read((tx) => tx.get('people', bot.demo.invited[0]!.person.id));
    expect(person).toMatchObject({ lang: 'nl', consent: { given: true } });
    expect(bot.user('amina').all.some((r) => r.startsWith('Sorry'))).toBe(false);
  });

  it('offers a conversation with the coach after three answers it does not understand, and tells the coach', async () => {
    const { bot, amina } = await atConsent();
    await amina.says('banaan');
    expect(amina.replies).toEqual([
      'Sorry, dat begrijp ik niet.',
      'Ga je akkoord? Stuur een cijfer.\n1. Ja, akkoord\n2. Nee\n3. Meer uitleg',
    ]);
    await amina.says('peer');
    await amina.says('appel');
    expect(amina.replies).toEqual([
      'Sorry, dat begrijp ik niet.',
      'Wil je met je coach praten? Je coach leest dan je berichten.\n1. Ja\n2. Nee',
    ]);
    await amina.says('1');
    // A human handover (test/transcripts/handover.test.ts): the question is not asked again on top.
    expect(amina.replies).toEqual([
      'Oké. Lotte leest nu je berichten. Schrijf je vraag. De bot zegt niets tot Lotte het gesprek sluit.',
    ]);
    expect(bot.user('lotte').lastReply).toMatch(/^💬 Amina loopt vast bij de bot en wil met je praten\./);
    const handovers = await bot.store.read((tx) => tx.list('handovers'));
    expect(handovers).toMatchObject([{ reason: 'stuck', status: 'open' }]);
  });

  it('stop and start switch broadcasts, from any state, and come back to the question', async () => {
    const { bot, amina } = await atConsent();
    const id = bot.demo.invited[0]!.person.id;
    await amina.says('STOP');
    expect(amina.replies[0]).toMatch(/^Oké\. Je krijgt geen activiteiten meer\./);
    expect(amina.lastReply).toMatch(/^Ga je akkoord\?/);
    expect((await bot.store.read((tx) => tx.get('people', id)))?.broadcasts).toBe(false);
    await amina.says('start');
    expect(amina.replies[0]).toBe('Oké. Je krijgt weer activiteiten.');
    expect((await bot.store.read((tx) => tx.get('people', id)))?.broadcasts).toBe(true);
  });

  it('the language command changes the language from anywhere', async () => {
    const { amina } = await atConsent();
    await amina.says('taal');
    expect(amina.lastReply).toMatch(/^Welke taal kies je\?/);
    await amina.says('2');
    expect(amina.replies[0]).toBe('OK. I now write in English.');
    expect(amina.lastReply).toMatch(/Do you agree\?/i);
  });

  it('a conversation saved in an unknown version restarts cleanly', async () => {
    const { bot, amina } = await atConsent();
    const key = addressKey({ channel: 'console', chat: 'amina', user: 'amina' });
    await bot.store.transact((tx) => {
      const c = tx.get('conversations', key)!;
      tx.put('conversations', key, { ...c, state: { v: 7, weird: true } as never });
    });
    await amina.says('hallo');
    expect(amina.lastReply).toMatch(/^Ga je akkoord\?/); // the menu asks for consent first
  });

  it('a failing turn saves nothing and apologises', async () => {
    const inner = createMemoryStore<DataSchema>({
      schemaVersion: DATA_VERSION,
      migrations: MIGRATIONS,
      collections: COLLECTIONS,
    });
    let failing = false;
    const store: Store<DataSchema> = {
      ...inner,
      transact: (fn) => (failing ? Promise.reject(new Error('disk full')) : inner.transact(fn)),
    };
    const bot = await createTestBot({ store });
    const amina = bot.user('amina');
    await amina.says(bot.code('amina'));
    const key = addressKey({ channel: 'console', chat: 'amina', user: 'amina' });
    const before = await inner.read((tx) => tx.get('conversations', key));
    failing = true;
    await amina.says('1');
    expect(amina.replies).toEqual(['Sorry, er ging iets mis. Probeer het straks opnieuw.']);
    expect(await inner.read((tx) => tx.get('conversations', key))).toEqual(before);
    failing = false;
    await amina.says('1'); // the same answer again now works
    expect(amina.lastReply).toMatch(/^Ga je akkoord\?/);
  });

  it('a timeout survives a restart and fires once, late', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-timer-'));
    const opts = { dir, schemaVersion: DATA_VERSION, migrations: MIGRATIONS, collections: COLLECTIONS };
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const store1 = await openFileStore<DataSchema>(opts);
    const bot1 = await createTestBot({ store: store1, clock });
    await bot1.user('amina').says(bot1.code('amina'));
    await bot1.user('amina').says('1');
    expect(await store1.read((tx) => tx.count('timers'))).toBe(1);
    await bot1.app.stop();
    await store1.close();

    clock.advance(5 * 86_400_000); // the bot was down for five days
    const store2 = await openFileStore<DataSchema>(opts);
    const bot2 = await createTestBot({ store: store2, clock, demo: bot1.demo });
    expect(await bot2.app.runtime.tick()).toBe(1);
    await bot2.app.idle();
    const amina = bot2.user('amina');
    expect(amina.all[0]).toBe('We hebben nog geen antwoord. Geen probleem! Je coach belt je binnenkort.');
    expect(amina.all[1]).toMatch(/^Ga je akkoord\?/);
    expect(await bot2.app.runtime.tick()).toBe(0);
    expect(await store2.read((tx) => tx.list('requests'))).toMatchObject([{ reason: 'stuck' }]);
    await store2.close();
  });

  it('keeps undelivered messages in the outbox and retries them', async () => {
    const bot = await createTestBot();
    bot.channel.failNext(1, { ok: false, permanent: false, reason: 'timeout', retryAfterMs: 1000 });
    await bot.user('amina').says(bot.code('amina'));
    expect(bot.user('amina').all).toEqual([]);
    const pending = await bot.store.read((tx) => tx.list('outbox', (o) => o.status === 'pending'));
    expect(pending).toHaveLength(1);
    bot.clock.advance(1500);
    await bot.app.tick();
    expect(bot.user('amina').all[0]).toMatch(/^Hallo Amina!/);
  });
});
