import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../../src/core/clock.js';
import {
  addMunicipality,
  COLLECTIONS,
  createPerson,
  DATA_VERSION,
  MIGRATIONS,
  type DataSchema,
} from '../../../src/domain/index.js';
import { importPeople, type PeopleImportOptions } from '../../../src/domain/people-import/index.js';
import { LANGUAGES } from '../../../src/i18n/index.js';
import { createMemoryStore } from '../../../src/store/index.js';

const now = new Date('2026-11-23T09:00:00Z');
const MESSY = readFileSync('test/fixtures/people/messy.csv', 'utf8');

const fresh = async () => {
  const store = createMemoryStore<DataSchema>({
    schemaVersion: DATA_VERSION,
    migrations: MIGRATIONS,
    collections: COLLECTIONS,
  });
  await store.transact((tx) => {
    addMunicipality(tx, { id: 'wetteren', name: 'Wetteren' });
    const ctx = { now, ids: createSeededIds(1), actor: 'cli', inviteTtlDays: 14, languages: LANGUAGES };
    createPerson(tx, { name: 'Lotte', role: 'coach', municipality: 'wetteren' }, ctx);
  });
  return store;
};

/** Ids of their own letter, so an imported person never takes the id of Lotte (seeded too). */
const importIds = () => {
  const seeded = createSeededIds(3);
  return { ...seeded, next: (prefix: string) => seeded.next(`${prefix}i`) };
};

const options = (o: Partial<PeopleImportOptions> = {}): PeopleImportOptions => ({
  now,
  ids: importIds(),
  actor: 'cli',
  inviteTtlDays: 14,
  languages: LANGUAGES,
  defaultLanguage: 'nl',
  outreachWaitDays: 3,
  ...o,
});

