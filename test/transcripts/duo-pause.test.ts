import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/bot.js';

const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });
const PAUSE = '8'; // "Pauze of verder met je buddy" in the newcomer menu

/** Amina onboarded (she and Sara are the demo duo); Lotte is their coach. */
const ready = async () => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  await bot.onboard(amina);
  const duo = () => bot.store.read((tx) => tx.get('duos', 'duo_demo1'));
  return { bot, amina, duo, lotte: bot.user('lotte'), sara: bot.user('sara') };
};

describe('pauze and verder from the newcomer menu', () => {
  it('pauses the duo after a yes, tells the coach, and resumes it the same way', async () => {
    const { bot, amina, lotte, sara, duo } = await ready();
    await amina.says('menu');
    expect(amina.lastReply).toContain(`${PAUSE}. Pauze of verder met je buddy`);
    await amina.says(PAUSE);
    expect(amina.replies).toEqual([
      'Wil je je duo met Sara pauzeren? Je kunt later weer verder.\n1. Ja\n2. Nee',
    ]);
    await amina.says('1');
    expect(amina.replies).toEqual(['⏸️ Je duo met Sara staat op pauze. Je coach weet het.']);
    expect(lotte.replies).toEqual(['⏸️ Amina zette het duo met Sara op pauze.']);
    expect(sara.replies).toEqual([]);
    expect(await duo()).toMatchObject({ status: 'paused', pausedAt: '2026-11-23T09:00:00.000Z' });

    bot.clock.set(new Date('2026-12-03T09:00:00Z'));
    await amina.says('menu');
    await amina.says(PAUSE);
    expect(amina.replies).toEqual(['Je duo met Sara staat op pauze. Wil je weer verder?\n1. Ja\n2. Nee']);
    await amina.says('ja');
    expect(amina.replies).toEqual(['▶️ Je duo met Sara loopt weer. Je coach weet het.']);
    expect(lotte.lastReply).toBe('▶️ Amina gaat weer verder in het duo met Sara.');
    expect(await duo()).toMatchObject({ status: 'active', pausedAt: null, pausedDays: 10 });
  });

  it('keeps the duo as it is after a no, and tells nobody', async () => {
    const { amina, lotte, duo } = await ready();
    await amina.says('menu');
    await amina.says(PAUSE);
    await amina.says('2');
    expect(amina.replies).toEqual(['Oké. Je duo loopt gewoon verder.']);
    expect(lotte.replies).toEqual([]);
    expect(await duo()).toMatchObject({ status: 'active' });
  });

  it('says so when the coach paused the duo in the meantime', async () => {
    const { amina, lotte, duo } = await ready();
    await amina.says('menu');
    await amina.says(PAUSE);
    await lotte.sends(staff('duo pause Amina'));
    expect(lotte.lastReply).toBe('⏸️ Duo Amina en Sara staat op pauze.');
    await amina.says('1');
    expect(amina.replies).toEqual(['Je duo staat al op pauze.']);
    expect(lotte.replies).toEqual(['⏸️ Duo Amina en Sara staat op pauze.']); // her own reply only
    expect(await duo()).toMatchObject({ status: 'paused' });
  });

  it('gives a newcomer without a buddy a friendly line, and "pauze" typed alone is no keyword', async () => {
    const { bot } = await ready();
    const yusuf = bot.user('yusuf');
    await bot.onboard(yusuf);
    await yusuf.says('menu');
    await yusuf.says(PAUSE);
    expect(yusuf.replies).toEqual(['Je hebt nog geen buddy. Een vraag? Kies dan contact met je coach.']);
    const amina = bot.user('amina');
    await amina.says('pauze');
    expect(amina.lastReply).not.toContain('pauzeren');
    expect(await bot.store.read((tx) => tx.get('duos', 'duo_demo1')?.status)).toBe('active');
  });
});
