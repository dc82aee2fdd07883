import { createSeededIds, type Ids } from '../../../src/core/clock.js';
import type { Store } from '../../../src/core/store.js';
import {
  addMunicipality,
  createPerson,
  recordEntry,
  type DataSchema,
  type LedgerEntry,
  type NewEntry,
  type Person,
  type Via,
} from '../../../src/domain/index.js';
import { memoryStore } from '../../helpers/store.js';

/** Monday 23 November 2026, 11:00 in Brussels. */
export const NOW = new Date('2026-11-23T10:00:00Z');
export const TODAY = '2026-11-23';
export const HOUR = 3_600_000;
export const at = (ms: number): Date => new Date(NOW.getTime() + ms);
export const via: Via = { channel: 'whatsapp', messageId: 'wamid.1' };

export interface World {
  readonly store: Store<DataSchema>;
  readonly ids: Ids;
  /** Coach of Gent; Amina's coach. */
  readonly coach: Person;
  readonly admin: Person;
  /** Coach of Aalst: not Amina's gemeente. */
  readonly otherCoach: Person;
  /** Amina's buddy (active duo d1). */
  readonly buddy: Person;
  /** A buddy whose duo with Amina ended (d2). */
  readonly exBuddy: Person;
  /** Newcomer in Gent with a term from 2026-09-01 to 2027-08-31. */
  readonly amina: Person;
  /** Newcomer in Gent without a term. */
  readonly omar: Person;
  /** Contact person of the Kringwinkel. */
  readonly org: Person;
}

/** A memory store with two gemeenten, people of every role, two duos and one term. */
export const world = async (): Promise<World> => {
  const store = memoryStore();
  const ids = createSeededIds(11);
  const ctx = { now: NOW, ids, actor: 'cli', inviteTtlDays: 14, languages: ['nl'] };
  const people = await store.transact((tx) => {
    addMunicipality(tx, { id: 'gent', name: 'Gent' });
    addMunicipality(tx, { id: 'aalst', name: 'Aalst' });
    const mk = (name: string, role: Person['role'], municipality = 'gent', coach?: string): Person => {
      const r = createPerson(tx, { name, role, municipality, ...(coach ? { coach } : {}) }, ctx);
      if (!r.ok) throw new Error(`fixture ${name}: ${JSON.stringify(r.problems)}`);
      return r.person;
    };
    const coach = mk('Lotte', 'coach');
    const p = {
      coach,
      admin: mk('Admin Gent', 'admin'),
      otherCoach: mk('Bram', 'coach', 'aalst'),
      buddy: mk('Sara', 'buddy'),
      exBuddy: mk('Jef', 'buddy'),
      amina: mk('Amina', 'newcomer', 'gent', coach.id),
      omar: mk('Omar', 'newcomer', 'gent', coach.id),
      org: mk('Kris', 'contact'),
    };
    const duo = (id: string, buddyId: string, status: 'active' | 'ended') =>
      tx.put('duos', id, {
        v: 1,
        id,
        newcomerId: p.amina.id,
        buddyId,
        coachId: coach.id,
        status,
        matchedAt: NOW.toISOString(),
      });
    duo('d1', p.buddy.id, 'active');
    duo('d2', p.exBuddy.id, 'ended');
    tx.put('trajectories', 't1', {
      v: 1,
      id: 't1',
      newcomerId: p.amina.id,
      start: '2026-09-01',
      end: '2027-08-31',
      obligation: true,
    });
    return p;
  });
  return { store, ids, ...people };
};

/** Records one entry in its own transaction. */
export const report = (
  w: World,
  d: NewEntry,
  by: Person,
  now: Date = NOW,
  v: Via | null = null,
): Promise<LedgerEntry> =>
  w.store.transact((tx) => recordEntry(tx, d, { personId: by.id, via: v }, { now, ids: w.ids }));

/** Everything in the ledger, as stored. */
export const ledger = (w: World): Promise<Readonly<LedgerEntry>[]> => w.store.read((tx) => tx.list('ledger'));
