import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/app.js';
import { hasAnswered } from '../../src/domain/followup/surveys.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { normalizeWord } from '../../src/parsing/normalize.js';
import { createTestBot, type TestBot } from '../helpers/bot.js';

const DUO = 'duo_demo1';
const DAY = 86_400_000;

const AGREE = '\n1. 😞 Helemaal niet\n2. 🙁 Niet echt\n3. 😐 Een beetje\n4. 🙂 Ja\n5. 😄 Ja, heel erg';
const COMMENT = 'Wil je nog iets zeggen aan je coach? Typ het. Of kies 1.\n1. Nee';
const THANKS = 'Dank je wel! Je coach leest je antwoorden.';

/** Amina onboarded and out of the menu (idle), Sara linked by the demo; they are duo_demo1. */
const ready = async () => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  await bot.onboard(amina);
  await amina.says('9'); // "Klaar": she is idle when the survey comes
  const start = async (who: string, moment: string, duo = DUO) => {
    await bot.app.runtime.startFlow({ channel: 'console', chat: who, user: who }, 'survey', { moment, duo });
    await bot.app.idle();
  };
  const ids = { amina: bot.demo.invited[0]!.person.id, sara: bot.demo.buddy.id };
  return { bot, amina, sara: bot.user('sara'), start, ids };
};

const surveys = (bot: TestBot) => bot.store.read((tx) => tx.list('surveys'));

