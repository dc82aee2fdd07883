import { describe, expect, it } from 'vitest';
import { configuredOptions, loadContent } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/index.js';
import { COLLECTIONS } from '../../../src/domain/schema.js';
import { createTestBot, type TestBot } from '../../helpers/bot.js';

const { i18n } = loadContent();
const t = (lng: string, key: string) => i18n.t(lng, key, {});
/** Codes in the invite format that no invite has. */
const WRONG = ['ABCD2345', 'ABCD2346', 'ABCD2347', 'ABCD2348', 'ABCD2349', 'ABCD2352'];

/** Everything the store holds, as one text. */
const dump = (bot: TestBot) =>
  bot.store.read((tx) => JSON.stringify(COLLECTIONS.map((c) => tx.list(c as never))));

describe('invite codes: at most INVITE_MAX_FAILURES wrong ones an hour per sender', () => {
  it('stops checking after 5 wrong codes, says so once, and keeps only a hash', async () => {
    const bot = await createTestBot();
    const guesser = bot.user('guesser');
    for (const code of WRONG.slice(0, 4)) {
      await guesser.says(code);
      expect(guesser.replies).toEqual([expect.stringContaining(t('nl', 'common:invite_unknown'))]);
    }
    await guesser.says(WRONG[4]!);
    expect(guesser.replies).toHaveLength(1);
    for (const lng of ['nl', 'en', 'fr', 'ar'])
      expect(guesser.lastReply).toContain(t(lng, 'common:access.too_many_codes'));

    // The sixth, even the right code, is not checked and not answered again.
    await guesser.says(WRONG[5]!);
    await guesser.says(bot.code('yusuf'));
    expect(guesser.replies).toEqual([]);
    const yusuf = bot.demo.invited[1]!.person.id;
    const state = await bot.store.read((tx) => ({
      invite: tx.list('invites', (i) => i.personId === yusuf)[0],
      identities: tx.list('identities', (i) => i.address.user === 'guesser'),
      conversations: tx.list('conversations', (c) => c.address.user === 'guesser'),
      attempts: tx.list('attempts'),
    }));
    expect(state.invite?.usedAt).toBeNull();
    expect(state.identities).toEqual([]);
    expect(state.conversations).toEqual([]);
    expect(state.attempts).toHaveLength(1);
    expect(state.attempts[0]!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(state.attempts[0]!.failures).toHaveLength(5);

    // Nothing readable: not the address, not the codes tried.
    const all = await dump(bot);
    expect(all).not.toContain('guesser');
    for (const code of WRONG) expect(all).not.toContain(code);
  });

  it('does not stop another sender', async () => {
    const bot = await createTestBot();
    const guesser = bot.user('guesser');
    for (const code of WRONG) await guesser.says(code);
    expect(guesser.all.join('\n')).toContain(t('nl', 'common:access.too_many_codes'));
    const amina = bot.user('amina');
    await amina.says(bot.code('amina'));
    expect(amina.lastReply).toContain('Hallo Amina!');
  });

  it('checks codes again after the hour; a right code links and forgets the failures', async () => {
    const bot = await createTestBot();
    const guesser = bot.user('guesser');
    for (const code of WRONG) await guesser.says(code);
    bot.clock.advance(59 * 60_000);
    await guesser.says(bot.code('yusuf'));
    expect(guesser.replies).toEqual([]);

    bot.clock.advance(2 * 60_000);
    await guesser.says(bot.code('yusuf'));
    expect(guesser.lastReply).toContain('Hallo Yusuf!');
    expect(await bot.store.read((tx) => tx.list('attempts'))).toEqual([]);
  });

  it('forgets old failures: four, then an hour later four more are still allowed', async () => {
    const bot = await createTestBot();
    const guesser = bot.user('guesser');
    for (const code of WRONG.slice(0, 4)) await guesser.says(code);
    bot.clock.advance(61 * 60_000);
    for (const code of WRONG.slice(0, 4)) {
      await guesser.says(code);
      expect(guesser.lastReply).toContain(t('nl', 'common:invite_unknown'));
    }
    const attempts = await bot.store.read((tx) => tx.list('attempts'));
    expect(attempts.map((a) => a.failures.length)).toEqual([4]);
  });

  it('takes the limit from INVITE_MAX_FAILURES', () => {
    const config = loadConfig({ INVITE_MAX_FAILURES: '3' }, null);
    expect(configuredOptions(config).inviteMaxFailures).toBe(3);
  });
});
