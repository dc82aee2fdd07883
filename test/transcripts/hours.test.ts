import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/app.js';
import type { DataSchema } from '../../src/domain/index.js';
import { buddyMeeting } from '../helpers/ledger.js';
import type { Store } from '../../src/core/store.js';
import { createSeededIds } from '../../src/core/clock.js';
import { addressKey } from '../../src/core/messages.js';
import { createPerson } from '../../src/domain/index.js';
import { createTestBot, type TestBot } from '../helpers/bot.js';

const { i18n } = loadContent();
const t = (lng: string, key: string, params: Record<string, unknown> = {}) =>
  i18n.t(lng, key, params as never);
const RLM = '\u200f';
// The test bot's clock: Monday 23 November 2026, 10:00 in Brussels.

/** Amina (newcomer, duo with buddy Sara, coach Lotte) onboarded in `lang`; Sara and Lotte linked. */
const ready = async (lang = '1') => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  await bot.onboard(amina, { language: lang });
  return { bot, amina, sara: bot.user('sara'), lotte: bot.user('lotte'), yusuf: bot.user('yusuf') };
};

const ledger = (bot: TestBot) => bot.store.read((tx) => tx.list('ledger'));

/** Puts confirmed hours straight into the ledger (history before the test). */
const seedHours = async (store: Store<DataSchema>, newcomerId: string, buddyId: string, hours: number) =>
  store.transact((tx) => {
    for (let i = 0; i < hours / 2; i++) {
      const e = buddyMeeting(`2026-10-${String(1 + i).padStart(2, '0')}`, newcomerId, buddyId, {
        id: `seed${i}`,
        minutes: 120,
        createdAt: '2026-10-01T10:00:00.000Z',
      });
      tx.put('ledger', e.id, e);
    }
  });

