import { addressKey, type Address } from '../../core/messages.js';
import type { ReadTx } from '../../core/store.js';
import type { GemeenteGroup } from '../activities/types.js';
import type { DataSchema, Person } from '../schema.js';

/** Roles that get the aanbod one to one. */
const SUBSCRIBER_ROLES: readonly Person['role'][] = ['newcomer', 'buddy'];

export interface Subscriber {
  readonly person: Person;
  /** Where their messages go: the chat they linked last. */
  readonly address: Address;
}

/** The gemeenten a person gets activities from: their own and the ones they follow. */
export const gemeentenOf = (p: Person): readonly string[] => [p.municipality, ...(p.follows ?? [])];

/**
 * Newcomers and buddies of any of these gemeenten (own or followed) who agreed to the privacy
 * explanation and did not say "stop": each person once, however many of the gemeenten they
 * belong to, at the chat they linked last.
 */
export const subscribersOf = (tx: ReadTx<DataSchema>, municipalities: readonly string[]): Subscriber[] => {
  const wanted = new Set(municipalities);
  const people = tx.list(
    'people',
    (p) =>
      SUBSCRIBER_ROLES.includes(p.role) &&
      p.consent?.given === true &&
      p.broadcasts &&
      gemeentenOf(p).some((m) => wanted.has(m)),
  );
  // The chat each person linked last, in one pass over the identities (not one per person).
  const last = new Map<string, Subscriber['address']>();
  for (const i of tx.list('identities')) last.set(i.personId, i.address);
  const out: Subscriber[] = [];
  for (const person of people) {
    const address = last.get(person.id);
    if (address) out.push({ person, address });
  }
  return out.sort((a, b) => a.person.id.localeCompare(b.person.id));
};

/** The gemeente-groepen of these gemeenten, each group once (a group may serve several). */
export const groupsOf = (tx: ReadTx<DataSchema>, municipalities: readonly string[]): GemeenteGroup[] => {
  const wanted = new Set(municipalities);
  const seen = new Set<string>();
  return tx
    .list('groups', (g) => wanted.has(g.municipality))
    .sort((a, b) => a.id.localeCompare(b.id))
    .filter((g) => {
      const k = addressKey(g.address);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
};
