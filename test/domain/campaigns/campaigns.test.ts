import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setFirstMeeting } from '../../../src/domain/index.js';
import { world, type World } from './world.js';

const GOLDEN = new URL('./golden/', import.meta.url);

/** What a golden file holds: the campaign marks, the coach's tasks and every message, in order. */
const sequence = async (w: World): Promise<string[]> => [
  '# marks',
  ...(await w.marks()),
  '# tasks',
  ...(await w.tasks()),
  '# messages',
  ...w.log,
];

/** Compares with the committed golden file (UPDATE_GOLDEN=1 rewrites it after a deliberate change). */
const golden = (name: string, lines: string[]) => {
  const file = new URL(name, GOLDEN);
  const text = `${lines.join('\n')}\n`;
  if (process.env['UPDATE_GOLDEN']) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `golden file ${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
};

describe('follow-up campaigns over six months', () => {
  it('VGC: the expected sequence for a duo (golden file)', async () => {
    const w = await world('vgc');
    const sara = w.bot.user('sara');
    await w.until('2026-11-23T10:00:00Z');
    expect(sara.lastReply).toContain('Je bent nu buddy van Amina');
    await sara.says('1');
    // The first meeting on 28 November, told by the coach.
    await w.until('2026-11-29T08:00:00Z');
    await w.bot.store.transact((tx) => setFirstMeeting(tx, 'duo_demo1', '2026-11-28'));
    await w.until('2027-05-25T12:00:00Z');
    golden('vgc.txt', await sequence(w));
  }, 120_000);

  it('Wetteren: the expected sequence for a duo (golden file)', async () => {
    const w = await world('wetteren');
    await w.until('2026-11-30T07:00:00Z');
    // Sara reports their first meeting: the first-meeting events hang from it.
    await w.bot.user('sara').says('gisteren 2u met Amina');
    await w.bot.user('sara').says('1');
    await w.until('2027-05-25T12:00:00Z');
    golden('wetteren.txt', await sequence(w));
  }, 120_000);
});