describe('people import', () => {
  it('reports every wrong row of a messy sheet by row and column, and writes nothing', async () => {
    const store = await fresh();
    const before = await store.read((tx) => tx.count('people'));
    const r = await store.transact((tx) => importPeople(tx, MESSY, options()));
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== 'invalid') throw new Error('expected problems');
    expect(r.problems.map((p) => [p.line, p.column, p.header, p.code])).toEqual([
      [7, 6, 'GSM', 'duplicate_in_file'],
      [8, 6, 'GSM', 'phone_invalid'],
      [9, 4, 'Gemeente', 'gemeente_unknown'],
    ]);
    expect(r.problems[0]?.firstLine).toBe(2);
    await store.read((tx) => {
      expect(tx.count('people')).toBe(before);
      expect(tx.count('identities')).toBe(0);
      expect(tx.count('invites')).toBe(1);
    });
  });

  it('with skipInvalid imports the good rows: phones only as WhatsApp identities, terms, outreach', async () => {
    const store = await fresh();
    const r = await store.transact((tx) =>
      importPeople(tx, MESSY, options({ skipInvalid: true, send: true })),
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.skippedRows).toBe(3);
    expect(r.ignored).toEqual(['Opmerking']);
    expect(
      r.created.map((c) => [c.line, c.person.name, c.person.role, c.person.lang, c.whatsapp, c.outreach]),
    ).toEqual([
      [2, 'Amal Haddad', 'newcomer', 'ar', true, true],
      [3, 'Oleksandr Petrenko', 'newcomer', 'uk', true, true],
      [4, 'Mariam Ahmadi', 'newcomer', 'fa', true, true],
      [5, 'Jef Peeters', 'buddy', 'nl', true, false],
      [10, 'Samir', 'newcomer', 'nl', false, false],
    ]);
    await store.read((tx) => {
      const amal = r.created[0]!.person;
      expect(JSON.stringify(tx.get('people', amal.id))).not.toMatch(/470|123456/);
      expect(amal.externalId).toBe('W-001');
      expect(amal.coachId).not.toBeNull();
      expect(tx.get('identities', 'whatsapp|32470123456@c.us|32470123456@c.us|')?.personId).toBe(amal.id);
      expect(tx.get('identities', 'whatsapp|31612345678@c.us|31612345678@c.us|')).toBeDefined();
      expect(tx.get('identities', 'whatsapp|32471234567@c.us|32471234567@c.us|')).toBeDefined();
      // Excel serials 46357 / 46722, 1/12/2026 and 30-11-2027, ISO; empty obligation is yes.
      const terms = tx.list('trajectories').map((t) => [t.start, t.end, t.obligation]);
      expect(terms).toEqual([
        ['2026-12-01', '2027-12-01', true],
        ['2026-12-01', '2027-11-30', false],
        ['2026-12-01', '2027-11-30', true],
      ]);
      expect(tx.list('outreach').map((o) => o.personId)).toEqual(
        r.created.slice(0, 3).map((c) => c.person.id),
      );
      expect(tx.list('jobs').map((j) => j.kind)).toEqual([
        'outreach_first',
        'outreach_first',
        'outreach_first',
      ]);
    });
  });

  it('never duplicates a person already present (by phone or external id)', async () => {
    const store = await fresh();
    await store.transact((tx) => importPeople(tx, MESSY, options({ skipInvalid: true })));
    const again = await store.transact((tx) =>
      importPeople(tx, MESSY, options({ skipInvalid: true, send: true })),
    );
    if (!again.ok) throw new Error('expected ok');
    expect(again.created).toEqual([]);
    expect(again.existing.map((e) => [e.line, e.by])).toEqual([
      [2, 'phone'],
      [3, 'phone'],
      [4, 'phone'],
      [5, 'phone'],
      [10, 'external_id'],
    ]);
    await store.read((tx) => expect(tx.count('outreach')).toBe(0));
  });

  it('reads commas, tabs, quoted cells over two lines and English headers', async () => {
    const store = await fresh();
    const text =
      'name,role,municipality,language,phone,start_date,end_date,obligation\n' +
      '"Nour\nAli",newcomer,Wetteren,Arabic,+32 470 00 00 01,2026-12-01,2027-05-31,no\n' +
      'Ivan,buddy,wetteren,Russian,,,,\n';
    const r = await store.transact((tx) => importPeople(tx, text, options()));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.created.map((c) => [c.line, c.person.name, c.person.lang])).toEqual([
      [2, 'Nour Ali', 'ar'],
      [4, 'Ivan', 'ru'],
    ]);
    const tabbed = 'naam\trol\tgemeente\ttelefoon\nPiet\tcoach\tWetteren\t0470 00 00 02\n';
    const t = await store.transact((tx) => importPeople(tx, tabbed, options()));
    expect(t.ok && t.created[0]?.person.role).toBe('coach');
  });

  it('needs a name and a gemeente column (or --gemeente), and knows the default coach', async () => {
    const store = await fresh();
    const r = await store.transact((tx) => importPeople(tx, 'rol;telefoon\nbuddy;0470000003\n', options()));
    expect(!r.ok && r.reason === 'invalid' && r.problems.map((p) => [p.line, p.header, p.code])).toEqual([
      [1, 'name', 'missing_column'],
      [1, 'gemeente', 'missing_column'],
    ]);
    const ok = await store.transact((tx) =>
      importPeople(tx, 'naam\nZara\n', options({ defaultGemeente: 'Wetteren', defaultCoach: 'lotte' })),
    );
    expect(ok.ok && ok.created[0]?.person).toMatchObject({ municipality: 'wetteren', role: 'newcomer' });
    expect(ok.ok && ok.created[0]?.person.coachId).toBeTruthy();
    const bad = await store.transact((tx) =>
      importPeople(tx, 'naam\nZara\n', options({ defaultGemeente: 'Lede' })),
    );
    expect(!bad.ok && bad.reason === 'invalid' && bad.problems[0]?.code).toBe('gemeente_unknown');
  });

  it('imports 5 000 generated rows in one transaction, fast, and none when one row is wrong', async () => {
    const store = await fresh();
    const lines = ['Naam;Rol;Gemeente;Taal;GSM;Extern ID;Startdatum;Einddatum'];
    for (let i = 0; i < 5000; i++)
      lines.push(`Persoon ${i};inburgeraar;Wetteren;ar;0470 ${String(100000 + i)};X-${i};46357;46722`);
    const progress: number[] = [];
    const bad = [...lines];
    bad[4321] = bad[4321]!.replace('0470 1', '0470 ');
    const failed = await store.transact((tx) =>
      importPeople(tx, bad.join('\n'), options({ onProgress: (done) => progress.push(done) })),
    );
    expect(!failed.ok && failed.reason === 'invalid' && failed.problems.map((p) => p.line)).toEqual([4322]);
    await store.read((tx) => expect(tx.count('people')).toBe(1));
    const started = performance.now();
    const r = await store.transact((tx) =>
      importPeople(tx, lines.join('\n'), options({ send: true, onProgress: (done) => progress.push(done) })),
    );
    const ms = performance.now() - started;
    expect(r.ok && r.created.length).toBe(5000);
    expect(ms).toBeLessThan(10_000);
    expect(progress).toContain(500);
    expect(progress).toContain(5000);
    await store.read((tx) => {
      expect(tx.count('people')).toBe(5001);
      expect(tx.count('identities')).toBe(5000);
      expect(tx.count('outreach')).toBe(5000);
    });
  });
});
