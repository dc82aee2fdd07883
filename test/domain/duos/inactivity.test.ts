import { describe, expect, it } from 'vitest';
import { buddyMeeting as buddyEntry } from '../../helpers/ledger.js';
import { stepFor } from '../../../src/domain/duos/inactivity.js';
import { createTestBot, type TestBot } from '../../helpers/bot.js';

// The demo duo Amina and Sara was matched on Monday 23 November 2026 (the test bot's clock).
// The scan runs at 09:00 Brussels (08:00Z in winter); day N is N days after the match.
const dayN = (n: number) => new Date(Date.parse('2026-11-23T08:00:00Z') + n * 86_400_000);
const S = { timeZone: 'Europe/Brussels', nudgeDays: 14, alertDays: 28 };

/** Runs the scheduler on a day: the scan plans the nudge/alert jobs, the next tick sends them. */
const on = async (bot: TestBot, n: number, minutes = 0) => {
  bot.clock.set(new Date(dayN(n).getTime() + minutes * 60_000));
  for (let i = 0; i < 3; i++) {
    await bot.app.tick();
    await bot.app.idle();
  }
};

const ready = async () => {
  const bot = await createTestBot();
  await bot.app.tick(); // plans the first daily scan, as the running bot does within seconds
  const texts = (name: string) =>
    bot.channel.sent.filter((s) => s.to.user === name).map((s) => JSON.stringify(s.message));
  return { bot, sara: () => texts('sara'), lotte: () => texts('lotte') };
};

describe('the quiet-duo steps', () => {
  it('nudges from day 14, alerts from day 28, each only within a catch-up window', () => {
    expect([13, 14, 27, 28, 41, 42].map((d) => stepFor(d, S))).toEqual([
      null,
      'nudge',
      'nudge',
      'alert',
      'alert',
      null,
    ]);
    // Far apart: the nudge's window ends before the scheduler forgets its mark (30 days).
    expect(stepFor(14 + 14, { ...S, alertDays: 60 })).toBeNull();
  });
});

describe('the daily inactivity scan', () => {
  it('nudges the buddy once at day 14 (not 13) and alerts the coach once at day 28', async () => {
    const { bot, sara, lotte } = await ready();
    await on(bot, 13);
    expect(sara()).toEqual([]);
    await on(bot, 14);
    expect(sara()).toHaveLength(1);
    expect(sara()[0]).toContain(
      'Hebben jij en Amina elkaar nog gezien? Geef je uren door als jullie iets samen deden.',
    );
    await on(bot, 14, 30);
    await on(bot, 15);
    await on(bot, 27);
    expect(sara()).toHaveLength(1);
    expect(lotte()).toEqual([]);
    await on(bot, 28);
    expect(lotte()).toHaveLength(1);
    expect(lotte()[0]).toContain(
      '⚠️ Duo Amina en Sara: geen ontmoeting doorgegeven sinds ma 23/11 (28 dagen).',
    );
    await on(bot, 28, 60);
    await on(bot, 29);
    await on(bot, 45);
    expect(lotte()).toHaveLength(1);
    expect(sara()).toHaveLength(1);
  });

  it('starts a new quiet period after a meeting', async () => {
    const { bot, sara, lotte } = await ready();
    await on(bot, 14);
    expect(sara()).toHaveLength(1);
    const amina = await bot.store.read((tx) => tx.get('duos', 'duo_demo1')!.newcomerId);
    await bot.store.transact((tx) => {
      const e = buddyEntry('2026-12-13', amina, bot.demo.buddy.id);
      tx.put('ledger', e.id, e);
    });
    await on(bot, 28); // 8 days after the meeting: no alert
    expect(lotte()).toEqual([]);
    await on(bot, 33); // 2026-12-26: 13 days
    expect(sara()).toHaveLength(1);
    await on(bot, 34); // 14 days after the meeting: a new nudge
    expect(sara()).toHaveLength(2);
    await on(bot, 48); // 28 days after the meeting
    expect(lotte()).toHaveLength(1);
  });

  it('never nudges a paused duo', async () => {
    const { bot, sara, lotte } = await ready();
    await bot.user('lotte').sends({ kind: 'command', command: 'netwerkbot', args: 'duo pause Amina' });
    const before = lotte().length;
    for (const n of [14, 20, 28, 35]) await on(bot, n);
    expect(sara()).toEqual([]);
    expect(lotte()).toHaveLength(before);
  });

  it('gives a duo back from a pause a fresh quiet period', async () => {
    const { bot, sara } = await ready();
    await bot.user('lotte').sends({ kind: 'command', command: 'netwerkbot', args: 'duo pause Amina' });
    await on(bot, 30);
    await bot.user('lotte').sends({ kind: 'command', command: 'netwerkbot', args: 'duo resume Amina' });
    for (const n of [31, 40, 43]) await on(bot, n);
    expect(sara().filter((t) => t.includes('elkaar nog gezien'))).toEqual([]);
    await on(bot, 44);
    expect(sara().filter((t) => t.includes('elkaar nog gezien'))).toHaveLength(1);
  });
});
