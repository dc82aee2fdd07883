import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/index.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { createTestBot } from '../helpers/bot.js';
import { runCli } from '../helpers/cli.js';
import { fileStore } from '../helpers/store.js';

const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });

describe('audit log', () => {
  it('keeps who looked at whose hours and duo log in the chat (ids only)', async () => {
    const bot = await createTestBot();
    const lotte = bot.user('lotte');
    await lotte.sends(staff('hours Amina'));
    await lotte.sends(staff('log Amina'));
    await lotte.sends(staff('log duo_demo1'));
    await lotte.sends(staff('hours Nobody'));
    const s = await bot.store.read((tx) => ({
      audit: tx.list('audit').map((a) => [a.actorId, a.action, a.what, a.subjectId, a.via]),
      lotte: tx.list('people', (p) => p.name === 'Lotte')[0]!.id,
      amina: tx.list('people', (p) => p.name === 'Amina')[0]!.id,
    }));
    expect(s.audit).toEqual([
      [s.lotte, 'view', 'hours', s.amina, 'console'],
      [s.lotte, 'view', 'duo_log', s.amina, 'console'],
      [s.lotte, 'view', 'duo_log', s.amina, 'console'],
    ]);
  });

  it('CLI: exports are logged; privacy audit, retention and erase (dry run vs real)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-privacy-'));
    try {
      const store = await fileStore(dir);
      const amina = await store.transact((tx) => {
        seedDemo(tx, new Date(), LANGUAGES, 'console');
        const p = tx.list('people', (x) => x.name === 'Amina')[0]!;
        const term = tx.list('trajectories', (t) => t.newcomerId === p.id)[0]!;
        tx.put('trajectories', term.id, { ...term, start: '2023-01-02', end: '2024-01-02', status: 'ended' });
        return p.id;
      });
      await store.close();
      const env = { DATA_DIR: dir, DEMO_DATA: 'false', CLI_LANGUAGE: 'nl', TIMEZONE: 'Europe/Brussels' };
      const run = (...args: string[]) => runCli(args, env);

      expect((await run('export', 'hours')).code).toBe(0);
      expect((await run('export', 'surveys')).code).toBe(0);

      const dry = await run('privacy', 'retention', '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.out).toContain('Proef, er is niets gewist. Bewaartermijn 12 maanden.');
      expect(dry.out).toContain(`${amina} (inburgeraar, Wetteren): traject gestopt op 2024-01-02`);

      const real = await run('privacy', 'retention');
      expect(real.out).toContain('Gewist (bewaartermijn 12 maanden):');
      expect(real.out).toContain(amina);

      const erase = await run('privacy', 'erase', 'Yusuf', '--dry-run');
      expect(erase.code).toBe(0);
      expect(erase.out).toMatch(/^Proef, er is niets gewist\. Voor p_\d+ zou dit verdwijnen:$/m);
      expect(erase.out).toContain('  invites: 1 gewist');
      expect(erase.out).toContain('  0 uren-regels blijven als bewijs (zonder beschrijving).');

      const audit = await run('privacy', 'audit', '--from', '2020-01-01');
      expect(audit.code).toBe(0);
      const lines = audit.out.trim().split('\n');
      expect(lines.map((l) => l.split(/\s{2,}/).slice(1, 4))).toEqual([
        ['cli', 'export', 'export_hours'],
        ['cli', 'export', 'export_surveys'],
        ['cli', 'erase', 'retention'],
      ]);
      expect(lines[2]).toContain(`${amina} (verwijderd)`);

      const after = await fileStore(dir);
      const yusuf = await after.read((tx) => tx.list('people', (p) => p.name === 'Yusuf').length);
      await after.close();
      expect(yusuf).toBe(1); // the dry run erased nobody
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
