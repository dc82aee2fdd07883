import { describe, expect, it } from 'vitest';
import { world } from '../domain/campaigns/world.js';

/** The VGC world at the planned end (23 May 2027, 10:00 Brussels = 08:00Z): the buddy is asked first. */
const atEnd = async () => {
  const w = await world('vgc');
  w.bot.clock.set('2027-05-23T07:00:00Z');
  await w.until('2027-05-23T08:30:00Z');
  const [sara, amina, lotte] = ['sara', 'amina', 'lotte'].map((n) => w.bot.user(n)) as [
    ReturnType<typeof w.bot.user>,
    ReturnType<typeof w.bot.user>,
    ReturnType<typeof w.bot.user>,
  ];
  const closing = () => w.bot.store.read((tx) => tx.get('closings', 'duo_demo1'));
  return { w, sara, amina, lotte, closing };
};

describe('closing a duo', () => {
  it('asks the buddy, then the newcomer; a conversation and going on become coach tasks', async () => {
    const { w, sara, amina, lotte, closing } = await atEnd();
    expect(sara.all.slice(-2)).toEqual([
      '🎉 Het duo met Amina is klaar. Dank je voor je tijd! Ik stel je 4 korte vragen.',
      'Hoe wil je afsluiten?\n1. Een gesprek met de coach\n2. Een korte vragenlijst',
    ]);
    await sara.says('1');
    expect(sara.replies).toEqual(['Willen jullie nog langer samen verder?\n1. Ja, graag\n2. Nee']);
    await sara.says('nee');
    expect(sara.replies).toEqual(['Wil je contact houden met Amina?\n1. Ja\n2. Nee']);
    await sara.says('ja');
    expect(sara.replies).toEqual([
      'Wil je later opnieuw buddy zijn voor een nieuwe inburgeraar?\n1. Ja\n2. Nee\n3. Misschien later',
    ]);
    await sara.says('1');
    expect(sara.replies).toEqual(['Dank je! Je coach neemt contact op voor het gesprek.']);
    expect(lotte.lastReply).toBe(
      '🏁 Afsluiting duo Amina en Sara. Sara koos: afsluiten: gesprek · verder: nee · contact houden: ja · opnieuw buddy: ja.',
    );
    // Now the newcomer.
    expect(amina.all.slice(-2)).toEqual([
      '🎉 Het duo met Sara is klaar. Goed gedaan! Ik stel je een paar korte vragen.',
      'Hoe wil je afsluiten?\n1. Een gesprek met de coach\n2. Een korte vragenlijst',
    ]);
    await amina.says('2');
    await amina.says('1');
    expect(amina.replies).toEqual(['Sara wil graag contact houden. Jij ook?\n1. Ja\n2. Nee']);
    await amina.says('1');
    expect(amina.replies[0]).toBe('Dank je! Nu volgt de vragenlijst.');
    expect(amina.replies.join('\n')).toContain('4 korte vragen');
    expect(lotte.lastReply).toBe(
      '🏁 Afsluiting duo Amina en Sara. Amina koos: afsluiten: vragenlijst · verder: ja · contact houden: ja · opnieuw buddy: -.',
    );
    expect(await closing()).toMatchObject({
      buddy: { format: 'conversation', extend: false, stayInTouch: true, available: true },
      newcomer: { format: 'survey', extend: true, stayInTouch: true },
    });
    expect(await w.tasks()).toEqual([
      '2027-05-23 closing_conversation closing open',
      '2027-05-23 extend_duo closing open',
    ]);
  });

  it('does not ask the newcomer about staying in touch when the buddy said no', async () => {
    const { sara, amina, closing } = await atEnd();
    for (const a of ['2', '2', '2', '3']) await sara.says(a);
    expect(sara.replies[0]).toBe('Dank je! Nu volgt de vragenlijst.');
    await amina.says('1');
    await amina.says('2');
    // She comes back to the menu she had open before the closing started.
    expect(amina.replies[0]).toBe('Dank je! Je coach neemt contact op voor het gesprek.');
    expect(amina.replies[1]).toMatch(/^Wat wil je doen\?/);
    expect(await closing()).toMatchObject({
      buddy: { format: 'survey', extend: false, stayInTouch: false, available: null },
      newcomer: { format: 'conversation', extend: false, stayInTouch: null },
    });
  });

  it('a buddy who does not answer within 5 days: the newcomer is asked anyway', async () => {
    const { w, amina, lotte, closing } = await atEnd();
    await w.until('2027-05-28T09:00:00Z');
    expect(amina.lastReply).toBe(
      'Hoe wil je afsluiten?\n1. Een gesprek met de coach\n2. Een korte vragenlijst',
    );
    expect(lotte.lastReply).toContain('Sara koos: afsluiten: geen antwoord');
    expect(await closing()).toMatchObject({ buddy: { format: null, extend: null, stayInTouch: null } });
  });
});
