import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMunicipality, createPerson, seedDemo } from '../../src/domain/index.js';
import { createSeededIds } from '../../src/core/clock.js';
import { saveSurvey } from '../../src/domain/followup/surveys.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { runCli } from '../helpers/cli.js';
import { fileStore } from '../helpers/store.js';

const HEADER =
  'date;gemeente;newcomer;role;moment;how_it_went;met_people;new_places;courage_dutch;at_home;comment;language';

/**
 * A data directory with the demo duo (Amina and Sara, Wetteren) and a duo Bilal–Jan in Gent, and
 * four survey responses on different days (one just after midnight in Brussels).
 */
const setup = async (): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'nb-surveys-'));
  const store = await fileStore(dir);
  await store.transact((tx) => {
    const now = new Date('2026-11-23T09:00:00Z');
    const demo = seedDemo(tx, now, LANGUAGES);
    addMunicipality(tx, { id: 'gent', name: 'Gent' });
    const seeded = createSeededIds(3);
    const o = {
      now,
      ids: { ...seeded, next: (p: string) => seeded.next(`${p}g`) },
      actor: 'test',
      inviteTtlDays: 14,
      languages: LANGUAGES,
    };
    const make = (name: string, role: 'newcomer' | 'buddy', lang: string) => {
      const r = createPerson(tx, { name, role, municipality: 'gent', lang }, o);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.person;
    };
    const bilal = make('Bilal', 'newcomer', 'ar');
    const jan = make('Jan', 'buddy', 'nl');
    tx.put('duos', 'duo_gent', {
      v: 1,
      id: 'duo_gent',
      newcomerId: bilal.id,
      buddyId: jan.id,
      coachId: null,
      status: 'active',
      matchedAt: now.toISOString(),
    });
    const amina = demo.invited[0]!.person.id;
    const save = (at: string, a: Parameters<typeof saveSurvey>[1]) => {
      const r = saveSurvey(tx, a, { now: new Date(at) });
      if (!r.ok) throw new Error(r.reason);
    };
    save('2026-11-24T10:00:00Z', {
      duoId: 'duo_demo1',
      respondentId: demo.buddy.id,
      moment: 'first_meeting',
      scores: { how_it_went: 5 },
      comment: '=SUM(A1); "fijn"',
    });
    save('2026-12-01T10:00:00Z', {
      duoId: 'duo_demo1',
      respondentId: amina,
      moment: 'three_months',
      scores: { met_people: 4, courage_dutch: 2 },
    });
    save('2026-12-09T23:30:00Z', {
      duoId: 'duo_gent',
      respondentId: bilal.id,
      moment: 'end',
      scores: { met_people: 5, new_places: 5, courage_dutch: 4, at_home: 3 },
      comment: 'شكرا',
    });
    save('2026-12-15T08:00:00Z', {
      duoId: 'duo_gent',
      respondentId: jan.id,
      moment: 'end',
      scores: {},
      comment: '+32 470 mag je bellen',
    });
  });
  await store.close();
  return dir;
};

describe('export surveys', () => {
  let run: (...args: string[]) => ReturnType<typeof runCli>;
  beforeAll(async () => {
    const dir = await setup();
    run = (...args) => runCli(['export', 'surveys', ...args], { DATA_DIR: dir, CLI_LANGUAGE: 'nl' });
  }, 30_000);

  it('writes one CSV row per response, skipped items empty, formulas neutralised', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      HEADER,
      '2026-11-24;wetteren;Amina;buddy;first_meeting;5;;;;;"\'=SUM(A1); ""fijn""";nl',
      '2026-12-01;wetteren;Amina;newcomer;three_months;;4;;2;;;nl',
      '2026-12-10;gent;Bilal;newcomer;end;;5;5;4;3;شكرا;ar',
      "2026-12-15;gent;Bilal;buddy;end;;;;;;'+32 470 mag je bellen;nl",
      '',
    ]);
  }, 30_000);

  it('writes JSON lines, by gemeente (id or name) and by local dates, inclusive', async () => {
    const json = await run(
      '--format',
      'json',
      '--gemeente',
      'Gent',
      '--from',
      '2026-12-10',
      '--to=2026-12-15',
    );
    expect(json.code).toBe(0);
    expect(
      json.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      {
        date: '2026-12-10',
        gemeente: 'gent',
        newcomer: 'Bilal',
        role: 'newcomer',
        moment: 'end',
        how_it_went: '',
        met_people: 5,
        new_places: 5,
        courage_dutch: 4,
        at_home: 3,
        comment: 'شكرا',
        language: 'ar',
      },
      expect.objectContaining({ date: '2026-12-15', role: 'buddy', comment: '+32 470 mag je bellen' }),
    ]);
    const wetteren = await run('--gemeente', 'wetteren', '--to', '2026-11-30');
    expect(wetteren.out.trim().split('\n')).toHaveLength(2); // header and Sara's first meeting
  }, 30_000);

  it('stops with exit 2 and the fix for a bad format or date; exit 1 for an unknown gemeente', async () => {
    const format = await run('--format', 'xlsx');
    expect(format.code).toBe(2);
    expect(format.err).toBe('--format kent "xlsx" niet. Kies --format csv of --format json.\n');
    const date = await run('--from', '1/12/2026');
    expect(date.code).toBe(2);
    expect(date.err).toBe(
      '--from moet een datum zijn, niet "1/12/2026". Schrijf JJJJ-MM-DD, bijvoorbeeld --from 2026-11-23.\n',
    );
    const missing = await run('--to');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^--to moet een datum zijn/);
    const range = await run('--from', '2026-12-10', '--to', '2026-12-01');
    expect(range.code).toBe(2);
    expect(range.err).toMatch(/^--from 2026-12-10 ligt na --to 2026-12-01\./);
    const gemeente = await run('--gemeente', 'Atlantis');
    expect(gemeente.code).toBe(1);
    expect(gemeente.err).toMatch(/^Die gemeente ken ik niet: Atlantis\./);
    expect(gemeente.out).toBe('');
  }, 60_000);
});
