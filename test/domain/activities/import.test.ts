import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/app.js';
import { addActivity, importActivities, type ImportOptions } from '../../../src/domain/activities/index.js';
import { catalogueWorld, validInput, type CatalogueWorld } from './world.js';

const fixture = (name: string) => readFileSync(`${ROOT}test/fixtures/activities/${name}`, 'utf8');

const run = (w: CatalogueWorld, text: string, o: Partial<ImportOptions> = {}) =>
  w.store.transact((tx) => importActivities(tx, text, { ...w.ctx, format: 'csv', file: 'f.csv', ...o }));

/** Problems as `row:column field code`, the way a coach reads them. */
const where = (r: Awaited<ReturnType<typeof run>>) =>
  r.ok ? [] : r.problems.map((p) => `${p.row}:${p.column} ${p.field} ${p.code}`);

const snapshot = (w: CatalogueWorld) => w.store.read((tx) => JSON.stringify(tx.list('activities')));

describe('activity import: CSV', () => {
  it('reads a Flemish Excel export: BOM, ; separator, CRLF, Dutch headers, quotes, a newline in a cell', async () => {
    const w = await catalogueWorld();
    const r = await run(w, fixture('wetteren.csv'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.added).toBe(3);
    const [cafe, koken, wandeling] = r.activities;
    expect(cafe).toMatchObject({
      title: 'Taalcafé',
      description: 'We praten Nederlands; bij een koffie.',
      startsAt: '2026-12-02T13:00:00.000Z',
      address: 'Markt 1, 9230 Wetteren',
      municipalities: ['wetteren'],
      contactId: w.jan.id,
      imageUrl: 'https://example.org/taalcafe.jpg',
      tags: ['children_welcome', 'no_registration'],
      criteria: { free: true, dutchContext: true, accessibleOrganisation: true },
    });
    expect(koken).toMatchObject({
      title: 'Samen koken',
      description: 'Kook mee.\nNeem een schort mee: "je eigen schort".',
      priceCents: 350,
      tags: ['wheelchair'],
      contactId: null,
      criteria: { free: false, dutchContext: true, accessibleOrganisation: true },
    });
    expect(wandeling).toMatchObject({
      startsAt: '2026-12-05T09:00:00.000Z',
      endsAt: '2026-12-05T10:30:00.000Z',
      tags: ['public_transport', 'school_hours'],
    });
    // row numbers as the spreadsheet shows them: the empty row 3 counts
    expect(r.kept_out).toEqual([{ row: 4, id: koken?.id, title: 'Samen koken', criteria: ['free'] }]);
    expect(await w.store.read((tx) => tx.count('activities'))).toBe(3);
  });

  it('reads , separated files with English headers, several gemeenten and translations', async () => {
    const w = await catalogueWorld();
    const r = await run(w, fixture('english.csv'));
    expect(r.ok && r.activities.map((a) => [a.title, a.municipalities, a.translations])).toEqual([
      ['Praattafel, level 1', ['wetteren'], { en: { title: 'Conversation table, level 1' } }],
      ['Kerstmarkt', ['wetteren', 'gent'], {}],
    ]);
    expect(r.ok && r.kept_out).toEqual([expect.objectContaining({ row: 3, criteria: ['dutchContext'] })]);
  });

  it('checks every row first: one bad row and nothing is imported, each problem with row and column', async () => {
    const w = await catalogueWorld();
    await w.store.transact((tx) =>
      addActivity(tx, validInput({ title: 'Bestaand', date: '2026-12-10' }), w.ctx),
    );
    const before = await snapshot(w);
    const r = await run(w, fixture('bad.csv'), { file: 'bad.csv' });
    expect(where(r)).toEqual([
      '3:datum date bad_date',
      '3:gemeente gemeente unknown_gemeente',
      '4:titel title duplicate_in_file',
    ]);
    expect(r.ok ? null : r.problems[0]).toMatchObject({ file: 'bad.csv', params: { value: '31/11/2026' } });
    expect(r.ok ? null : r.problems[2]?.params).toEqual({ row: 2 });
    expect(await snapshot(w)).toBe(before);
  });

  it('refuses a row that is already in the catalogue (same title, start and gemeente)', async () => {
    const w = await catalogueWorld();
    await run(w, fixture('wetteren.csv'));
    const before = await snapshot(w);
    const again = await run(w, fixture('wetteren.csv'));
    expect(where(again)).toEqual([
      '2:titel title duplicate',
      '4:titel title duplicate',
      '5:titel title duplicate',
    ]);
    expect(await snapshot(w)).toBe(before);
  });

  it('names unknown, repeated and missing columns on the header row', async () => {
    const w = await catalogueWorld();
    const r = await run(w, 'titel,title,kleur,datum\nA,B,rood,2026-12-02\n');
    expect(where(r)).toEqual([
      '1:title title duplicate_column',
      '1:kleur kleur unknown_column',
      '1:description description missing_column',
      '1:start start missing_column',
      '1:end end missing_column',
      '1:place place missing_column',
      '1:address address missing_column',
      '1:gemeente gemeente missing_column',
      '1:price price missing_column',
      '1:organiser organiser missing_column',
      '1:free free missing_column',
      '1:dutch_context dutch_context missing_column',
      '1:accessible_organisation accessible_organisation missing_column',
    ]);
  });

  it('uses the default gemeente for rows without one, and reads tab separated files', async () => {
    const w = await catalogueWorld();
    const fields = Object.entries(validInput()).filter(([k]) => k !== 'gemeente');
    const text = `${fields.map(([k]) => k).join('\t')}\n${fields.map(([, v]) => v).join('\t')}\n`;
    expect(where(await run(w, text))).toEqual(['1:gemeente gemeente missing_column']);
    const r = await run(w, text, { defaultGemeente: 'Gent' });
    expect(r.ok && r.activities[0]?.municipalities).toEqual(['gent']);
  });

  it('says so when the file is empty, has only a header, or has a broken quote', async () => {
    const w = await catalogueWorld();
    expect(where(await run(w, ''))).toEqual(expect.arrayContaining(['1: file no_rows']));
    const header = Object.keys(validInput()).join(';');
    expect(where(await run(w, `${header}\n\n;;\n`))).toEqual(['1: file no_rows']);
    const broken = await run(w, `${header}\n"Taalcafé;x\n`);
    expect(where(broken)).toEqual(['2: file bad_file']);
    expect(broken.ok ? '' : broken.problems[0]?.message).toMatch(/^cannot read the file: .*quote/i);
  });
});

describe('activity import: YAML', () => {
  const yaml = (w: CatalogueWorld, text: string, o: Partial<ImportOptions> = {}) =>
    run(w, text, { format: 'yaml', file: 'f.yaml', ...o });

  it('reads a list of activities with Dutch or English keys, lists and numbers', async () => {
    const w = await catalogueWorld();
    const r = await yaml(w, fixture('activities.yaml'));
    expect(
      r.ok && r.activities.map((a) => [a.title, a.startsAt, a.municipalities, a.priceCents, a.tags]),
    ).toEqual([
      ['Taalcafé', '2026-12-02T13:00:00.000Z', ['wetteren'], 0, ['children_welcome', 'wheelchair']],
      ['Museum visit', '2026-12-04T09:00:00.000Z', ['wetteren', 'gent'], 350, []],
    ]);
    // the row of a YAML activity is the line where it starts
    expect(r.ok && r.kept_out).toEqual([
      expect.objectContaining({ row: 17, title: 'Museum visit', criteria: ['free'] }),
    ]);
  });

  it('gives the YAML line and key of each problem, and imports nothing', async () => {
    const w = await catalogueWorld();
    const r = await yaml(w, fixture('bad.yaml'));
    expect(where(r)).toEqual([
      '14:accessible_organisation accessible_organisation required',
      '17:begin start bad_time',
      '22:prijs price bad_price',
      '24:kleur kleur unknown_column',
    ]);
    expect(await w.store.read((tx) => tx.count('activities'))).toBe(0);
  });

  it('reports broken YAML and a file that is not a list, with the line', async () => {
    const w = await catalogueWorld();
    const broken = await yaml(w, '- titel: Taalcafé\n  datum: [2026-12-02\n');
    expect(broken.ok).toBe(false);
    expect(broken.ok ? null : broken.problems[0]).toMatchObject({ field: 'file', code: 'bad_file' });
    expect(where(await yaml(w, 'titel: Taalcafé\n'))).toEqual(['1: file not_a_list']);
    expect(where(await yaml(w, '- Taalcafé\n- x\n'))).toEqual(['1: file not_a_list', '2: file not_a_list']);
    expect(where(await yaml(w, '# leeg\n'))).toEqual(['1: file no_rows']);
    expect(where(await yaml(w, '- titel: {a: 1}\n'))).toContain('1:titel title bad_value');
  });

  it('also reads a list under "activiteiten:"', async () => {
    const w = await catalogueWorld();
    const item = Object.entries(validInput())
      .map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: '${String(v)}'`)
      .join('\n');
    const r = await yaml(w, `activiteiten:\n${item}\n`);
    expect(r.ok && r.added).toBe(1);
  });
});
