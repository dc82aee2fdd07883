import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/app.js';
import { createSeededIds } from '../../src/core/clock.js';
import { issueInvite } from '../../src/domain/index.js';
import { createTestBot } from '../helpers/bot.js';

const { i18n } = loadContent();
const t = (lng: string, key: string, params: Record<string, string> = {}) => i18n.t(lng, key, params);
const RLM = '\u200f';

describe('onboarding in Dutch', () => {
  it('links the code, asks the language, explains who and why, records consent, shows the menu', async () => {
    const bot = await createTestBot();
    const amina = bot.user('amina');

    await amina.says('hallo');
    expect(amina.replies).toHaveLength(1);
    expect(amina.lastReply).toContain('Ik ken je nog niet. Heb je een code van je coach?');
    expect(amina.lastReply).toContain(t('en', 'common:unknown_sender'));
    expect(amina.lastReply).toContain(t('ar', 'common:unknown_sender'));

    await amina.says(bot.code('amina').toLowerCase().replace('-', ' '));
    expect(amina.replies).toEqual([
      [
        'Hallo Amina! 👋 Welke taal wil je? Stuur een cijfer.',
        '1. Nederlands',
        '2. English',
        '3. Français',
        '4. العربية',
        '5. Українська',
        '6. Русский',
        '7. Türkçe',
        '8. فارسی',
      ].join('\n'),
    ]);

    await amina.says('1');
    expect(amina.replies[0]).toBe(
      'Ik ben Netwerkbot van de gemeente Wetteren. Ik help je met je 40 uur netwerk. Je vindt bij mij activiteiten. Je kan ook je uren doorgeven.',
    );
    expect(amina.replies[1]).toBe(
      'Je coach is Lotte. Lotte kan je bellen of een bericht sturen. Dat is om je te helpen.',
    );
    expect(amina.replies[2]).toContain('Wat bewaren we?');
    expect(amina.lastReply).toBe('Ga je akkoord? Stuur een cijfer.\n1. Ja, akkoord\n2. Nee\n3. Meer uitleg');

    await amina.says('3');
    expect(amina.replies[0]).toContain('We bewaren je gegevens tot het einde van je traject.');
    expect(amina.lastReply).toMatch(/^Ga je akkoord\?/);

    await amina.says('ja');
    expect(amina.replies[0]).toBe('Dank je! Welkom bij Netwerkbot. 🎉');
    expect(amina.lastReply).toMatch(
      /^Wat wil je doen\? Stuur een cijfer\.\n1\. Uren doorgeven\n2\. Mijn uren/,
    );

    const saved = await bot.store.read((tx) => ({
      person: tx.get('people', bot.demo.invited[0]!.person.id),
      invite: tx.list('invites', (i) => i.personId === bot.demo.invited[0]!.person.id)[0],
      identities: tx.list('identities', (i) => i.personId === bot.demo.invited[0]!.person.id),
    }));
    expect(saved.person).toMatchObject({ lang: 'nl', consent: { given: true, privacyVersion: 1 } });
    expect(saved.invite?.usedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(saved.identities.map((i) => i.address.user)).toEqual(['amina']);
  });

  it('a used, unknown or expired code gets a clear answer and links nothing', async () => {
    const bot = await createTestBot();
    await bot.user('amina').says(bot.code('amina'));
    const stranger = bot.user('stranger');
    await stranger.says(bot.code('amina'));
    expect(stranger.lastReply).toContain('Die code is al gebruikt.');
    await stranger.says('ZZZZ-2222');
    expect(stranger.lastReply).toContain('Die code ken ik niet.');
    bot.clock.advance(400 * 86_400_000);
    await stranger.says(bot.code('yusuf'));
    expect(stranger.lastReply).toContain('Die code is niet meer geldig.');
    const stored = await bot.store.read((tx) => ({
      conversations: tx.list('conversations', (c) => c.address.user === 'stranger').length,
      identities: tx.list('identities', (i) => i.address.user === 'stranger').length,
    }));
    expect(stored).toEqual({ conversations: 0, identities: 0 });
  });

  it('saying no to the privacy text is fine: the coach gets a request', async () => {
    const bot = await createTestBot();
    const yusuf = bot.user('yusuf');
    await yusuf.says(bot.code('yusuf'));
    await yusuf.says('1');
    await yusuf.says('nee');
    expect(yusuf.lastReply).toBe('Dat is oké. Je coach belt je om alles uit te leggen.');
    const requests = await bot.store.read((tx) => tx.list('requests'));
    expect(requests).toMatchObject([{ reason: 'no_consent', coachId: bot.demo.coach.id, status: 'open' }]);
    // without consent, the menu leads back to the privacy question
    await yusuf.says('menu');
    expect(yusuf.lastReply).toMatch(/^Ga je akkoord\?/);
  });
});

describe('a second channel', () => {
  it('links a second chat of a person who already agreed, straight to the menu', async () => {
    const bot = await createTestBot();
    const invite = await bot.store.transact((tx) =>
      issueInvite(tx, bot.demo.buddy.id, {
        now: bot.clock.now(),
        ids: createSeededIds(99),
        actor: 'test',
        inviteTtlDays: 14,
      }),
    );
    const phone = bot.user('sara-telegram');
    await phone.says(invite.code);
    expect(phone.replies[0]).toBe('Hallo Sara! Je kan me nu ook hier berichten sturen.');
    expect(phone.lastReply).toMatch(/^Wat wil je doen\?/);
    const ids = await bot.store.read((tx) => tx.list('identities', (i) => i.personId === bot.demo.buddy.id));
    expect(ids.map((i) => i.address.user).sort()).toEqual(['sara', 'sara-telegram']);
  });
});

describe('onboarding in Arabic', () => {
  it('switches to Arabic after the choice, right-to-left, and reads Arabic digits', async () => {
    const bot = await createTestBot();
    const amina = bot.user('amina');
    await amina.says(bot.code('amina'));
    await amina.says('4');
    const [hello, who, data, question] = amina.replies;
    expect(hello).toBe(RLM + t('ar', 'onboarding:hello', { gemeente: 'Wetteren' }));
    expect(who).toBe(RLM + t('ar', 'onboarding:who', { coach: 'Lotte' }));
    expect(data).toMatch(/[\u0600-\u06ff]/);
    expect(question?.split('\n')).toEqual([
      RLM + t('ar', 'onboarding:consent_question'),
      `${RLM}1. ${t('ar', 'onboarding:consent_yes')}`,
      `${RLM}2. ${t('ar', 'onboarding:consent_no')}`,
      `${RLM}3. ${t('ar', 'onboarding:consent_more')}`,
    ]);

    await amina.says('١');
    expect(amina.replies[0]).toBe(RLM + t('ar', 'onboarding:welcome'));
    expect(amina.lastReply.split('\n')[0]).toBe(RLM + t('ar', 'menu:newcomer_title'));
    const person = await bot.store.read((tx) => tx.get('people', bot.demo.invited[0]!.person.id));
    expect(person).toMatchObject({ lang: 'ar', consent: { given: true } });
  });

  it('understands global words typed in Arabic', async () => {
    const bot = await createTestBot();
    const amina = bot.user('amina');
    await amina.says(bot.code('amina'));
    await amina.says('4');
    const helpWord = t('ar', 'common:kw.help').split(',')[0]!;
    await amina.says(helpWord);
    expect(amina.replies[0]).toBe(
      t('ar', 'common:help')
        .split('\n')
        .map((l) => RLM + l)
        .join('\n'),
    );
    // "hulp" also offers the coach; "no" brings the question back.
    expect(amina.lastReply).toContain(t('ar', 'handover:offer'));
    await amina.says('2');
    expect(amina.lastReply).toContain(t('ar', 'onboarding:consent_question'));
  });
});