describe('short surveys', () => {
  it('asks the newcomer four statements about herself; numbers, Arabic digits and words work', async () => {
    const { bot, amina, start, ids } = await ready();
    await start('amina', 'three_months');
    expect(amina.all.slice(-2)).toEqual([
      'Je coach wil weten hoe het gaat. Zo kan je coach je beter helpen. Het zijn 4 korte vragen. Antwoord met een cijfer.',
      `Vraag 1 van 4. Ik leerde nieuwe mensen kennen. Klopt dat?${AGREE}`,
    ]);
    await amina.says('4');
    expect(amina.replies).toEqual([
      `Vraag 2 van 4. Ik ging naar nieuwe plaatsen in Wetteren. Klopt dat?${AGREE}`,
    ]);
    await amina.says('٥');
    expect(amina.replies).toEqual([
      `Vraag 3 van 4. Ik durf nu meer Nederlands te spreken. Klopt dat?${AGREE}`,
    ]);
    await amina.says('een beetje');
    expect(amina.replies).toEqual([`Vraag 4 van 4. Ik voel me thuis in Wetteren. Klopt dat?${AGREE}`]);
    await amina.says('2');
    expect(amina.replies).toEqual([COMMENT]);
    await amina.says('nee');
    expect(amina.replies).toEqual([THANKS]);
    expect(await surveys(bot)).toEqual([
      {
        v: 1,
        id: `${DUO}:${ids.amina}:three_months`,
        newcomerId: ids.amina,
        duoId: DUO,
        respondentId: ids.amina,
        role: 'newcomer',
        moment: 'three_months',
        scores: { met_people: 4, new_places: 5, courage_dutch: 3, at_home: 2 },
        comment: null,
        lang: 'nl',
        at: '2026-11-23T09:00:00.000Z',
      },
    ]);
    // Done: her next message is an ordinary one again.
    await amina.says('menu');
    expect(amina.lastReply).toMatch(/^Wat wil je doen\?/);
  });

  it('asks the buddy about the newcomer, and keeps a typed comment', async () => {
    const { bot, sara, start, ids } = await ready();
    await start('sara', 'end');
    expect(sara.all.slice(-2)).toEqual([
      'Je coach wil weten hoe het gaat met Amina. Zo kan je coach jullie beter helpen. Het zijn 4 korte vragen. Antwoord met een cijfer.',
      `Vraag 1 van 4. Amina leerde nieuwe mensen kennen. Klopt dat?${AGREE}`,
    ]);
    await sara.says('5');
    expect(sara.lastReply).toMatch(/^Vraag 2 van 4\. Amina ging naar nieuwe plaatsen in Wetteren\./);
    await sara.says('4');
    expect(sara.lastReply).toMatch(/^Vraag 3 van 4\. Amina durft nu meer Nederlands te spreken\./);
    await sara.says('heel erg');
    expect(sara.lastReply).toMatch(/^Vraag 4 van 4\. Amina voelt zich thuis in Wetteren\./);
    await sara.says('ja');
    await sara.says('=HYPERLINK("x"); ze praat veel meer');
    expect(sara.replies).toEqual([THANKS]);
    expect(await surveys(bot)).toMatchObject([
      {
        respondentId: ids.sara,
        newcomerId: ids.amina,
        role: 'buddy',
        moment: 'end',
        scores: { met_people: 5, new_places: 4, courage_dutch: 5, at_home: 4 },
        comment: '=HYPERLINK("x"); ze praat veel meer',
      },
    ]);
  });

  it('asks one question after the first meeting, with the other one of the duo named', async () => {
    const { bot, sara, amina, start } = await ready();
    await start('sara', 'first_meeting');
    expect(sara.all.slice(-2)).toEqual([
      'Je coach wil weten hoe het gaat. Het is 1 korte vraag. Antwoord met een cijfer.',
      'Hoe ging je eerste afspraak met Amina?\n1. 😞 Heel slecht\n2. 🙁 Slecht\n3. 😐 Gaat wel\n4. 🙂 Goed\n5. 😄 Heel goed',
    ]);
    await sara.says('heel goed');
    expect(sara.replies).toEqual([COMMENT]);
    await sara.says('1');
    expect(sara.replies).toEqual([THANKS]);
    await start('amina', 'first_meeting');
    expect(amina.lastReply).toMatch(/^Hoe ging je eerste afspraak met Sara\?/);
    await amina.says('4');
    await amina.says('Leuk!');
    expect((await surveys(bot)).map((s) => [s.role, s.moment, s.scores, s.comment] as const)).toEqual([
      ['buddy', 'first_meeting', { how_it_went: 5 }, null],
      ['newcomer', 'first_meeting', { how_it_went: 4 }, 'Leuk!'],
    ]);
  });

  it('re-asks an unclear answer and saves nothing for it', async () => {
    const { bot, amina, start } = await ready();
    await start('amina', 'three_months');
    await amina.says('banaan');
    expect(amina.replies).toEqual([
      'Sorry, dat begrijp ik niet.',
      `Vraag 1 van 4. Ik leerde nieuwe mensen kennen. Klopt dat?${AGREE}`,
    ]);
    await amina.says('6');
    expect(amina.replies[0]).toBe('Sorry, dat begrijp ik niet.');
    expect(await surveys(bot)).toEqual([]);
    await amina.says('3');
    expect(amina.lastReply).toMatch(/^Vraag 2 van 4/);
  });

  it('ends quietly after 3 days without an answer and keeps what was answered', async () => {
    const { bot, amina, start, ids } = await ready();
    await start('amina', 'three_months');
    await amina.says('4');
    await amina.says('3');
    const seen = amina.all.length;
    bot.clock.advance(3 * DAY + 60_000);
    await bot.app.tick();
    await bot.app.idle();
    expect(amina.all.length).toBe(seen); // nothing said
    expect(await surveys(bot)).toMatchObject([{ scores: { met_people: 4, new_places: 3 }, comment: null }]);
    expect(
      await bot.store.read((tx) =>
        hasAnswered(tx, { duoId: DUO, respondentId: ids.amina, moment: 'three_months' }),
      ),
    ).toBe(true);
    // The survey is over: "2" now goes to the menu, not to question 3.
    await amina.says('2');
    expect(amina.lastReply).not.toMatch(/^Vraag/);
    expect((await surveys(bot))[0]?.scores).toEqual({ met_people: 4, new_places: 3 });
  });

  it('saves nothing when nobody answers at all', async () => {
    const { bot, sara, start, ids } = await ready();
    await start('sara', 'first_meeting');
    const seen = sara.all.length;
    bot.clock.advance(3 * DAY + 60_000);
    await bot.app.tick();
    expect(sara.all.length).toBe(seen);
    expect(await surveys(bot)).toEqual([]);
    expect(
      await bot.store.read((tx) =>
        hasAnswered(tx, { duoId: DUO, respondentId: ids.sara, moment: 'first_meeting' }),
      ),
    ).toBe(false);
  });

  it('replaces an earlier response to the same moment with the new answers', async () => {
    const { bot, amina, start } = await ready();
    await start('amina', 'three_months');
    for (const a of ['1', '1', '1', '1', 'Moeilijk']) await amina.says(a);
    bot.clock.advance(DAY);
    await start('amina', 'three_months');
    await amina.says('5');
    await amina.says('menu'); // walks away: what she answered this time counts
    expect(await surveys(bot)).toMatchObject([
      { moment: 'three_months', scores: { met_people: 5 }, comment: null, at: '2026-11-24T09:00:00.000Z' },
    ]);
  });

  it('says nothing and saves nothing for someone outside the duo, or a bad start', async () => {
    const { bot, start, amina } = await ready();
    const yusuf = bot.user('yusuf');
    await bot.onboard(yusuf);
    await yusuf.says('9');
    const before = yusuf.all.length;
    await start('yusuf', 'three_months');
    expect(yusuf.all.length).toBe(before);
    const seen = amina.all.length;
    await start('amina', 'three_months', 'duo_nope');
    await start('amina', 'someday');
    expect(amina.all.length).toBe(seen);
    expect(await surveys(bot)).toEqual([]);
  });

  it("speaks the person's language: Arabic words and digits", async () => {
    const { bot, amina, start, ids } = await ready();
    await bot.store.transact((tx) => {
      const p = tx.get('people', ids.amina)!;
      tx.put('people', p.id, { ...p, lang: 'ar' });
    });
    await start('amina', 'three_months');
    expect(amina.all.at(-2)).toContain('يريد مرشدك أن يعرف كيف تسير الأمور');
    expect(amina.lastReply).toContain('السؤال 1 من 4. تعرّفت على أشخاص جدد. هل هذا صحيح؟');
    expect(amina.lastReply).toContain('4. 🙂 نعم');
    await amina.says('نعم');
    expect(amina.lastReply).toContain('السؤال 2 من 4');
    await amina.says('٣');
    await amina.says('كثيرا');
    await amina.says('1');
    expect(amina.lastReply).toContain('هل تريد أن تقول شيئًا آخر لمرشدك؟');
    await amina.says('شكرا على كل شيء');
    expect(amina.lastReply).toContain('شكرًا لك! سيقرأ مرشدك إجاباتك.');
    expect(await surveys(bot)).toMatchObject([
      {
        lang: 'ar',
        scores: { met_people: 4, new_places: 3, courage_dutch: 5, at_home: 1 },
        comment: 'شكرا على كل شيء',
      },
    ]);
  });

  it('speaks English to an English buddy', async () => {
    const { bot, sara, start, ids } = await ready();
    await bot.store.transact((tx) => {
      const p = tx.get('people', ids.sara)!;
      tx.put('people', p.id, { ...p, lang: 'en' });
    });
    await start('sara', 'three_months');
    expect(sara.lastReply).toBe(
      'Question 1 of 4. Amina met new people. Is that true?\n1. 😞 Not at all\n2. 🙁 Not really\n3. 😐 A little\n4. 🙂 Yes\n5. 😄 Yes, very much',
    );
    await sara.says('not really');
    expect(sara.lastReply).toMatch(/^Question 2 of 4\. Amina went to new places in Wetteren\./);
    expect((await surveys(bot))[0]).toMatchObject({ lang: 'en', scores: { met_people: 2 } });
  });
});

