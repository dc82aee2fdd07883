import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeBackups } from '../../src/store/file/purge.js';
import { createTestBot } from '../helpers/bot.js';
import { fileStore } from '../helpers/store.js';

/** A WhatsApp-like chat id: the phone number is in it (and in WhatsApp's message ids). */
const PHONE = '32470123456';
const WA = `${PHONE}@c.us`;
const TEXT = 'bakkerij Zonnebloem';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });

/** Every file of the data directory that contains `needle` (case-insensitive). */
const holding = (dir: string, needle: string): string[] =>
  filesUnder(dir).filter((f) => readFileSync(f, 'utf8').toLowerCase().includes(needle.toLowerCase()));

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('vergeet mij over the file store', () => {
  it('leaves the name, the phone digits and the message texts nowhere in the data directory (snapshot, journal, backups)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwerkbot-forget-'));
    dirs.push(dir);

    // Day one: Amina links a WhatsApp-like chat and reports a meeting with a text of her own.
    const first = await createTestBot({ store: await fileStore(dir) });
    const amina1 = first.user(WA);
    await first.onboard(amina1, { code: first.code('amina') });
    await amina1.sends({
      kind: 'text',
      text: `gisteren 2u met Sara naar de ${TEXT}`,
      id: `false_${WA}_3EB0AA01`,
    });
    await amina1.sends({ kind: 'text', text: '1', id: `false_${WA}_3EB0AA02` }); // "Ja, klopt"
    await first.user('sara').says('1');
    await first.app.stop();
    await first.store.close();

    // A restart makes a backup that holds all of it.
    const store = await fileStore(dir);
    const bot = await createTestBot({ store, demo: first.demo, purgeBackups: () => removeBackups(dir) });
    expect(holding(dir, 'Amina').some((f) => f.includes(`${join(dir, 'backup')}`))).toBe(true);
    expect(holding(dir, PHONE).length).toBeGreaterThan(0);
    expect(holding(dir, TEXT).length).toBeGreaterThan(0);

    // Vergeet mij: asked in the chat, confirmed by the coach's button.
    // (The restarted test bot counts message ids from t1 again: these carry ids of their own.)
    const amina = bot.user(WA);
    let seq = 0;
    const say = (text: string) => amina.sends({ kind: 'text', text, id: `false_${WA}_3EB0BB${++seq}` });
    await say('menu');
    const n = /^(\d+)\. Mijn gegevens/m.exec(amina.lastReply)![1]!;
    await say(n);
    await say('3');
    await say('1');
    const id = await store.read((tx) => tx.list('erasures')[0]!.id);
    const lotte = bot.user('lotte');
    await lotte.sends({ kind: 'choice', choice: `/netwerkbot forget confirm ${id}` });
    expect(lotte.lastReply).toMatch(/^✅ De gegevens zijn gewist/);
    await bot.app.tick(); // the tick after an erasure compacts the journal and removes the old backups
    // Already while the bot runs, nothing of her is left on disk...
    for (const needle of ['Amina', PHONE, TEXT]) expect(holding(dir, needle)).toEqual([]);
    const kept = await store.read((tx) => tx.list('ledger'));
    await bot.app.stop();
    await store.close();

    // ...nor after it stopped.
    expect(holding(dir, 'Amina')).toEqual([]);
    expect(holding(dir, PHONE)).toEqual([]);
    expect(holding(dir, TEXT)).toEqual([]);
    expect(holding(dir, 'Zonnebloem')).toEqual([]);
    // The proof of hours is still there: two hours with the buddy, confirmed.
    expect(kept.map((e) => [e.minutes, e.status, e.via?.messageId])).toEqual([[120, 'confirmed', 'erased']]);

    // And the store opens again (a fresh backup now holds only the erased state).
    const again = await fileStore(dir);
    expect(await again.read((tx) => tx.list('people', (p) => p.name === 'verwijderd').length)).toBe(1);
    await again.close();
    expect(holding(dir, 'Amina')).toEqual([]);
  });
});
