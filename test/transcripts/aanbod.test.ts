import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import { addActivity, addGroup } from '../../src/domain/activities/index.js';
import { createTestBot, type TestBot } from '../helpers/bot.js';

// The test bot's clock: Monday 23 November 2026, 10:00 in Brussels.
const DAY = 86_400_000;
const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });

const activity = (over: Record<string, string>) => ({
  title: 'Taalcafé in de bib',
  description: 'We praten Nederlands bij een koffie.',
  date: '2026-12-02',
  start: '14:00',
  end: '16:00',
  place: 'Bib Wetteren',
  address: 'Markt 1',
  gemeente: 'wetteren',
  price: '0',
  organiser: 'Bib Wetteren',
  free: 'ja',
  dutch_context: 'ja',
  accessible_organisation: 'ja',
  ...over,
});

/** Amina onboarded; activities in the catalogue; a gemeente-groep on the console channel. */
const ready = async () => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  await bot.onboard(amina);
  let n = 0;
  const ids = { ...createSeededIds(3), next: (p: string) => `${p}_t${++n}` };
  const ctx = {
    now: bot.clock.now(),
    ids,
    actor: 'test',
    timeZone: 'Europe/Brussels',
    languages: ['nl', 'en', 'ar'],
  };
  await bot.store.transact((tx) => {
    for (const a of [
      activity({}),
      activity({
        title: 'Wandeling langs de Schelde',
        date: '2026-12-05',
        start: '10:00',
        end: '12:00',
        place: 'Kaai',
      }),
      activity({ title: 'Betaalde cursus', date: '2026-12-03', price: '12', free: 'nee' }),
    ]) {
      const r = addActivity(tx, a, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
    }
    const g = addGroup(
      tx,
      { municipality: 'wetteren', address: { channel: 'console', chat: 'groep-wetteren' }, name: 'Wetteren' },
      ctx,
    );
    if (!g.ok) throw new Error('group');
  });
  await bot.app.tick(); // plans the weekly digests, as the running bot does within seconds
  return { bot, amina, sara: bot.user('sara'), lotte: bot.user('lotte') };
};

const groupPosts = (bot: TestBot) => bot.channel.sent.filter((s) => s.to.chat === 'groep-wetteren');
const at = async (bot: TestBot, iso: string) => {
  bot.clock.set(new Date(iso));
  await bot.app.tick();
  await bot.app.idle();
};

