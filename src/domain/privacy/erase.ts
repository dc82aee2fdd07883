import { addressKey, hashTag, type Address } from '../../core/messages.js';
import type { WriteTx } from '../../core/store.js';
import type { LedgerEntry, Via } from '../ledger/types.js';
import type { DataSchema, Person } from '../schema.js';

/** The name an erased person keeps (so lists and proofs still read). */
export const ERASED_NAME = 'verwijderd';

/** What an erasure changed (or, on a dry run, would change), per collection. */
export interface ErasureReport {
  readonly personId: string;
  /** Records deleted per collection. */
  readonly deleted: Readonly<Record<string, number>>;
  /** Records whose personal fields were cleared per collection. */
  readonly cleared: Readonly<Record<string, number>>;
  /** Ledger entries kept as proof of hours (minutes, date, offer type, status, trail). */
  readonly keptEntries: number;
}

export type EraseResult =
  | { readonly ok: true; readonly report: ErasureReport }
  | { readonly ok: false; readonly reason: 'unknown_person' | 'already_erased' };

/** Strings that identify the person: the name, chat ids and phone digits of their addresses. */
const secretsOf = (p: Person, addresses: readonly Address[]): string[] => {
  const out = new Set<string>();
  if (p.name.trim().length >= 3) out.add(p.name.trim().toLocaleLowerCase());
  for (const a of addresses) {
    for (const part of [a.chat, a.user]) {
      if (part.length >= 5) out.add(part.toLocaleLowerCase());
      for (const digits of part.match(/\d{6,}/g) ?? []) out.add(digits);
    }
  }
  return [...out];
};

const mentions = (value: unknown, secrets: readonly string[]): boolean => {
  if (!secrets.length) return false;
  const text = JSON.stringify(value).toLocaleLowerCase();
  return secrets.some((s) => text.includes(s));
};

/** A message id that holds a phone number (WhatsApp's do) becomes "erased"; others stay. */
const redactVia = (via: Via | null, secrets: readonly string[]): Via | null =>
  via && mentions(via.messageId, secrets) ? { ...via, messageId: 'erased' } : via;

/**
 * Forgets a person everywhere in the store, in the caller's one transaction ("vergeet mij", or
 * retention). The person record stays as `verwijderd` with `erasedAt` (ids in the ledger and the
 * audit log point to it); identities, conversations, timers, invites, outbox rows to them or
 * naming them, jobs naming them, RSVPs, offers, handovers, outreach, requests, invite attempts and
 * group hints are deleted; survey comments, task notes and details, closing answers and check-in
 * answers are cleared. Ledger entries stay as proof of hours (minutes, date, offer type,
 * organisation, status, the trail with ids) without their free text; message ids holding a
 * phone number are replaced. With `dryRun` nothing is written: the report says what would be.
 */
