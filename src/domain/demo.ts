import { createSeededIds } from '../core/clock.js';
import type { Address } from '../core/messages.js';
import { addressKey } from '../core/messages.js';
import type { WriteTx } from '../core/store.js';
import { localDate, shiftDate } from './dates.js';
import { addMunicipality } from './municipalities.js';
import { createPerson } from './people.js';
import type { DataSchema, Person } from './schema.js';

export interface DemoResult {
  readonly municipality: string;
  readonly coach: Person;
  readonly buddy: Person;
  /** Newcomers not linked yet, with the invite code to type. */
  readonly invited: readonly { readonly person: Person; readonly code: string }[];
}

/**
 * Demo data for trying the bot without any account: the gemeente Wetteren, coach Lotte and buddy
 * Sara (already linked to the console and agreed), and newcomers Amina and Yusuf with invite codes.
 * Codes come from a fixed seed so a demo script works on every machine.
 */
export const seedDemo = (
  tx: WriteTx<DataSchema>,
  now: Date,
  languages: readonly string[],
  channel = 'console',
): DemoResult => {
  const ids = createSeededIds(2026);
  const ctx = { now, ids, actor: 'demo', inviteTtlDays: 365, languages };
  addMunicipality(tx, { id: 'wetteren', name: 'Wetteren' });
  const make = (name: string, role: Person['role'], lang: string, coach?: string) => {
    const r = createPerson(
      tx,
      { name, role, municipality: 'wetteren', lang, ...(coach ? { coach } : {}) },
      ctx,
    );
    if (!r.ok) throw new Error(`demo data: ${JSON.stringify(r.problems)}`);
    return r;
  };
  const link = (p: Person, code: string) => {
    const address: Address = { channel, chat: p.name.toLowerCase(), user: p.name.toLowerCase() };
    const at = now.toISOString();
    tx.put('identities', addressKey(address), { v: 1, address, personId: p.id, linkedAt: at });
    tx.put('people', p.id, { ...p, consent: { given: true, at, privacyVersion: 1 } });
    const invite = tx.get('invites', code);
    if (invite) tx.put('invites', code, { ...invite, usedAt: at });
  };
  const coach = make('Lotte', 'coach', 'nl');
  link(coach.person, coach.invite.code);
  const buddy = make('Sara', 'buddy', 'nl', coach.person.id);
  link(buddy.person, buddy.invite.code);
  const invited = [
    make('Amina', 'newcomer', 'nl', coach.person.id),
    make('Yusuf', 'newcomer', 'nl', coach.person.id),
  ];
  // Amina and Sara are a duo; both newcomers are in their term (started two months ago, a year long).
  const amina = invited[0]!.person;
  tx.put('duos', 'duo_demo1', {
    v: 1,
    id: 'duo_demo1',
    newcomerId: amina.id,
    buddyId: buddy.person.id,
    coachId: coach.person.id,
    status: 'active',
    matchedAt: now.toISOString(),
  });
  const start = shiftDate(localDate(now, 'Europe/Brussels'), -60);
  for (const r of invited) {
    const id = `tr_${r.person.id}`;
    tx.put('trajectories', id, {
      v: 1,
      id,
      newcomerId: r.person.id,
      start,
      end: shiftDate(start, 365),
      obligation: true,
    });
  }
  return {
    municipality: 'Wetteren',
    coach: coach.person,
    buddy: buddy.person,
    invited: invited.map((r) => ({ person: r.person, code: r.printableCode })),
  };
};
