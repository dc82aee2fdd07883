import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import { addActivity, addGroup } from '../../src/domain/activities/index.js';
import { validInput } from '../domain/activities/world.js';
import { createTestBot, type TestBot } from '../helpers/bot.js';

// The test bot's clock: Monday 23 November 2026, 10:00 in Brussels.
const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });

/** A bot with one free activity and a gemeente-groep in Wetteren; the digests planned. */
const ready = async () => {
  const bot = await createTestBot();
  let n = 0;
  const ctx = {
    now: bot.clock.now(),
    ids: { ...createSeededIds(3), next: (p: string) => `${p}_t${++n}` },
    actor: 'test',
    timeZone: 'Europe/Brussels',
    languages: ['nl', 'en', 'ar'],
  };
  await bot.store.transact((tx) => {
    const a = addActivity(
      tx,
      validInput({
        title: 'Wandeling langs de Schelde',
        description: 'We wandelen samen.',
        date: '2026-12-05',
        start: '10:00',
        end: '12:00',
        place: 'Kaai',
        address: 'Markt 1',
      }),
      ctx,
    );
    if (!a.ok) throw new Error(JSON.stringify(a.problems));
    const g = addGroup(
      tx,
      { municipality: 'wetteren', address: { channel: 'console', chat: 'groep-wetteren' }, name: 'Wetteren' },
      ctx,
    );
    if (!g.ok) throw new Error('group');
  });
  await bot.app.tick();
  return bot;
};

const groupPosts = (bot: TestBot) => bot.channel.sent.filter((s) => s.to.chat === 'groep-wetteren');
const at = async (bot: TestBot, iso: string) => {
  bot.clock.set(new Date(iso));
  await bot.app.tick();
  await bot.app.idle();
};
const job = (bot: TestBot, id: string) => bot.store.read((tx) => tx.get('jobs', id));

describe('catch-up after downtime', () => {
  it('a broadcast more than 6 hours late is skipped, and the coach is told', async () => {
    const bot = await ready();
    const lotte = bot.user('lotte');
    await lotte.sends(staff('broadcast wandeling wanneer="2026-11-24 09:30"'));
    // The bot was off from before 09:30 until 15:31 the next day.
    await at(bot, '2026-11-24T14:31:00Z');
    expect(groupPosts(bot)).toHaveLength(0);
    expect(lotte.lastReply).toBe(
      '⏰ Wandeling langs de Schelde is niet verstuurd. Het stond gepland op di 24/11 om 09:30. ' +
        'De bot stond toen uit. Dat is nu te laat. Plan het opnieuw als het nog nodig is.',
    );
    const [b] = await bot.store.read((tx) => tx.list('broadcasts', (x) => x.kind === 'activity'));
    expect(b?.status).toBe('cancelled');
    expect(await job(bot, `broadcast:${b?.id}`)).toMatchObject({ status: 'done', skipped: true });
  });

  it('a broadcast a few hours late still goes out, marked late', async () => {
    const bot = await ready();
    await bot.user('lotte').sends(staff('broadcast wandeling wanneer="2026-11-24 09:30"'));
    await at(bot, '2026-11-24T13:00:00Z');
    expect(groupPosts(bot)).toHaveLength(1);
    const [b] = await bot.store.read((tx) => tx.list('broadcasts', (x) => x.kind === 'activity'));
    expect(await job(bot, `broadcast:${b?.id}`)).toMatchObject({ status: 'done', late: true });
  });

  it('a weekly digest more than 6 hours late is skipped; the next week is planned', async () => {
    const bot = await ready();
    const digests = () => bot.store.read((tx) => tx.list('jobs', (j) => j.kind === 'digest'));
    expect((await digests()).map((j) => j.dueAt)).toEqual(['2026-11-30T09:00:00.000Z']);
    await at(bot, '2026-11-30T15:01:00Z');
    expect(groupPosts(bot)).toHaveLength(0);
    expect(await bot.store.read((tx) => tx.count('broadcasts'))).toBe(0);
    await bot.app.tick();
    const after = await digests();
    expect(after.map((j) => [j.dueAt, j.status, j.skipped ?? false])).toEqual([
      ['2026-11-30T09:00:00.000Z', 'done', true],
      ['2026-12-07T09:00:00.000Z', 'due', false],
    ]);
  });
});
