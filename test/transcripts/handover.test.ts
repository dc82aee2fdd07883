/**
 * Human handover over the test bot (coach Lotte on the console, no threads): "hulp" or "coach",
 * three misunderstood answers, and a buddy's question open a conversation with the coach; the
 * person's messages go to the coach as written, the coach's replies come back, the flows stay
 * quiet until the coach closes it with the button or the command.
 */
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/bot.js';

/** A button press whose value is a staff command (the close button under the coach's first post). */
const press = (choice: string) => ({ kind: 'choice' as const, choice });
const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });

/** Amina onboarded in Dutch; Lotte (coach) and Sara (buddy) linked on the console. */
const ready = async () => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  await bot.onboard(amina);
  return { bot, amina, lotte: bot.user('lotte'), sara: bot.user('sara') };
};

const handovers = (bot: Awaited<ReturnType<typeof createTestBot>>) =>
  bot.store.read((tx) => tx.list('handovers'));

describe('human handover', () => {
  it('hulp -> coach -> reply -> quiet flows -> close -> the bot is back', async () => {
    const { bot, amina, lotte } = await ready();
    await amina.says('hulp');
    expect(amina.replies.at(-1)).toBe(
      'Wil je met je coach praten? Je coach leest dan je berichten.\n1. Ja\n2. Nee',
    );
    await amina.says('1');
    expect(amina.replies).toEqual([
      'Oké. Lotte leest nu je berichten. Schrijf je vraag. De bot zegt niets tot Lotte het gesprek sluit.',
    ]);
    const [h] = await handovers(bot);
    expect(h).toMatchObject({ status: 'open', reason: 'asked', coachId: bot.demo.coach.id, thread: null });
    expect(lotte.lastReply).toBe(
      '💬 Amina wil met je praten.\nAntwoord hier. Amina krijgt je woorden. Klaar? Kies Sluiten.\n1. Sluiten',
    );
    const root = bot.channel.sent.filter((s) => s.to.user === 'lotte').at(-1)!.message;
    expect(root.choices).toEqual([{ value: `/netwerkbot handover close ${h!.id}`, label: 'Sluiten' }]);

    // Everything Amina sends goes to Lotte as written; the bot does not answer it.
    await amina.says('Ik heb een brief van het OCMW. Ik begrijp hem niet.');
    expect(amina.replies).toEqual([]);
    expect(lotte.lastReply).toBe('Amina: Ik heb een brief van het OCMW. Ik begrijp hem niet.');
    await amina.says('menu');
    await amina.says('2 uur');
    expect(amina.replies).toEqual([]);
    expect(lotte.all.slice(-2)).toEqual(['Amina: menu', 'Amina: 2 uur']);
    expect(await bot.store.read((tx) => tx.list('ledger'))).toEqual([]);

    // Lotte answers in her chat: Amina gets her words, untranslated.
    await lotte.says('Stuur me een foto van de brief. Ik bel je morgen.');
    expect(lotte.replies).toEqual([]);
    expect(amina.lastReply).toBe('💬 Lotte: Stuur me een foto van de brief. Ik bel je morgen.');

    // Lotte presses Sluiten: Amina is told, and the bot answers her again.
    await lotte.sends(press(root.choices![0]!.value));
    expect(lotte.replies).toEqual(['✅ Gesprek met Amina gesloten. De bot helpt Amina weer.']);
    expect(amina.lastReply).toBe(
      'Het gesprek met Lotte is klaar. De bot helpt je weer. Typ menu om te kiezen.',
    );
    expect((await handovers(bot))[0]).toMatchObject({
      status: 'closed',
      closedAt: bot.clock.now().toISOString(),
    });
    await amina.says('menu');
    expect(amina.lastReply).toMatch(/^Wat wil je doen\?|\n1\. /);
    await lotte.says('Hallo');
    expect(lotte.replies.join('\n')).not.toMatch(/^💬/);
    expect(amina.replies.join('\n')).not.toContain('Hallo');
  });

  it('"coach" opens it at once; a second one while open is the same handover', async () => {
    const { bot, amina, lotte } = await ready();
    await amina.says('coach');
    expect(amina.lastReply).toMatch(/^Oké\. Lotte leest nu je berichten/);
    await amina.says('Hallo Lotte');
    expect(lotte.lastReply).toBe('Amina: Hallo Lotte');
    expect(await handovers(bot)).toHaveLength(1);
    // Typed close works too; a second close is refused as a value.
    const id = (await handovers(bot))[0]!.id;
    await lotte.sends(staff(`handover close ${id}`));
    expect(lotte.lastReply).toBe('✅ Gesprek met Amina gesloten. De bot helpt Amina weer.');
    await lotte.sends(staff(`handover close ${id}`));
    expect(lotte.lastReply).toBe('Het gesprek met Amina is al gesloten.');
    await lotte.sends(staff('handover close ho_nope'));
    expect(lotte.lastReply).toBe('Er is geen gesprek ho_nope.');
  });

  it('three misunderstood answers -> the offer -> a handover (stuck), the old question not asked again', async () => {
    const { bot, amina, lotte } = await ready();
    await amina.says('taal');
    await amina.says('blabla');
    await amina.says('wat');
    await amina.says('xyz');
    expect(amina.lastReply).toBe(
      'Wil je met je coach praten? Je coach leest dan je berichten.\n1. Ja\n2. Nee',
    );
    await amina.says('ja');
    expect(amina.replies.at(-1)).toMatch(/^Oké\. Lotte leest nu je berichten/);
    expect(amina.replies).toHaveLength(1);
    expect((await handovers(bot))[0]).toMatchObject({ reason: 'stuck', status: 'open' });
    expect(lotte.lastReply).toMatch(/^💬 Amina loopt vast bij de bot en wil met je praten\./);
  });

  it('a buddy asks a question for the coach about their duo newcomer', async () => {
    const { bot, amina, lotte, sara } = await ready();
    await sara.says('menu');
    expect(sara.lastReply).toContain('5. Vraag voor de coach');
    await sara.says('5');
    expect(sara.replies).toEqual([
      'Een vraag over wonen, OCMW, werk of papieren? Die vraag is voor de coach. Jij hoeft dat niet op te lossen.',
      'Oké. Lotte leest nu je berichten. Schrijf je vraag. De bot zegt niets tot Lotte het gesprek sluit.',
    ]);
    expect((await handovers(bot))[0]).toMatchObject({
      personId: bot.demo.buddy.id,
      reason: 'buddy_question',
      aboutId: bot.demo.invited[0]!.person.id,
    });
    expect(lotte.lastReply).toMatch(/^💬 Buddy Sara heeft een vraag over Amina\.\n/);
    await sara.says('Amina zoekt een huis. Waar kan ze terecht?');
    expect(lotte.lastReply).toBe('Sara: Amina zoekt een huis. Waar kan ze terecht?');
    await lotte.says('Ik bel Amina zelf. Dank je!');
    expect(sara.lastReply).toBe('💬 Lotte: Ik bel Amina zelf. Dank je!');
    expect(amina.all.join('\n')).not.toContain('huis');
  });

  it('without a coach a request is kept; staff get no handover; a picture passes as 📎 and its caption', async () => {
    const { bot, amina, lotte } = await ready();
    const id = bot.demo.invited[0]!.person.id;
    await lotte.says('coach');
    expect(lotte.lastReply).toBe("Jij bent coach. Een gesprek met de coach is voor inburgeraars en buddy's.");
    await bot.store.transact((tx) => tx.put('people', id, { ...tx.get('people', id)!, coachId: null }));
    await amina.says('coach');
    expect(amina.replies[0]).toBe('Oké. Iemand van de gemeente neemt contact met je op.');
    expect(await handovers(bot)).toEqual([]);
    expect(await bot.store.read((tx) => tx.list('requests'))).toMatchObject([
      { personId: id, reason: 'asked' },
    ]);
    await bot.store.transact((tx) =>
      tx.put('people', id, { ...tx.get('people', id)!, coachId: bot.demo.coach.id }),
    );
    await amina.says('coach');
    await amina.sends({ kind: 'media', media: { kind: 'image', ref: 'file-1' }, caption: 'de brief' });
    expect(lotte.lastReply).toBe('Amina: 📎 de brief');
  });

  it('the list shows open handovers; a newcomer cannot close one', async () => {
    const { bot, amina, lotte } = await ready();
    await amina.says('coach');
    const id = (await handovers(bot))[0]!.id;
    await lotte.sends(staff('handover'));
    expect(lotte.lastReply).toBe(
      `Open gesprekken: 1\n• Amina (vroeg het zelf): /netwerkbot handover close ${id}`,
    );
    await amina.sends(press(`/netwerkbot handover close ${id}`));
    expect((await handovers(bot))[0]!.status).toBe('open');
  });
});