describe('reporting hours', () => {
  it('a buddy reports a duo meeting in one message: confirmed, and the newcomer is told', async () => {
    const { bot, amina, sara } = await ready();
    await sara.says('vandaag 2 uur met Amina naar de bib');
    expect(sara.replies).toEqual(['📝 2 uur op ma 23/11: met Amina. Klopt dat?\n1. Ja, klopt\n2. Wijzigen']);
    await sara.says('1');
    expect(sara.replies).toEqual(['✅ Bewaard. Amina krijgt een bericht.']);
    expect(amina.lastReply).toBe('Sara gaf 2 uur door op ma 23/11: met Sara. Je hebt nu 2 uur.');
    const [e] = await ledger(bot);
    expect(e).toMatchObject({
      minutes: 120,
      date: '2026-11-23',
      offerType: 'buddy',
      status: 'confirmed',
      contactId: bot.demo.buddy.id,
    });
    expect(e?.history.map((h) => h.action)).toEqual(['reported', 'confirmed']);
    expect(e?.via).toMatchObject({ channel: 'console' });
  });

  it('a newcomer reports, the coach confirms when there is no contact person', async () => {
    const { bot, amina, lotte } = await ready();
    await amina.says('gisteren 3u kringwinkel');
    expect(amina.lastReply).toMatch(
      /^Wat voor activiteit was het\? Stuur een cijfer\.\n1\. Vrijwilligerswerk/,
    );
    await amina.says('1');
    expect(amina.lastReply).toBe(
      '📝 3 uur op zo 22/11: Vrijwilligerswerk, kringwinkel. Klopt dat?\n1. Ja, klopt\n2. Wijzigen',
    );
    await amina.says('ja');
    expect(amina.replies).toEqual(['✅ Bewaard. Je coach kijkt het na.']);
    expect(lotte.lastReply).toBe(
      'Amina schreef: 3 uur op zo 22/11: Vrijwilligerswerk, kringwinkel. Klopt dat?\n1. Ja\n2. Nee',
    );
    await lotte.says('1');
    expect(lotte.replies).toEqual(['Dank je! Er zijn geen vragen meer.']);
    expect(amina.lastReply).toBe('✅ Lotte bevestigde 3 uur op zo 22/11. Je hebt nu 3 uur.');
    expect((await ledger(bot))[0]).toMatchObject({
      status: 'confirmed',
      organisation: 'kringwinkel',
      offerType: 'vrijwilligerswerk',
    });
  });

  it('a newcomer reports a buddy meeting; the buddy gives the right figure', async () => {
    const { bot, amina, sara } = await ready();
    await amina.says('gisteren 2 uur met Sara');
    expect(amina.lastReply).toMatch(/^📝 2 uur op zo 22\/11: met Sara\. Klopt dat\?/);
    await amina.says('1');
    expect(amina.replies).toEqual(['✅ Bewaard. Sara moet het nog bevestigen.']);
    expect(sara.lastReply).toMatch(/^Amina schreef: 2 uur op zo 22\/11: .*Klopt dat\?\n1\. Ja\n2\. Nee$/);
    await sara.says('nee');
    expect(sara.lastReply).toBe(
      'Oké. Wat klopt er niet? Stuur een cijfer.\n1. Het aantal uren\n2. Dit was er niet',
    );
    await sara.says('1');
    await sara.says('1u30');
    expect(sara.lastReply).toBe('Dank je! Er zijn geen vragen meer.');
    expect(amina.lastReply).toBe('✅ Sara bevestigde 1,5 uur op zo 22/11. Je hebt nu 1,5 uur.');
    const [e] = await ledger(bot);
    expect(e).toMatchObject({ minutes: 90, status: 'confirmed' });
    expect(e?.history.map((h) => h.action)).toEqual(['reported', 'corrected', 'confirmed']);
  });

  it('"dit was er niet" marks the entry disputed and tells the coach', async () => {
    const { bot, amina, sara, lotte } = await ready();
    await amina.says('gisteren 2 uur met Sara');
    await amina.says('1');
    await sara.says('2');
    await sara.says('2');
    expect(sara.replies).toEqual(['Dank je. De coach kijkt het na.', 'Dank je! Er zijn geen vragen meer.']);
    expect(lotte.lastReply).toBe(
      'Sara zegt dat deze uren van Amina niet kloppen: 2 uur op zo 22/11: met Sara. Kijk je het na?',
    );
    expect((await ledger(bot))[0]?.status).toBe('disputed');
    expect(
      await bot.store.read((tx) => tx.list('requests', (r) => r.reason === 'disputed_hours').length),
    ).toBe(1);
  });

  it('a near-identical entry asks whether it is another activity', async () => {
    const { bot, sara } = await ready();
    await sara.says('vandaag 2 uur');
    await sara.says('1');
    await sara.says('vandaag 2u');
    await sara.says('1');
    expect(sara.lastReply).toBe(
      'Je gaf al 2 uur door op ma 23/11. Is dit een andere activiteit?\n1. Ja, iets anders\n2. Nee, hetzelfde',
    );
    await sara.says('2');
    expect(sara.replies).toEqual(['Oké. Ik bewaar niets.']);
    expect(await ledger(bot)).toHaveLength(1);
    await sara.says('vandaag 2u');
    await sara.says('1');
    await sara.says('1');
    expect(sara.replies).toEqual(['✅ Bewaard. Amina krijgt een bericht.']);
    expect(await ledger(bot)).toHaveLength(2);
  });

  it('a date in the future is refused with a clear answer, and nothing is stored', async () => {
    const { bot, sara } = await ready();
    await sara.says('2 uur op 28/11');
    expect(sara.replies[0]).toBe('Die dag is nog niet geweest. Geef een dag van vandaag of vroeger.');
    expect(sara.lastReply).toMatch(/^Welke dag was het\?/);
    await sara.says('3');
    await sara.says('morgen');
    expect(sara.replies[0]).toMatch(/^Die dag is nog niet geweest|^Sorry, die dag begrijp ik niet/);
    expect(await ledger(bot)).toHaveLength(0);
  });

  it('guided in Dutch: asks only what is missing, with numbered choices', async () => {
    const { amina, sara } = await ready();
    await amina.says('menu');
    await amina.says('1');
    expect(amina.lastReply).toBe(
      'Hoe lang was het? Stuur een cijfer.\n1. 1 uur\n2. 1½ uur\n3. 2 uur\n4. 3 uur\n5. Iets anders',
    );
    await amina.says('2');
    expect(amina.lastReply).toBe(
      'Welke dag was het? Stuur een cijfer.\n1. Vandaag\n2. Gisteren\n3. Een andere dag',
    );
    await amina.says('gisteren'); // typed instead of the number: read as a day
    expect(amina.lastReply).toBe('Wat deed je? Stuur een cijfer.\n1. 👥 Sara\n2. Iets anders');
    await amina.says('1');
    expect(amina.lastReply).toBe('📝 1,5 uur op zo 22/11: met Sara. Klopt dat?\n1. Ja, klopt\n2. Wijzigen');
    await amina.says('2');
    await amina.says('1');
    await amina.says('5');
    await amina.says('2u15');
    expect(amina.lastReply).toBe('📝 2,25 uur op zo 22/11: met Sara. Klopt dat?\n1. Ja, klopt\n2. Wijzigen');
    await amina.says('1');
    expect(amina.replies).toEqual(['✅ Bewaard. Sara moet het nog bevestigen.']);
    expect(sara.lastReply).toMatch(/^Amina schreef: 2,25 uur/);
  });

  it('guided in Arabic, with Arabic digits', async () => {
    const { bot, amina } = await ready('4');
    await amina.says(t('ar', 'common:kw.menu').split(',')[0]!);
    await amina.says('١');
    expect(amina.lastReply.split('\n')[0]).toBe(RLM + t('ar', 'hours:ask_duration'));
    await amina.says('٣');
    await amina.says('١');
    await amina.says('١');
    expect(amina.lastReply.split('\n')[0]).toBe(
      RLM +
        t('ar', 'hours:summary', {
          h_minutes: 120,
          h_date: '2026-11-23',
          h_activity_label: t('ar', 'hours:with_buddy', { name: 'Sara' }),
        }),
    );
    await amina.says('١');
    expect(amina.replies).toEqual([RLM + t('ar', 'hours:saved_pending', { contact: 'Sara' })]);
    expect((await ledger(bot))[0]).toMatchObject({ minutes: 120, date: '2026-11-23', status: 'pending' });
  });

  it('milestones: the newcomer hears it at 40 hours and the coach is told', async () => {
    const { bot, amina, sara, lotte } = await ready();
    await seedHours(bot.store, bot.demo.invited[0]!.person.id, bot.demo.buddy.id, 38);
    await sara.says('vandaag 2 uur');
    await sara.says('1');
    expect(amina.replies.slice(-2)).toEqual([
      'Sara gaf 2 uur door op ma 23/11: met Sara. Je hebt nu 40 uur.',
      '🏆 Proficiat! Je hebt 40 uur. Je coach krijgt een bericht.',
    ]);
    expect(lotte.lastReply).toBe('🏆 Amina heeft 40 uur bevestigd.');
    await amina.says('uren');
    expect(amina.replies[0]).toMatch(
      /^⏱️ Jouw uren:\n▓{10} 40 uur van 40 uur\n• Met mijn buddy: 40 uur\n🎉 Je hebt je 40 uur!/,
    );
  });

  it('"mijn uren" shows confirmed and pending hours, the term and the pace per week', async () => {
    const { bot, amina } = await ready();
    await seedHours(bot.store, bot.demo.invited[0]!.person.id, bot.demo.buddy.id, 10);
    await amina.says('gisteren 2 uur met Sara');
    await amina.says('1');
    await amina.says('mijn uren');
    const [text] = amina.replies;
    expect(text?.split('\n').slice(0, 4)).toEqual([
      '⏱️ Jouw uren:',
      '▓▓░░░░░░░░ 10 uur van 40 uur',
      '• Met mijn buddy: 10 uur',
      'Nog te bevestigen: 2 uur.',
    ]);
    expect(text).toMatch(/Je traject loopt tot .*\. Dat is ongeveer .* per week\./);
  });

  it('correctie: the reporter withdraws the last entry within 24 hours, not later', async () => {
    const { bot, sara } = await ready();
    await sara.says('vandaag 2 uur');
    await sara.says('1');
    await sara.says('menu');
    await sara.says('2');
    expect(sara.lastReply).toMatch(
      /^Je laatste melding: 2 uur op ma 23\/11: met Amina\. Wil je die intrekken\?/,
    );
    await sara.says('1');
    expect(sara.replies).toEqual(['Oké. Die melding is ingetrokken.']);
    expect((await ledger(bot))[0]?.status).toBe('withdrawn');
    await sara.says('vandaag 1 uur');
    await sara.says('1');
    bot.clock.advance(25 * 3_600_000);
    await sara.says('menu');
    await sara.says('2');
    expect(sara.replies.at(-1)).toMatch(/^Dat kan niet meer/);
  });

  it('reminds the contact once after 3 days, and several open requests are gone through one by one', async () => {
    const { bot, amina, sara } = await ready();
    await amina.says('gisteren 2 uur met Sara');
    await amina.says('1');
    await amina.says('vandaag 1 uur met Sara');
    await amina.says('1');
    expect(sara.all.filter((r) => r.startsWith('Amina schreef'))).toHaveLength(1); // one question at a time
    bot.clock.advance(3 * 86_400_000 + 60_000);
    await bot.app.tick();
    expect(sara.all.at(-2)).toBe('Nog een vraag over uren. Kan je even antwoorden?');
    expect(sara.lastReply).toMatch(/^Amina schreef: 2 uur op zo 22\/11/);
    bot.clock.advance(5 * 86_400_000);
    await bot.app.tick();
    expect(sara.all.filter((r) => r.startsWith('Nog een vraag'))).toHaveLength(1); // only once
    await sara.says('ja');
    expect(sara.lastReply).toMatch(/^Amina schreef: 1 uur op ma 23\/11/);
    await sara.says('ja');
    expect(sara.lastReply).toBe('Dank je! Er zijn geen vragen meer.');
    expect((await ledger(bot)).map((e) => e.status)).toEqual(['confirmed', 'confirmed']);
  });

  it('a buddy with several duos is asked for whom', async () => {
    const { bot, sara } = await ready();
    await bot.store.transact((tx) =>
      tx.put('duos', 'd2', {
        v: 1,
        id: 'd2',
        newcomerId: bot.demo.invited[1]!.person.id,
        buddyId: bot.demo.buddy.id,
        coachId: null,
        status: 'active',
        matchedAt: '2026-11-01T00:00:00.000Z',
      }),
    );
    await sara.says('gisteren 2u');
    expect(sara.lastReply).toBe('Voor wie geef je uren door? Stuur een cijfer.\n1. Amina\n2. Yusuf');
    await sara.says('2');
    expect(sara.lastReply).toMatch(/^📝 2 uur op zo 22\/11: met Yusuf\. Klopt dat\?/);
    await sara.says('1');
    expect((await ledger(bot))[0]).toMatchObject({
      newcomerId: bot.demo.invited[1]!.person.id,
      status: 'confirmed',
    });
  });

  it('a coach or someone without a duo cannot report hours, and is told why', async () => {
    const { lotte } = await ready();
    await lotte.says('gisteren 2 uur');
    expect(lotte.replies[0]).toMatch(/^Je werk als coach doe je in Slack/); // the staff menu, not a report
  });

  it("a report at an organisation goes to that organisation's contact person", async () => {
    const { bot, amina } = await ready();
    const kris = bot.user('kris');
    await bot.store.transact((tx) => {
      const r = createPerson(
        tx,
        { name: 'Kris', role: 'contact', municipality: 'wetteren', organisation: 'Kringwinkel' },
        {
          now: bot.clock.now(),
          ids: createSeededIds(5),
          actor: 'test',
          inviteTtlDays: 14,
          languages: ['nl'],
        },
      );
      if (!r.ok) throw new Error('person');
      const address = { channel: 'console', chat: 'kris', user: 'kris' };
      tx.put('identities', addressKey(address), {
        v: 1,
        address,
        personId: r.person.id,
        linkedAt: bot.clock.now().toISOString(),
      });
      tx.put('people', r.person.id, {
        ...r.person,
        consent: { given: true, at: bot.clock.now().toISOString(), privacyVersion: 1 },
      });
    });
    await amina.says('gisteren 3u kringwinkel');
    await amina.says('1');
    await amina.says('ja');
    expect(amina.replies).toEqual(['✅ Bewaard. Kris moet het nog bevestigen.']);
    expect(kris.lastReply).toBe(
      'Amina schreef: 3 uur op zo 22/11: Vrijwilligerswerk, kringwinkel. Klopt dat?\n1. Ja\n2. Nee',
    );
    await kris.says('1');
    expect(amina.lastReply).toBe('✅ Kris bevestigde 3 uur op zo 22/11. Je hebt nu 3 uur.');
  });
});
