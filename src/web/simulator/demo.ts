import { privateAddress } from '../../core/channel.js';
import { addressKey, type Address } from '../../core/messages.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import { COLLECTIONS, formatInviteCode, seedDemo, type DataSchema } from '../../domain/index.js';

/** A person one can be in a pane: the demo's (and others') people, with what the page shows. */
export interface PanePerson {
  /** The pane's user: the lower-case name (as on the console). */
  readonly user: string;
  readonly name: string;
  readonly role: string;
  readonly lang: string;
  /** An unused invite code to type ("ABCD-EFGH"), for a person not linked yet. */
  readonly code?: string;
}

/**
 * The people of the store one can be in a pane (erased people not), with their unused invite
 * code (the latest, when there are several). Names are the demo's; a name shared by two people
 * shows once. Runs on every page load and state request, so the invites are read once.
 */
export const panePeople = (tx: ReadTx<DataSchema>): PanePerson[] => {
  const codes = new Map<string, string>();
  for (const i of tx.list('invites', (x) => !x.usedAt)) codes.set(i.personId, i.code);
  const seen = new Set<string>();
  const out: PanePerson[] = [];
  for (const p of tx.list('people', (x) => !x.erasedAt)) {
    const user = p.name.toLowerCase().replace(/\s+/g, '-');
    if (seen.has(user)) continue;
    seen.add(user);
    const code = codes.get(p.id);
    out.push({
      user,
      name: p.name,
      role: p.role,
      lang: p.lang,
      ...(code !== undefined ? { code: formatInviteCode(code) } : {}),
    });
  }
  return out;
};

/**
 * Gives every person linked on `from` (the console, where the demo links coach and buddy) the
 * same chat on the web channel too, added last, so what the bot sends them on its own (requests
 * to confirm hours, check-ins, the coach's digest) reaches their pane. Runs once per start; an
 * identity already there is left as it is.
 */
export const linkToWeb = (tx: WriteTx<DataSchema>, web: string, now: Date, from = 'console'): number => {
  let n = 0;
  for (const i of tx.list('identities', (x) => x.address.channel === from)) {
    const address = privateAddress(web, i.address.user);
    const key = addressKey(address);
    if (tx.get('identities', key)) continue;
    tx.put('identities', key, { v: 1, address, personId: i.personId, linkedAt: now.toISOString() });
    n++;
  }
  return n;
};

/**
 * The key a record is stored under: the Store port lists values only, and each collection keys
 * its records by one of their fields (an id, an invite's code, a timer's key, an offer's person,
 * an identity's or conversation's address). The candidate that reads back the same record wins.
 */
const keyOf = (tx: ReadTx<DataSchema>, c: (typeof COLLECTIONS)[number], r: unknown): string | null => {
  const x = r as { id?: unknown; code?: unknown; key?: unknown; personId?: unknown; address?: Address };
  const candidates = [x.id, x.code, x.key, x.personId, x.address ? addressKey(x.address) : undefined];
  for (const k of candidates) if (typeof k === 'string' && k && tx.get(c, k) === r) return k;
  return null;
};

/**
 * Fresh demo data in one transaction: every collection emptied, the demo seeded again (on the
 * console, as `npm start` does) and linked to the web panes. Returns how many records could not
 * be removed (a collection keyed in a way not known here; 0 expected).
 */
export const resetDemo = (
  tx: WriteTx<DataSchema>,
  web: string,
  now: Date,
  languages: readonly string[],
): number => {
  let left = 0;
  for (const c of COLLECTIONS)
    for (const r of tx.list(c)) {
      const k = keyOf(tx, c, r);
      if (k) tx.delete(c, k);
      else left++;
    }
  seedDemo(tx, now, languages);
  linkToWeb(tx, web, now);
  return left;
};