export const erasePerson = (
  tx: WriteTx<DataSchema>,
  personId: string,
  o: { readonly now: Date; readonly dryRun?: boolean },
): EraseResult => {
  const person = tx.get('people', personId);
  if (!person) return { ok: false, reason: 'unknown_person' };
  if (person.erasedAt) return { ok: false, reason: 'already_erased' };
  const deleted: Record<string, number> = {};
  const cleared: Record<string, number> = {};
  const del = <C extends keyof DataSchema & string>(c: C, id: string) => {
    deleted[c] = (deleted[c] ?? 0) + 1;
    if (!o.dryRun) tx.delete(c, id);
  };
  const put = <C extends keyof DataSchema & string>(c: C, id: string, r: DataSchema[C]) => {
    cleared[c] = (cleared[c] ?? 0) + 1;
    if (!o.dryRun) tx.put(c, id, r);
  };

  const identities = tx.list('identities', (i) => i.personId === personId);
  const addresses = identities.map((i) => i.address);
  const secrets = secretsOf(person, addresses);
  const keys = new Set(addresses.map(addressKey));
  const chats = new Set(addresses.map((a) => `${a.channel}|${a.chat}`));
  const toThem = (a: Address) => keys.has(addressKey(a)) || chats.has(`${a.channel}|${a.chat}`);

  for (const i of identities) del('identities', addressKey(i.address));
  // Their own conversations, and anyone else's whose saved state names them (they restart).
  for (const c of tx.list('conversations', (c) => toThem(c.address) || mentions(c.state, secrets))) {
    const key = addressKey(c.address);
    del('conversations', key);
    if (tx.get('timers', key)) del('timers', key);
  }
  for (const t of tx.list('timers', (t) => keys.has(t.key))) del('timers', t.key);
  for (const r of tx.list('outbox', (r) => toThem(r.to) || mentions(r.message, secrets))) del('outbox', r.id);
  for (const j of tx.list('jobs', (j) => Object.values(j.payload).includes(personId) || mentions(j, secrets)))
    del('jobs', j.id);
  for (const i of tx.list('invites', (i) => i.personId === personId)) del('invites', i.code);
  for (const r of tx.list('rsvps', (r) => r.personId === personId)) del('rsvps', r.id);
  if (tx.get('offers', personId)) del('offers', personId);
  for (const h of tx.list('handovers', (h) => h.personId === personId || h.aboutId === personId))
    del('handovers', h.id);
  for (const x of tx.list('outreach', (x) => x.personId === personId)) del('outreach', x.id);
  for (const r of tx.list('requests', (r) => r.personId === personId)) del('requests', r.id);
  // Hashed addresses: the chat itself, and each gemeente-groep of that platform it wrote in.
  const hashes = new Set(addresses.map((a) => hashTag(addressKey(a), 24)));
  for (const g of tx.list('groups'))
    for (const a of addresses)
      if (g.address.channel === a.channel)
        hashes.add(hashTag(addressKey({ ...g.address, user: a.user }), 24));
  for (const h of hashes) {
    if (tx.get('hints', h)) del('hints', h);
    if (tx.get('attempts', h)) del('attempts', h);
  }

  const duoIds = new Set(
    tx.list('duos', (d) => d.newcomerId === personId || d.buddyId === personId).map((d) => d.id),
  );
  for (const s of tx.list('surveys', (s) => s.respondentId === personId || s.newcomerId === personId))
    if (s.comment !== null) put('surveys', s.id, { ...s, comment: null });
  for (const t of tx.list('tasks', (t) => t.newcomerId === personId || (!!t.duoId && duoIds.has(t.duoId))))
    if (t.detail || t.note) put('tasks', t.id, { ...t, detail: null, note: null });
  for (const c of tx.list('closings', (c) => duoIds.has(c.duoId))) {
    const duo = tx.get('duos', c.duoId);
    const side = duo?.newcomerId === personId ? 'newcomer' : 'buddy';
    if (c[side]) put('closings', c.id, { ...c, [side]: null });
  }
  for (const f of tx.list('followups', (f) => duoIds.has(f.duoId) && f.answer !== undefined)) {
    const { answer: _a, answeredAt: _at, ...rest } = f;
    put('followups', f.id, rest);
  }

  let keptEntries = 0;
  for (const e of tx.list('ledger')) {
    const own = e.newcomerId === personId;
    if (own) keptEntries++;
    const next = scrubEntry(e, personId, secrets);
    if (next) put('ledger', e.id, next);
  }

  const { externalId: _x, organisation: _o, follows: _f, ...kept } = person;
  put('people', personId, {
    ...kept,
    name: ERASED_NAME,
    consent: person.consent ? { ...person.consent, given: false } : null,
    broadcasts: false,
    erasedAt: o.now.toISOString(),
    ...(keptEntries ? { keptBecause: 'proof_of_hours' as const } : {}),
  });
  return { ok: true, report: { personId, deleted, cleared, keptEntries } };
};

/**
 * A ledger entry without what identifies the erased person: their own entries lose the free-text
 * description and notes; anyone's entry loses a description naming them, notes they wrote and
 * message ids holding their phone number. Null when nothing changes.
 */
const scrubEntry = (e: LedgerEntry, personId: string, secrets: readonly string[]): LedgerEntry | null => {
  const own = e.newcomerId === personId;
  const dropText = own || mentions(e.description, secrets);
  const history = e.history.map((h) => {
    const via = redactVia(h.via, secrets);
    const { note, changes, ...rest } = h;
    // A note is free text: gone when it is the person's entry, they wrote it, or it names them.
    const keepNote = note !== undefined && !own && h.by !== personId && !mentions(note, secrets);
    // A correction's old and new description are free text too.
    const { description: _d, ...otherChanges } = changes ?? {};
    const keepChanges = changes && (own || mentions(changes, secrets) ? otherChanges : changes);
    return { ...rest, via, ...(keepNote ? { note } : {}), ...(keepChanges ? { changes: keepChanges } : {}) };
  });
  const next: LedgerEntry = {
    ...e,
    description: dropText ? null : e.description,
    via: redactVia(e.via, secrets),
    history,
  };
  return JSON.stringify(next) === JSON.stringify(e) ? null : next;
};
