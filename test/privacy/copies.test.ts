import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/index.js';
import { erasePerson } from '../../src/domain/privacy/erase.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { removeCopies } from '../../src/store/file/purge.js';
import { memoryStore } from '../helpers/store.js';

const NOW = new Date('2026-11-23T09:00:00Z');

describe('what else may hold an erased person', () => {
  it('removeCopies deletes the backups and the proof documents made for coaches, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-copies-'));
    try {
      mkdirSync(join(dir, 'backup', '2026-11-23T09-00-00'), { recursive: true });
      writeFileSync(join(dir, 'backup', '2026-11-23T09-00-00', 'data.jsonl'), 'Amina');
      mkdirSync(join(dir, 'proofs'));
      writeFileSync(join(dir, 'proofs', 'bewijs_amina_01_buddy_sara.pdf'), '%PDF Amina');
      writeFileSync(join(dir, 'data.jsonl'), '{}');
      expect(await removeCopies(dir)).toBe(2);
      expect(readdirSync(join(dir, 'backup'))).toEqual([]);
      expect(readdirSync(join(dir, 'proofs'))).toEqual([]);
      expect(existsSync(join(dir, 'data.jsonl'))).toBe(true);
      expect(await removeCopies(join(dir, 'nothing-here'))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("erasing a newcomer also removes a buddy's handover about them", async () => {
    const store = memoryStore();
    const { amina } = await store.transact((tx) => {
      seedDemo(tx, NOW, LANGUAGES, 'console');
      const id = (n: string) => tx.list('people', (p) => p.name === n)[0]!.id;
      const [amina, sara] = [id('Amina'), id('Sara')];
      tx.put('handovers', 'h1', {
        v: 1,
        id: 'h1',
        personId: sara,
        aboutId: amina,
        coachId: null,
        status: 'open',
        openedAt: NOW.toISOString(),
        reason: 'buddy_question',
      });
      return { amina };
    });
    expect((await store.transact((tx) => erasePerson(tx, amina, { now: NOW }))).ok).toBe(true);
    expect(await store.read((tx) => tx.list('handovers'))).toEqual([]);
  });
});
