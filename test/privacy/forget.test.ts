import { describe, expect, it } from 'vitest';
import { createTestBot, type TestBot, type TestUser } from '../helpers/bot.js';

const press = (choice: string) => ({ kind: 'choice' as const, choice });
const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });

/** Amina onboarded, reported two hours with Sara (confirmed), then asked to be forgotten. */
const asked = async (): Promise<{ bot: TestBot; amina: TestUser; lotte: TestUser; id: string }> => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  const sara = bot.user('sara');
  await bot.onboard(amina);
  await amina.says('gisteren 2u met Sara naar de bakkerij Zonnebloem');
  await amina.says('1');
  await sara.says('1');
  await amina.says('menu');
  const n = /^(\d+)\. Mijn gegevens/m.exec(amina.lastReply)![1]!;
  await amina.says(n);
  await amina.says('3');
  await amina.says('1');
  const id = await bot.store.read((tx) => tx.list('erasures')[0]!.id);
  return { bot, amina, lotte: bot.user('lotte'), id };
};

describe('vergeet mij', () => {
  it('goes to the coach, who confirms with the button; then Amina is forgotten but her hours stay as proof', async () => {
    const { bot, amina, lotte, id } = await asked();
    expect(amina.replies).toEqual(['Je vraag is bij je coach. Je coach kijkt ernaar.']);
    expect(lotte.lastReply).toBe(
      '🔒 Amina vraagt: vergeet mij. Bevestigen wist alle gegevens. De uren blijven als bewijs, zonder naam.\n1. Bevestigen\n2. Weigeren',
    );
    const coachMessage = bot.channel.sent.filter((s) => s.to.user === 'lotte').at(-1)!.message;
    expect(coachMessage.choices?.map((c) => c.value)).toEqual([
      `/netwerkbot forget confirm ${id}`,
      `/netwerkbot forget reject ${id}`,
    ]);
    const aminaId = await bot.store.read((tx) => tx.list('people', (p) => p.name === 'Amina')[0]!.id);

    await lotte.sends(press(`/netwerkbot forget confirm ${id}`));
    expect(lotte.replies).toEqual([
      '✅ De gegevens zijn gewist. 1 uren-regels blijven als bewijs, zonder naam.',
    ]);

    const after = await bot.store.read((tx) => ({
      person: tx.get('people', aminaId)!,
      identities: tx.list('identities', (i) => i.personId === aminaId).length,
      conversations: tx.list('conversations', (c) => c.address.user === 'amina').length,
      invites: tx.list('invites', (i) => i.personId === aminaId).length,
      ledger: tx.list('ledger', (e) => e.newcomerId === aminaId),
      request: tx.get('erasures', id)!,
      audit: tx.list('audit', (a) => a.action === 'erase'),
      duo: tx.get('duos', 'duo_demo1')!,
    }));
    expect(after.person).toMatchObject({
      name: 'verwijderd',
      keptBecause: 'proof_of_hours',
      erasedAt: '2026-11-23T09:00:00.000Z',
      broadcasts: false,
      consent: { given: false },
    });
    expect(after.identities + after.conversations + after.invites).toBe(0);
    expect(after.ledger).toHaveLength(1);
    expect(after.ledger[0]).toMatchObject({
      minutes: 120,
      status: 'confirmed',
      offerType: 'buddy',
      description: null,
    });
    expect(after.ledger[0]!.history.map((h) => h.action)).toEqual(['reported', 'confirmed']);
    expect(JSON.stringify(after.ledger)).not.toMatch(/Zonnebloem|Amina/);
    expect(after.request).toMatchObject({ status: 'done', decidedBy: after.audit[0]!.actorId });
    expect(after.audit).toMatchObject([{ what: 'erasure', subjectId: aminaId, via: 'console' }]);
    expect(after.duo.newcomerId).toBe(aminaId);

    // A second press is a refusal, not a second erasure; the old chat is a stranger now.
    await lotte.sends(press(`/netwerkbot forget confirm ${id}`));
    expect(lotte.replies).toEqual([`Over vraag ${id} is al beslist.`]);
    await amina.says('menu');
    expect(amina.lastReply).not.toContain('Amina');
  });

  it("the coach's own conversation does not keep the name when she confirms from the middle of a flow", async () => {
    const { bot, lotte, id } = await asked();
    await lotte.says('menu');
    const key = 'console|lotte|lotte|';
    await bot.store.transact((tx) => {
      const c = tx.get('conversations', key)!;
      tx.put('conversations', key, {
        ...c,
        state: { ...c.state, vars: { ...c.state.vars, newcomer: 'Amina' } },
      });
    });
    await lotte.sends(press(`/netwerkbot forget confirm ${id}`));
    expect(lotte.lastReply).toMatch(/^✅ De gegevens zijn gewist/);
    const conv = await bot.store.read((tx) => tx.get('conversations', key));
    expect(conv).toBeDefined();
    expect(JSON.stringify(conv)).not.toContain('Amina');
  });

  it('a rejection keeps everything and tells the person', async () => {
    const { bot, amina, lotte, id } = await asked();
    await lotte.sends(staff(`forget reject ${id}`));
    expect(lotte.replies).toEqual(['Geweigerd. De persoon hoort het.']);
    expect(amina.replies.at(-1)).toBe('Je coach wist je gegevens nog niet. Je coach neemt contact op.');
    const p = await bot.store.read((tx) => tx.list('people', (x) => x.name === 'Amina'));
    expect(p).toHaveLength(1);
    expect(await bot.store.read((tx) => tx.get('erasures', id)?.status)).toBe('rejected');
  });

  it('asking twice sends the coach one request; usage and unknown ids are replies', async () => {
    const { bot, amina, lotte } = await asked();
    await amina.says('menu');
    const n = /^(\d+)\. Mijn gegevens/m.exec(amina.lastReply)![1]!;
    await amina.says(n);
    await amina.says('3');
    await amina.says('1');
    expect(amina.replies).toEqual(['Je vraag is al bij je coach.']);
    expect(await bot.store.read((tx) => tx.count('erasures'))).toBe(1);
    await lotte.sends(staff('forget'));
    expect(lotte.lastReply).toMatch(/^Gebruik: \/netwerkbot forget confirm/);
    await lotte.sends(staff('forget confirm er_nope'));
    expect(lotte.lastReply).toBe('Geen vraag met nummer er_nope.');
    // Sara is no coach: the command is not hers.
    const sara = bot.user('sara');
    await sara.sends(staff('forget confirm er_nope'));
    expect(sara.lastReply).not.toContain('er_nope');
  });
});
