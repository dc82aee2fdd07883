import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../../src/core/clock.js';
import { contactFor } from '../../../src/domain/actions/hours-context.js';
import { createPerson, seedDemo } from '../../../src/domain/index.js';
import { memoryStore } from '../../helpers/store.js';

const setup = async () => {
  const store = memoryStore();
  const now = new Date('2026-11-23T09:00:00Z');
  return store.transact((tx) => {
    const demo = seedDemo(tx, now, ['nl']);
    // Ids apart from the demo's (which count p_000001 up).
    const base = createSeededIds(7);
    let n = 0;
    const ids = { ...base, next: (prefix: string) => `${prefix}_test${++n}` };
    const add = (name: string, organisation: string, municipality = 'wetteren') => {
      const r = createPerson(
        tx,
        { name, role: 'contact', municipality, organisation },
        { now, ids, actor: 'test', inviteTtlDays: 14, languages: ['nl'] },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.person.id;
    };
    const bib = add('Els', 'Bib');
    const bibWetteren = add('Jan', 'Bib Wetteren');
    const amina = demo.invited.find((i) => i.person.name === 'Amina')!.person.id;
    return { store, amina, bib, bibWetteren };
  });
};

describe('contactFor: who confirms hours at a place', () => {
  it('finds the organisation by its exact name, case and spaces aside', async () => {
    const { store, amina, bib, bibWetteren } = await setup();
    await store.read((tx) => {
      expect(contactFor(tx, amina, '  bib   WETTEREN ')).toBe(bibWetteren);
      expect(contactFor(tx, amina, 'Bib')).toBe(bib);
    });
  });

  it('finds it named inside a longer place, as whole words, the longest name first', async () => {
    const { store, amina, bib, bibWetteren } = await setup();
    await store.read((tx) => {
      expect(contactFor(tx, amina, 'vrijwilligerswerk Bib Wetteren')).toBe(bibWetteren);
      expect(contactFor(tx, amina, 'voorlezen in de bib')).toBe(bib);
      expect(contactFor(tx, amina, 'bibliotheek')).toBeNull();
      expect(contactFor(tx, amina, 'zwembad')).toBeNull();
      expect(contactFor(tx, amina, null)).toBeNull();
    });
  });
});