describe('survey keywords', () => {
  const { i18n } = loadContent();
  const words = (key: string): string[] =>
    LANGUAGES.flatMap((lng) => {
      const list = i18n.t(lng, key);
      return list === key ? [] : list.split(',').map(normalizeWord).filter(Boolean);
    });

  it.each(['rate', 'agree'])('never lets one word pick two %s answers, in any language', (scale) => {
    const owner = new Map<string, number>();
    const clashes: string[] = [];
    for (let n = 1; n <= 5; n++)
      for (const w of words(`survey:kw.${scale}_${n}`)) {
        const o = owner.get(w);
        if (o !== undefined && o !== n) clashes.push(`"${w}" picks ${o} and ${n}`);
        owner.set(w, n);
      }
    expect(clashes).toEqual([]);
    expect(owner.size).toBeGreaterThan(20);
  });

  it('uses no word that a global command takes first', () => {
    const globals = new Set(
      ['help', 'menu', 'stop', 'start', 'hours', 'language'].flatMap((k) => words(`common:kw.${k}`)),
    );
    const mine = ['rate', 'agree'].flatMap((s) =>
      [1, 2, 3, 4, 5].flatMap((n) => words(`survey:kw.${s}_${n}`)),
    );
    expect(mine.filter((w) => globals.has(w))).toEqual([]);
  });
});
