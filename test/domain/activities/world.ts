import { createSeededIds, type Ids } from '../../../src/core/clock.js';
import type { Store } from '../../../src/core/store.js';
import type { CatalogueContext, RawActivityInput } from '../../../src/domain/activities/index.js';
import { addMunicipality, createPerson, type DataSchema, type Person } from '../../../src/domain/index.js';
import { LANGUAGES } from '../../../src/i18n/index.js';
import { memoryStore } from '../../helpers/store.js';

/** Monday 23 November 2026, 10:00 in Brussels. */
export const NOW = new Date('2026-11-23T09:00:00Z');

/** A complete, valid input (Wednesday 2 December 2026, 14:00-16:00 in Wetteren); tests change one field. */
export const validInput = (over: RawActivityInput = {}): RawActivityInput => ({
  title: 'Taalcafé in de bib',
  description: 'We praten Nederlands bij een koffie. Iedereen is welkom.',
  date: '2026-12-02',
  start: '14:00',
  end: '16:00',
  place: 'Bibliotheek Wetteren',
  address: 'Markt 1, 9230 Wetteren',
  gemeente: 'wetteren',
  price: '0',
  organiser: 'Bib Wetteren',
  free: 'ja',
  dutch_context: 'ja',
  accessible_organisation: 'ja',
  ...over,
});

export interface CatalogueWorld {
  readonly store: Store<DataSchema>;
  readonly ids: Ids;
  readonly ctx: CatalogueContext;
  /** Contact person of the Bib in Wetteren. */
  readonly jan: Person;
  /** Contact person in Gent. */
  readonly els: Person;
  /** A coach in Wetteren (not a contact person). */
  readonly lotte: Person;
}

/** A memory store with the gemeenten Wetteren and Gent, two contact persons and a coach. */
export const catalogueWorld = async (): Promise<CatalogueWorld> => {
  const store = memoryStore();
  const ids = createSeededIds(11);
  const ctx: CatalogueContext = {
    now: NOW,
    ids,
    actor: 'p_coach',
    timeZone: 'Europe/Brussels',
    languages: LANGUAGES,
  };
  const people = await store.transact((tx) => {
    addMunicipality(tx, { id: 'wetteren', name: 'Wetteren' });
    addMunicipality(tx, { id: 'gent', name: 'Gent' });
    const pctx = { now: NOW, ids, actor: 'test', inviteTtlDays: 14, languages: LANGUAGES };
    const make = (name: string, role: Person['role'], municipality: string) => {
      const r = createPerson(tx, { name, role, municipality }, pctx);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.person;
    };
    return {
      jan: make('Jan', 'contact', 'wetteren'),
      els: make('Els', 'contact', 'gent'),
      lotte: make('Lotte', 'coach', 'wetteren'),
    };
  });
  return { store, ids, ctx, ...people };
};
