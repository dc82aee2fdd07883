import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import { confirmEntry, createPerson, recordEntry, seedDemo } from '../../src/domain/index.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { runCli } from '../helpers/cli.js';
import { fileStore } from '../helpers/store.js';

/** The demo data plus Amina's confirmed and pending hours and a second "Yusuf" in Wetteren. */
const setup = async (): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'nb-proof-cli-'));
  const store = await fileStore(dir);
  await store.transact((tx) => {
    const now = new Date('2026-11-23T09:00:00Z');
    const demo = seedDemo(tx, now, LANGUAGES);
    const seeded = createSeededIds(3);
    const ids = { ...seeded, next: (p: string) => seeded.next(`${p}x`) };
    const amina = demo.invited[0]!.person.id;
    const r = createPerson(
      tx,
      { name: 'Yusuf', role: 'newcomer', municipality: 'wetteren' },
      { now, ids, actor: 'test', inviteTtlDays: 14, languages: LANGUAGES },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const add = (minutes: number, date: string, organisation: string, description: string) =>
      recordEntry(
        tx,
        { newcomerId: amina, minutes, date, offerType: 'vrijwilligerswerk', organisation, description },
        { personId: amina, via: null },
        { now, ids },
      );
    for (const e of [add(60, '2026-10-01', 'Kringwinkel', '=kassa'), add(120, '2026-12-31', 'Bib', 'boeken')])
      confirmEntry(tx, e.id, { personId: demo.coach.id, via: null }, { now });
    add(30, '2026-11-02', 'Bib', 'rekken');
  });
  await store.close();
  return dir;
};

describe('cli: proof and report tb', () => {
  let data: string;
  beforeAll(async () => {
    data = await setup();
  });

  it('proof writes one PDF per proof into --out; an ambiguous name lists the people; a bad format is usage', async () => {
    const out = join(data, 'out');
    const ok = await runCli(['proof', 'Amina', '--out', out], { DATA_DIR: data });
    expect(ok.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      'bewijs_amina_01_vrijwilligerswerk_kringwinkel.pdf',
      'bewijs_amina_02_vrijwilligerswerk_bib.pdf',
    ]);
    expect(ok.out).toContain(`Geschreven: ${join(out, files[0]!)}`);
    expect(ok.out).toContain('Nog 1 keer uren wachten op bevestiging.');
    const text = (await new PDFParse({ data: new Uint8Array(readFileSync(join(out, files[1]!))) }).getText())
      .text;
    expect(text).toContain('Totaal: 2 uur');
    expect(text).toContain('02/11/2026, 0,5 uur: rekken');

    const several = await runCli(['proof', 'Yusuf', '--format', 'csv', '--out', out], { DATA_DIR: data });
    expect(several.code).toBe(1);
    expect(several.err).toMatch(
      /Meer mensen passen bij Yusuf: Yusuf \(p_000004\), Yusuf \(px_000001\)\. Geef de id\./,
    );

    const csv = await runCli(['proof', 'amina', '--format', 'csv', '--out', out], { DATA_DIR: data });
    expect(csv.code).toBe(0);
    const lines = readFileSync(join(out, 'bewijs_amina.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'proof;newcomer;newcomer_id;offer_type;organisation;contact;date;minutes;hours;what;status;confirmed_by;confirmed_at;channel;corrected',
    );
    expect(lines.slice(1).map((l) => l.split(';').slice(6, 12).join(';'))).toEqual([
      "2026-10-01;60;1;'=kassa;confirmed;Lotte",
      '2026-12-31;120;2;boeken;confirmed;Lotte',
      '2026-11-02;30;0.5;rekken;pending;',
    ]);

    const bad = await runCli(['proof', 'Amina', '--format', 'xls'], { DATA_DIR: data });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format kent "xls" niet.');
  });

  it('report tb: one row per newcomer, hours from --from to --to inclusive', async () => {
    const r = await runCli(
      ['report', 'tb', '--from', '2026-10-01', '--to', '2026-12-30', '--gemeente', 'wetteren'],
      {
        DATA_DIR: data,
      },
    );
    expect(r.code).toBe(0);
    const [header, ...rows] = r.out.trim().split('\n');
    expect(header).toBe(
      'newcomer_id;newcomer;gemeente;coach;status;obligation;term_start;term_end;confirmed_hours;pending_hours;confirmed_total_hours;offer_types;paused_days;paused_since;last_contact',
    );
    const amina = rows.find((l) => l.split(';')[1] === 'Amina')!.split(';');
    expect([amina[8], amina[9], amina[10], amina[11], amina[14]]).toEqual([
      '1',
      '0.5',
      '1',
      'vrijwilligerswerk',
      '2026-11-02',
    ]);
  });
});
