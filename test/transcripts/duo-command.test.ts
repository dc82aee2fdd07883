import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/bot.js';

/** The staff command as a coach types it (Slack's /netwerkbot arrives as this command). */
const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });

const setup = async () => {
  const bot = await createTestBot();
  const lotte = bot.user('lotte');
  const say = async (args: string) => {
    await lotte.sends(staff(args));
    expect(lotte.replies).toHaveLength(1);
    return lotte.lastReply;
  };
  return { bot, lotte, say };
};

describe('/netwerkbot duo', () => {
  it('lists the demo duo, matches Yusuf with Sara, and pauses, resumes and ends that duo', async () => {
    const { bot, say } = await setup();
    expect(await say('duo list')).toBe(
      "Lopende duo's:\n• Amina en Sara: loopt. Sinds 23/11/2026, 2× per maand, 6 maanden.",
    );
    expect(await say('duo add Yusuf met Sara ritme=3 maanden=9')).toBe(
      '✅ Nieuw duo: Yusuf en Sara. 3× per maand, 9 maanden.',
    );
    const yusuf = await bot.store.read((tx) => tx.list('duos', (d) => d.rhythmPerMonth === 3)[0]);
    expect(yusuf).toMatchObject({ status: 'active', plannedMonths: 9, coachId: bot.demo.coach.id });

    expect(await say('duo pause Yusuf')).toBe('⏸️ Duo Yusuf en Sara staat op pauze.');
    expect(await say('duo pause Yusuf')).toBe('Duo Yusuf en Sara staat al op pauze.');
    expect(await say('duo list')).toContain('• Yusuf en Sara: op pauze.');
    bot.clock.set(new Date('2026-12-03T09:00:00Z'));
    expect(await say('duo hervat yusuf')).toBe('▶️ Duo Yusuf en Sara loopt weer.');
    expect(await say('duo resume Yusuf')).toBe('Duo Yusuf en Sara staat niet op pauze.');
    expect(await say('duo end Yusuf reden="Yusuf is verhuisd"')).toBe('⏹️ Duo Yusuf en Sara is gestopt.');
    expect(await say('duo end Yusuf')).toBe('Yusuf heeft geen lopend duo.');
    expect(await bot.store.read((tx) => tx.get('duos', yusuf!.id))).toMatchObject({
      status: 'ended',
      pausedDays: 10,
      endReason: 'Yusuf is verhuisd',
      endedAt: '2026-12-03T09:00:00.000Z',
    });
    expect(await say('duo list')).not.toContain('Yusuf');
  });

  it('takes names of several words, and asks which duo when a newcomer has two', async () => {
    const { bot, say } = await setup();
    // Put in directly: `person add` in the test bot would reuse a demo person's id (see the report).
    await bot.store.transact((tx) => {
      const yusuf = tx.list('people', (p) => p.name === 'Yusuf')[0]!;
      tx.put('people', 'p_fatima', { ...yusuf, id: 'p_fatima', name: 'Fatima El Amrani' });
      tx.put('people', 'p_jan', { ...bot.demo.buddy, id: 'p_jan', name: 'Jan De Smet' });
    });
    expect(await say('duo add Fatima El Amrani met Jan De Smet')).toBe(
      '✅ Nieuw duo: Fatima El Amrani en Jan De Smet. 2× per maand, 6 maanden.',
    );
    expect(await say('duo add Amina with Jan')).toBe(
      '✅ Nieuw duo: Amina en Jan De Smet. 2× per maand, 6 maanden.',
    );
    expect(await say('duo pause Amina')).toBe(
      'Amina heeft meer dan één duo. Schrijf ook de buddy. Bijvoorbeeld: /netwerkbot duo pause Amina met Sara',
    );
    expect(await say('duo pause Amina met Jan')).toBe('⏸️ Duo Amina en Jan De Smet staat op pauze.');
    expect(await say('duo list')).toBe(
      "Lopende duo's:\n" +
        '• Amina en Sara: loopt. Sinds 23/11/2026, 2× per maand, 6 maanden.\n' +
        '• Fatima El Amrani en Jan De Smet: loopt. Sinds 23/11/2026, 2× per maand, 6 maanden.\n' +
        '• Amina en Jan De Smet: op pauze. Sinds 23/11/2026, 2× per maand, 6 maanden.',
    );
  });

  it('says what to write after a mistake, and stores nothing', async () => {
    const { bot, say } = await setup();
    expect(await say('duo')).toContain('/netwerkbot duo add <inburgeraar> met <buddy>');
    expect(await say('duo dansen')).toContain('/netwerkbot duo list');
    expect(await say('duo add Yusuf')).toBe(
      'Schrijf de inburgeraar, dan "met", dan de buddy. Bijvoorbeeld: /netwerkbot duo add Yusuf met Sara',
    );
    expect(await say('duo add Karel met Sara')).toBe(
      'Ik vind geen inburgeraar met de naam Karel in jouw gemeente.',
    );
    expect(await say('duo add Yusuf met Karel')).toBe(
      'Ik vind geen buddy met de naam Karel in jouw gemeente.',
    );
    expect(await say('duo add Sara met Yusuf')).toBe(
      'Ik vind geen inburgeraar met de naam Sara in jouw gemeente.',
    );
    expect(await say('duo add Yusuf met Sara ritme=veel')).toBe(
      'Het ritme is een getal van 1 tot 8: zoveel keer per maand. Bijvoorbeeld: ritme=2',
    );
    expect(await say('duo add Yusuf met Sara maanden=12')).toBe(
      'Een duo duurt 3, 6 of 9 maanden. Bijvoorbeeld: maanden=6',
    );
    expect(await say('duo add Yusuf met Sara eerste=1/12')).toBe('Schrijf de datum zo: eerste=2026-12-01');
    expect(await say('duo add Amina met Sara')).toBe('Amina en Sara zijn al een duo.');
    expect(await say('duo pause')).toBe(
      'Schrijf de naam van de inburgeraar erbij. Bijvoorbeeld: /netwerkbot duo pause Amina',
    );
    expect(await say('duo resume Yusuf')).toBe('Yusuf heeft geen lopend duo.');
    expect(await bot.store.read((tx) => tx.count('duos'))).toBe(1);
  });

  it('is refused to a buddy', async () => {
    const { bot } = await setup();
    const sara = bot.user('sara');
    await sara.sends(staff('duo list'));
    expect(sara.replies).toEqual(['Dit commando is alleen voor coaches en beheerders.']);
  });
});