describe('the aanbod: weekly digest, RSVP, reminder, attendance to hours', () => {
  it('sends the weekly digest on Monday 10:00 to the group and one to one, only what meets the criteria', async () => {
    const { bot, amina, sara } = await ready();
    expect(groupPosts(bot)).toHaveLength(0);
    await at(bot, '2026-11-30T09:00:00Z');
    const [post] = groupPosts(bot);
    expect(post!.message.text).toContain('📣 Gratis activiteiten in Wetteren');
    expect(post!.message.text).toContain('1. Taalcafé in de bib');
    expect(post!.message.text).toContain('2. Wandeling langs de Schelde');
    expect(post!.message.text).not.toContain('Betaalde cursus');
    expect(post!.message.text).toContain('privébericht');
    expect(amina.lastReply).toContain('Kom je mee? Stuur het nummer. Bijvoorbeeld: ik kom 2');
    expect(sara.lastReply).toContain('1. Taalcafé in de bib');
    const [b] = await bot.store.read((tx) => tx.list('broadcasts'));
    expect(b).toMatchObject({ kind: 'digest', status: expect.stringMatching(/sending|done/) });
    // The next Monday is planned, once.
    await bot.app.tick();
    const jobs = await bot.store.read((tx) =>
      tx.list('jobs', (j) => j.kind === 'digest' && j.status === 'due'),
    );
    expect(jobs.map((j) => j.dueAt)).toEqual(['2026-12-07T09:00:00.000Z']);
    expect(groupPosts(bot)).toHaveLength(1);
  });

  it('"ik kom 1" is an RSVP; a reminder the evening before; afterwards "were you there?" becomes hours', async () => {
    const { bot, amina, lotte } = await ready();
    await at(bot, '2026-11-30T09:00:00Z');
    await amina.says('ik kom 1');
    expect(amina.lastReply).toBe(
      '👍 Fijn! Je komt naar Taalcafé in de bib.\n📅 wo 2/12 om 14:00\n📍 Bib Wetteren\nDe avond ervoor krijg je een herinnering. Nu komen er 1.',
    );
    await amina.says('ik kom 1');
    expect(amina.lastReply).toContain('Je had al gezegd');
    await at(bot, '2026-12-01T16:59:00Z');
    expect(amina.lastReply).not.toContain('⏰');
    await at(bot, '2026-12-01T17:00:00Z');
    expect(amina.lastReply).toBe(
      '⏰ Morgen: Taalcafé in de bib\n📅 wo 2/12 om 14:00\n📍 Bib Wetteren, Markt 1\nTot morgen!',
    );
    await at(bot, '2026-12-02T15:31:00Z');
    expect(amina.lastReply).toBe(
      'Was je bij Taalcafé in de bib? Stuur een cijfer.\n1. Ja, 2 uur\n2. Ja, maar korter of langer\n3. Nee',
    );
    await amina.says('1');
    expect(amina.lastReply).toContain('✅ Bewaard: 2 uur.');
    const entries = await bot.store.read((tx) => tx.list('ledger'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      minutes: 120,
      date: '2026-12-02',
      status: 'pending',
      offerType: 'groepsactiviteit',
    });
    expect(lotte.lastReply).toContain('Amina');
    const [rsvp] = await bot.store.read((tx) => tx.list('rsvps'));
    expect(rsvp!.entryId).toBe(entries[0]!.id);
    // Asked once only.
    await at(bot, '2026-12-03T15:31:00Z');
    expect(await bot.store.read((tx) => tx.list('ledger').length)).toBe(1);
  });

  it('a number without a recent aanbod, or with a unit, is not an RSVP', async () => {
    const { bot, amina } = await ready();
    await amina.says('ik kom 1');
    expect(await bot.store.read((tx) => tx.list('rsvps').length)).toBe(0);
    await at(bot, '2026-11-30T09:00:00Z');
    await amina.says('gisteren 2 uur bib');
    expect(await bot.store.read((tx) => tx.list('rsvps').length)).toBe(0);
    await at(bot, '2026-12-09T09:00:00Z');
    await amina.says('menu');
    await amina.says('3');
  });

  it('after stop the digest still reaches the group, not the person', async () => {
    const { bot, amina } = await ready();
    await amina.says('stop');
    await at(bot, '2026-11-30T09:00:00Z');
    expect(amina.all.some((r) => r.includes('📣'))).toBe(false);
    expect(groupPosts(bot)).toHaveLength(1);
    // Reading the group, she can still say she comes, privately, with the group post's number.
    await amina.says('ik kom 2');
    expect(amina.lastReply).toContain('Je komt naar Wandeling langs de Schelde');
  });

  it('a coach sends one activity now or later with /netwerkbot broadcast, and sees progress and who comes', async () => {
    const { bot, amina, lotte } = await ready();
    await lotte.sends(staff('broadcast wandeling wanneer="2026-11-24 09:30"'));
    expect(lotte.lastReply).toBe(
      '🗓️ Wandeling langs de Schelde wordt verstuurd op di 24/11 om 09:30: naar 1 groep(en) en 2 mensen.',
    );
    await at(bot, '2026-11-24T08:29:00Z');
    expect(groupPosts(bot)).toHaveLength(0);
    await at(bot, '2026-11-24T08:30:00Z');
    expect(groupPosts(bot)).toHaveLength(1);
    expect(amina.lastReply).toContain('📣 Activiteit in Wetteren\n\nWandeling langs de Schelde');
    await amina.says('ik kom 1');
    expect(amina.lastReply).toContain('Je komt naar Wandeling langs de Schelde');
    // The coach's answer is updated in place (where the platform can edit) with progress and RSVPs.
    await bot.app.tick();
    await bot.app.idle();
    const toLotte = bot.channel.sent.filter((m) => m.to.user === 'lotte');
    const statusIndex = toLotte.findIndex((m) => m.message.text.startsWith('🗓️ Wandeling'));
    const updates = toLotte.filter((m) => m.message.replace !== undefined).map((m) => m.message);
    console.log(toLotte.map((m) => [m.message.replace, m.message.text]));
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(updates.map((u) => u.replace)).size).toBe(1);
    expect(updates.at(-2)!.text).toBe(
      '📣 Wandeling langs de Schelde (👥 0)\n3 van 3 verstuurd, 0 mislukt (klaar)',
    );
    expect(updates.at(-1)!.text).toBe(
      '📣 Wandeling langs de Schelde (👥 1)\n3 van 3 verstuurd, 0 mislukt (klaar)',
    );
    expect(statusIndex).toBeGreaterThanOrEqual(0);
    await lotte.sends(staff('broadcast status'));
    expect(lotte.lastReply).toBe(
      '📊 Laatste berichten:\n• Wandeling langs de Schelde (👥 1): 3 van 3 verstuurd, 0 mislukt (klaar)',
    );
    await lotte.sends(staff('broadcast zwemmen'));
    expect(lotte.lastReply).toBe('Ik vind geen activiteit zwemmen in jouw gemeente.');
    await lotte.sends(staff('broadcast taalcafé wanneer=morgen'));
    expect(lotte.lastReply).toMatch(/^Dat tijdstip begrijp ik niet/);
  });

  it('a coach adds an activity with /netwerkbot activity add (what the Slack form sends)', async () => {
    const { bot, lotte } = await ready();
    await lotte.sends(
      staff(
        'activity add title="Kookavond" description="We koken samen." date=2026-12-04 start=18:00 end=21:00 place="Buurthuis" address="Kerkstraat 2" price=0 organiser="Buurtwerk" free=ja dutch_context=ja accessible_organisation=nee',
      ),
    );
    expect(lotte.replies[0]).toMatch(/^✅ Kookavond staat in het aanbod \(/);
    expect(lotte.replies[1]).toContain('geen toegankelijke organisatie');
    const a = await bot.store.read((tx) => tx.list('activities', (x) => x.title === 'Kookavond')[0]);
    expect(a).toMatchObject({
      municipalities: ['wetteren'],
      startsAt: '2026-12-04T17:00:00.000Z',
      createdBy: bot.demo.coach.id,
    });
    await lotte.sends(staff('activity add title="Zonder datum" free=ja'));
    expect(lotte.lastReply).toMatch(/^Die activiteit kan ik niet bewaren:\n• /);
    await lotte.sends(staff('activity add title="Elders" gemeente=gent'));
    expect(lotte.lastReply).toContain('Je kan niemand toevoegen in gent');
  });

  it('a member who writes in the gemeente-groep gets a private hint, at most once a day', async () => {
    const { bot } = await ready();
    let n = 0;
    const chatter = (user: string, group: string) =>
      bot.channel.receive({
        kind: 'text',
        text: '',
        id: `g${++n}`,
        receivedAt: bot.clock.now().toISOString(),
        address: { channel: 'console', chat: user, user },
        inGroup: true,
        unaddressed: true,
        group,
      });
    const to = (user: string) =>
      bot.channel.sent.filter((s) => s.to.user === user).map((s) => s.message.text);
    await chatter('nour', 'groep-wetteren');
    await bot.app.idle();
    expect(to('nour')).toHaveLength(1);
    expect(to('nour')[0]).toContain('In de groep van Wetteren posten alleen wij.');
    expect(to('nour')[0]).toContain('Send'); // someone the bot does not know gets it in several languages
    await chatter('nour', 'groep-wetteren');
    await chatter('nour', 'other-group');
    await bot.app.idle();
    expect(to('nour')).toHaveLength(1);
    expect(groupPosts(bot)).toHaveLength(0);
    bot.clock.advance(DAY);
    await chatter('nour', 'groep-wetteren');
    await bot.app.idle();
    expect(to('nour')).toHaveLength(2);
    // Known people get it in their language; nothing else is stored about the member.
    await chatter('sara', 'groep-wetteren');
    await bot.app.idle();
    expect(to('sara').at(-1)).toBe(
      'Hallo! In de groep van Wetteren posten alleen wij. Een vraag? Stuur me hier een bericht. Wil je de activiteiten niet meer? Stuur stop.',
    );
    const stored = await bot.store.read((tx) => ({
      conversations: tx.list('conversations').map((c) => c.address.user),
      hints: tx.list('hints').map((h) => Object.keys(h).sort()),
    }));
    expect(stored.conversations).not.toContain('nour');
    expect(stored.hints[0]).toEqual(['at', 'id', 'v']);
  });

  it('splits a long digest into parts that each stand alone', async () => {
    const { bot, sara } = await ready();
    let n = 0;
    const ids = { ...createSeededIds(9), next: (p: string) => `${p}_x${++n}` };
    await bot.store.transact((tx) => {
      for (let i = 0; i < 5; i++) {
        const r = addActivity(
          tx,
          activity({ title: `Praattafel ${i + 1}`, date: '2026-12-03', start: `1${i}:00`, end: `1${i}:45` }),
          { now: bot.clock.now(), ids, actor: 'test', timeZone: 'Europe/Brussels', languages: ['nl'] },
        );
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
      }
    });
    await at(bot, '2026-11-30T09:00:00Z');
    const parts = sara.all.filter((r) => r.startsWith('📣'));
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain('📣 Gratis activiteiten in Wetteren (deel 1 van 2)');
    expect(parts[1]).toContain('📣 Gratis activiteiten in Wetteren (deel 2 van 2)');
    expect(parts[0]).toContain('\n4. ');
    expect(parts[1]).toContain('\n5. ');
    expect(parts[1]).toContain('\n7. ');
    for (const p of parts) expect(p).toContain('ik kom 2');
    expect(groupPosts(bot)).toHaveLength(2);
  });

  it('someone who follows two gemeenten gets a message for both once; so does a group serving both', async () => {
    const { bot, amina, lotte } = await ready();
    await bot.store.transact((tx) => {
      tx.put('municipalities', 'laarne', { v: 1, id: 'laarne', name: 'Laarne' });
      // An admin works for every gemeente (a coach only for their own).
      tx.put('people', bot.demo.coach.id, { ...bot.demo.coach, role: 'admin' });
    });
    await lotte.sends(staff('person follow Amina Laarne'));
    expect(lotte.lastReply).toBe('✅ Amina krijgt nu ook de activiteiten van Laarne.');
    await lotte.sends(staff('person follow Amina Wetteren'));
    expect(lotte.lastReply).toBe('Dat is al de eigen gemeente. Die activiteiten krijgt Wetteren al.');
    await bot.store.transact((tx) => {
      const a = tx.list('activities', (x) => x.title.startsWith('Wandeling'))[0]!;
      tx.put('activities', a.id, { ...a, municipalities: ['wetteren', 'laarne'] });
      tx.put('groups', 'g-laarne', { ...tx.list('groups')[0]!, id: 'g-laarne', municipality: 'laarne' });
    });
    await lotte.sends(staff('broadcast wandeling gemeente=wetteren,laarne'));
    expect(lotte.lastReply).toContain('naar 1 groep(en) en 2 mensen');
    await at(bot, bot.clock.now().toISOString());
    expect(amina.all.filter((r) => r.includes('Wandeling langs de Schelde'))).toHaveLength(1);
    expect(groupPosts(bot)).toHaveLength(1);
  });

  it('quiet hours: messages wait until 08:00 (the group post too: it wakes every member); the coach can override', async () => {
    const { bot, amina, lotte } = await ready();
    await lotte.sends(staff('broadcast wandeling wanneer="2026-11-23 22:00"'));
    await at(bot, '2026-11-23T21:00:00Z');
    expect(groupPosts(bot)).toHaveLength(0);
    expect(amina.all.some((r) => r.includes('Wandeling'))).toBe(false);
    await at(bot, '2026-11-24T06:59:00Z');
    expect(amina.all.some((r) => r.includes('Wandeling'))).toBe(false);
    await at(bot, '2026-11-24T07:00:00Z');
    expect(amina.all.filter((r) => r.includes('Wandeling'))).toHaveLength(1);
    expect(groupPosts(bot)).toHaveLength(1);
    await lotte.sends(staff('broadcast taalcafé wanneer="2026-11-24 23:00" stilte=negeren'));
    await at(bot, '2026-11-24T22:00:00Z');
    expect(amina.all.filter((r) => r.includes('Taalcafé'))).toHaveLength(1);
  });

  it('opt-out and back: "stop" ends the aanbod one to one, "start" brings it back, both confirmed in one line', async () => {
    const { bot, amina } = await ready();
    await amina.says('stop');
    expect(amina.replies[0]).toBe(
      'Oké. Je krijgt geen activiteiten meer. Berichten over je traject krijg je wel. Wil je weer activiteiten? Stuur start.',
    );
    await at(bot, '2026-11-30T09:00:00Z');
    expect(amina.all.some((r) => r.includes('📣'))).toBe(false);
    await amina.says('start');
    expect(amina.replies[0]).toBe('Oké. Je krijgt weer activiteiten.');
    await bot.user('lotte').sends(staff('broadcast wandeling stilte=negeren'));
    await at(bot, bot.clock.now().toISOString());
    expect(amina.all.some((r) => r.includes('📣'))).toBe(true);
  });
});
