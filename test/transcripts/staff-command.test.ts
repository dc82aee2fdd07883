import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/bot.js';

/** The staff command as a coach types it (Slack's /netwerkbot arrives as this command). */
const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });

/** Amina onboarded in Dutch, so she can report hours. */
const ready = async () => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  await bot.onboard(amina);
  return { bot, amina, lotte: bot.user('lotte'), sara: bot.user('sara') };
};

describe('/netwerkbot, the staff command', () => {
  it('explains itself to a coach', async () => {
    const { lotte } = await ready();
    await lotte.sends(staff('help'));
    expect(lotte.replies).toHaveLength(1);
    expect(lotte.lastReply).toContain('/netwerkbot hours <naam>');
    await lotte.sends(staff(''));
    expect(lotte.lastReply).toContain('/netwerkbot person add');
    await lotte.sends(staff('dansen'));
    expect(lotte.replies[0]).toBe('Dat commando ken ik niet: dansen.');
    expect(lotte.replies[1]).toContain('/netwerkbot hours');
  });

  it('is refused to a buddy and to someone the bot does not know, and nothing is stored for them', async () => {
    const { bot, sara } = await ready();
    await sara.sends(staff('hours Amina'));
    expect(sara.replies).toEqual(['Dit commando is alleen voor coaches en beheerders.']);
    const stranger = bot.user('stranger');
    await stranger.sends(staff('hours Amina'));
    expect(stranger.lastReply).toContain('Ik ken je nog niet.');
    const conversations = await bot.store.read((tx) => tx.list('conversations').map((c) => c.address.user));
    expect(conversations).not.toContain('stranger');
  });

  it("shows a newcomer's hours and what still waits for whom", async () => {
    const { lotte, amina, sara } = await ready();
    await sara.says('gisteren 2 uur met Amina');
    await sara.says('1');
    await amina.says('vandaag 1u30 bib');
    await amina.says('2');
    await amina.says('1');
    await lotte.sends(staff('hours ami'));
    expect(lotte.replies).toHaveLength(2);
    expect(lotte.replies[0]).toBe(
      '⏱️ Uren van Amina:\n░░░░░░░░░░ 2 uur van 40 uur bevestigd\n• Met mijn buddy: 2 uur\n' +
        'Nog te bevestigen: 1,5 uur.\nHet traject loopt tot vr 24/9. Dat is nog ongeveer 0,92 uur per week.',
    );
    expect(lotte.replies[1]).toBe(
      'Wacht op bevestiging:\n• ma 23/11: 1,5 uur, Vrije tijd: club, praattafel, wandeling, bib. Wacht op de coach.',
    );
  });

  it('finds nobody, or too many, and says what to write', async () => {
    const { lotte } = await ready();
    await lotte.sends(staff('hours'));
    expect(lotte.lastReply).toBe('Schrijf de naam erbij. Bijvoorbeeld: /netwerkbot hours Amina');
    await lotte.sends(staff('hours Karel'));
    expect(lotte.lastReply).toBe('Ik vind geen inburgeraar met de naam Karel in jouw gemeente.');
    await lotte.sends(staff('uren a'));
    expect(lotte.lastReply).toBe('Amina heeft nog geen uren doorgegeven.');
    await lotte.sends(staff('hours Y'));
    expect(lotte.lastReply).toBe('Yusuf heeft nog geen uren doorgegeven.');
  });

  it('leaves a running conversation where it was: the coach looks something up, then confirms', async () => {
    const { bot, lotte, amina } = await ready();
    await amina.says('vandaag 1u30 bib');
    await amina.says('2');
    await amina.says('1');
    expect(lotte.all.at(-1)).toMatch(/Klopt dat\?|klopt/i);
    const ask = lotte.all.at(-1)!;
    await lotte.sends(staff('hours Amina'));
    await lotte.says('1');
    const [e] = await bot.store.read((tx) => tx.list('ledger'));
    expect(e!.status).toBe('confirmed');
    expect(ask).toContain('1,5 uur');
  });

  it('adds a person and gives the code, which then links that person', async () => {
    const { bot, lotte } = await ready();
    await lotte.sends(staff('person add nieuwkomer Nour Haddad taal=ar'));
    const reply = lotte.lastReply;
    expect(reply).toMatch(/^✅ Nour Haddad is toegevoegd als inburgeraar\.\nCode: [A-Z0-9]{4}-[A-Z0-9]{4}\n/);
    expect(reply).toContain('De code werkt 14 dagen.');
    const nour = await bot.store.read((tx) => tx.list('people', (p) => p.name === 'Nour Haddad')[0]);
    expect(nour).toMatchObject({
      role: 'newcomer',
      lang: 'ar',
      municipality: 'wetteren',
      coachId: bot.demo.coach.id,
    });
    const code = /Code: (\S+)/.exec(reply)![1]!;
    const user = bot.user('nour');
    await user.says(code);
    const identity = await bot.store.read((tx) => tx.list('identities', (i) => i.personId === nour!.id));
    expect(identity).toHaveLength(1);
    // The coach is still herself (a new person never takes a demo person's id).
    await lotte.sends(staff('help'));
    expect(lotte.lastReply).toContain('Netwerkbot voor coaches');
  });

  it('answers mistakes in person add with what to write', async () => {
    const { lotte } = await ready();
    await lotte.sends(staff('person add'));
    expect(lotte.lastReply).toMatch(/^Schrijf: \/netwerkbot person add <rol> <naam>/);
    await lotte.sends(staff('person add koning Filip'));
    expect(lotte.lastReply).toMatch(/^Schrijf: /);
    await lotte.sends(staff('person add coach Jan'));
    expect(lotte.lastReply).toBe('Alleen een beheerder kan een coach toevoegen.');
    await lotte.sends(staff('person add contact Els'));
    expect(lotte.lastReply).toContain('organisatie="Bib Wetteren"');
    await lotte.sends(staff('person add buddy Els taal=xx'));
    expect(lotte.lastReply).toBe('De taal xx ken ik niet. Kies uit: nl, en, fr, ar, uk, ru, tr, fa.');
    await lotte.sends(staff('person add buddy Els gemeente=Gent'));
    expect(lotte.lastReply).toBe(
      'Je kan niemand toevoegen in Gent. Je werkt daar niet, of ik ken die gemeente niet.',
    );
    await lotte.sends(staff('person add contact Els organisatie="Bib Wetteren" gemeente=Wetteren'));
    expect(lotte.lastReply).toMatch(/^✅ Els is toegevoegd als contactpersoon\./);
  });

  it('ignores the same command delivered twice', async () => {
    const { lotte } = await ready();
    await lotte.sends({ ...staff('help'), id: 'slack-1' });
    await lotte.sends({ ...staff('help'), id: 'slack-1' });
    expect(lotte.all.filter((r) => r.startsWith('Netwerkbot voor coaches'))).toHaveLength(1);
  });
});
