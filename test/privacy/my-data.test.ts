import { describe, expect, it } from 'vitest';
import { subscribersOf } from '../../src/domain/broadcasts/recipients.js';
import { createTestBot, type TestUser } from '../helpers/bot.js';

/** Amina onboarded in Dutch (or Arabic); she and Sara are the demo duo, Lotte their coach. */
const ready = async (language = '1') => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  await amina.says(bot.code('amina'));
  await amina.says(language);
  await amina.says('1');
  return { bot, amina, lotte: bot.user('lotte'), sara: bot.user('sara') };
};

/** The number of "Mijn gegevens" in the menu the user just got (menus grow; the label stays). */
const optionOf = (u: TestUser, label: RegExp): string => {
  const line = u.lastReply.split('\n').find((l) => label.test(l));
  const n = /^\u200f?(\d+)\./.exec(line ?? '')?.[1]; // RTL lines start with a mark
  if (!n) throw new Error(`no option ${label} in ${u.lastReply}`);
  return n;
};

const openMyData = async (u: TestUser, label = /Mijn gegevens/) => {
  await u.says('menu');
  await u.says(optionOf(u, label));
};

describe('Mijn gegevens', () => {
  it('shows what is kept about me, readable, in Dutch, and logs the view', async () => {
    const { bot, amina } = await ready();
    await amina.says('gisteren 2u met Sara');
    await amina.says('1');
    await openMyData(amina);
    expect(amina.replies).toEqual([
      '🔒 Mijn gegevens. Wat wil je doen? Stuur een cijfer.\n1. Wat bewaren jullie over mij?\n2. Mijn toestemming intrekken\n3. Vergeet mij\n4. Terug',
    ]);
    await amina.says('1');
    const [profile, hours, rest, who] = amina.replies;
    expect(profile).toContain('• naam: Amina');
    expect(profile).toContain('• rol: inburgeraar');
    expect(profile).toContain('• taal: Nederlands');
    expect(profile).toContain('• coach: Lotte');
    expect(profile).toMatch(/• toestemming: ja, sinds /);
    expect(profile).toContain('• chat: console');
    expect(hours).toMatch(/^⏱️ Jouw uren:\n• .*: 2 uur, .*Wacht op bevestiging\.$/);
    expect(rest).toMatch(/👥 Duo:\n• met Sara, sinds .*: loopt/);
    expect(rest).toContain('📅 Traject:');
    expect(who).toContain('Je coach en het Agentschap');
    expect(amina.replies).toHaveLength(4);
    const after = await bot.store.read((tx) => ({
      audit: tx.list('audit', (a) => a.what === 'my_data'),
      vars: [...tx.list('conversations')].map((c) => JSON.stringify(c.state)).join(''),
    }));
    expect(after.audit).toMatchObject([
      { actorId: after.audit[0]!.subjectId, action: 'view', via: 'console' },
    ]);
    // What was shown is not kept in the conversation.
    expect(after.vars).not.toContain('Jouw uren');
    expect(after.vars).not.toContain('my_profile":{');
  });

  it('shows a buddy her role, her duo and the hours she confirms', async () => {
    const { amina, sara } = await ready();
    await amina.says('gisteren 2u met Sara');
    await amina.says('1');
    await sara.says('1');
    await openMyData(sara);
    await sara.says('1');
    const [profile, hours, rest] = sara.replies;
    expect(profile).toContain('• naam: Sara');
    expect(profile).toContain('• rol: buddy');
    expect(hours).toMatch(/• .*: 2 uur, Met mijn buddy\. Bevestigd\./);
    expect(rest).toMatch(/• met Amina, sinds 23\/11\/2026: loopt/);
  });

  it('speaks Arabic (right to left) to a person who chose Arabic', async () => {
    const bot0 = await createTestBot();
    const amina = bot0.user('amina');
    await amina.says(bot0.code('amina'));
    const arabic = optionOf(amina, /العربية/);
    await amina.says(arabic);
    await amina.says('1');
    await openMyData(amina, /بياناتي/);
    expect(amina.lastReply).toContain('🔒 بياناتي');
    await amina.says('1');
    expect(amina.replies[0]).toContain('• الاسم: Amina');
    expect(amina.replies[0]).toContain('• اللغة: العربية');
    expect(amina.replies[0]).toContain('• الدور: قادم جديد');
    expect(amina.replies[1]).toBe('\u200f⏱️ لا نحفظ أي ساعات لك بعد.');
    const rtl = bot0.channel.sent.filter((s) => s.to.user === 'amina').at(-1)!.message;
    expect(rtl.direction).toBe('rtl');
  });

  it('withdraws consent after a yes: no more broadcasts, the coach is told', async () => {
    const { bot, amina, lotte } = await ready();
    await openMyData(amina);
    await amina.says('2');
    expect(amina.lastReply).toMatch(
      /^Wil je je toestemming intrekken\?.*\n1\. Ja, intrekken\n2\. Nee, niets doen$/s,
    );
    await amina.says('1');
    expect(amina.replies).toEqual([
      'Je toestemming is ingetrokken. Je krijgt geen berichten meer. Je coach weet het.',
    ]);
    expect(lotte.replies).toEqual(['🔒 Amina trok de toestemming in. De bot stuurt geen berichten meer.']);
    const s = await bot.store.read((tx) => ({
      amina: tx.list('people', (p) => p.name === 'Amina')[0]!,
      subscribers: subscribersOf(tx, ['wetteren']).map((x) => x.person.name),
      audit: tx.list('audit', (a) => a.what === 'consent'),
    }));
    expect(s.amina.consent).toMatchObject({ given: false, at: '2026-11-23T09:00:00.000Z' });
    expect(s.subscribers).not.toContain('Amina');
    expect(s.audit).toMatchObject([{ action: 'withdraw', subjectId: s.amina.id }]);
    // Back to the menu: she is asked for consent again before anything else.
    await amina.says('menu');
    expect(amina.lastReply).toContain('Ga je akkoord?');
  });

  it('keeps everything after a no', async () => {
    const { bot, amina, lotte } = await ready();
    await openMyData(amina);
    await amina.says('2');
    await amina.says('2');
    expect(amina.replies).toEqual(['Oké. Er verandert niets.']);
    expect(lotte.replies).toEqual([]);
    const p = await bot.store.read((tx) => tx.list('people', (x) => x.name === 'Amina')[0]!);
    expect(p.consent?.given).toBe(true);
  });
});
