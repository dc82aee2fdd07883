import { describe, expect, it } from 'vitest';
import { setDigestCron } from '../../src/domain/index.js';
import { createTestBot } from '../helpers/bot.js';

// The test bot's clock: Monday 23 November 2026, 10:00 in Brussels.
describe("a gemeente's own digest time", () => {
  it('moves the planned digest to the new cron, and back to the default', async () => {
    const bot = await createTestBot();
    await bot.app.tick();
    const due = () =>
      bot.store.read((tx) =>
        tx.list('jobs', (j) => j.kind === 'digest' && j.status === 'due').map((j) => j.dueAt),
      );
    expect(await due()).toEqual(['2026-11-30T09:00:00.000Z']);
    const r = await bot.store.transact((tx) =>
      setDigestCron(tx, 'wetteren', '0 18 * * 0', 'Europe/Brussels', bot.clock.now()),
    );
    expect(r).toMatchObject({ ok: true, municipality: { digestCron: '0 18 * * 0' } });
    bot.clock.advance(60_000);
    await bot.app.tick();
    expect(await due()).toEqual(['2026-11-29T17:00:00.000Z']);
    await bot.store.transact((tx) => setDigestCron(tx, 'wetteren', null, 'Europe/Brussels', bot.clock.now()));
    bot.clock.advance(60_000);
    await bot.app.tick();
    expect(await due()).toEqual(['2026-11-30T09:00:00.000Z']);
  });

  it('refuses a schedule that is not cron, and an unknown gemeente, changing nothing', async () => {
    const bot = await createTestBot();
    const bad = await bot.store.transact((tx) =>
      setDigestCron(tx, 'wetteren', '0 25 * * 1', 'Europe/Brussels', bot.clock.now()),
    );
    expect(bad).toMatchObject({
      ok: false,
      problem: expect.stringContaining('"0 25 * * 1" is not a cron schedule'),
    });
    const unknown = await bot.store.transact((tx) =>
      setDigestCron(tx, 'gent', '0 10 * * 1', 'Europe/Brussels', bot.clock.now()),
    );
    expect(unknown).toEqual({ ok: false, problem: 'unknown gemeente "gent"' });
    expect(await bot.store.read((tx) => tx.get('municipalities', 'wetteren')?.digestCron)).toBeUndefined();
  });
});
