import type { Ids } from '../../core/clock.js';
import { addressKey, type Address } from '../../core/messages.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import { latestAddressOf } from '../people.js';
import type { DataSchema, Person } from '../schema.js';
import type { Handover } from './types.js';

/** The open handover of a person, if any (there is at most one). */
export const openHandoverOf = (tx: ReadTx<DataSchema>, personId: string): Handover | undefined =>
  tx.list('handovers', (h) => h.personId === personId && h.status === 'open')[0];

// Kept here too for the handover files that import it from this module.
export { latestAddressOf };

/** The person behind a chat address (a thread reply counts as its chat's sender). */
export const personAt = (tx: ReadTx<DataSchema>, a: Address): Person | undefined => {
  const id = tx.get('identities', addressKey({ channel: a.channel, chat: a.chat, user: a.user }));
  return id ? tx.get('people', id.personId) : undefined;
};

/** Outcome of {@link openHandover}. */
export type OpenResult =
  | { readonly outcome: 'ok'; readonly handover: Handover; readonly created: boolean }
  | { readonly outcome: 'no_coach' | 'not_for_staff' };

/**
 * Opens a handover for `person` with their coach, or returns the one already open (one per
 * person). No coach, or a coach the bot cannot reach by chat: `no_coach` (the caller keeps a
 * coach request instead). Staff do not get handovers: they are the ones who answer.
 */
export const openHandover = (
  tx: WriteTx<DataSchema>,
  o: { readonly ids: Pick<Ids, 'next'>; readonly now: Date },
  person: Person,
  reason: Handover['reason'],
  aboutId: string | null = null,
): OpenResult => {
  if (person.role === 'coach' || person.role === 'admin') return { outcome: 'not_for_staff' };
  const open = openHandoverOf(tx, person.id);
  if (open) return { outcome: 'ok', handover: open, created: false };
  if (!person.coachId || !latestAddressOf(tx, person.coachId)) return { outcome: 'no_coach' };
  const handover: Handover = {
    v: 1,
    id: o.ids.next('ho'),
    personId: person.id,
    coachId: person.coachId,
    status: 'open',
    openedAt: o.now.toISOString(),
    closedAt: null,
    reason,
    aboutId,
    thread: null,
  };
  tx.put('handovers', handover.id, handover);
  return { outcome: 'ok', handover, created: true };
};

/** Closes a handover; the bot's flows answer the person again. */
export const closeHandover = (tx: WriteTx<DataSchema>, h: Handover, now: Date): Handover => {
  const closed: Handover = { ...h, status: 'closed', closedAt: now.toISOString() };
  tx.put('handovers', h.id, closed);
  return closed;
};

/**
 * True when a thread id the platform sends with a reply (`1763890001.000100`) names the thread
 * the handover's first post started (kept as that post's platform id, `D0LOTTE:1763890001.000100`).
 */
export const sameThread = (kept: string, inbound: string): boolean =>
  kept === inbound || kept.endsWith(`:${inbound}`) || inbound.endsWith(`:${kept}`);

/** The handover whose coach thread an inbound reply is in, open or closed (the latest). */
export const handoverOfThread = (tx: ReadTx<DataSchema>, a: Address): Handover | undefined => {
  const thread = a.thread;
  if (!thread) return undefined;
  return tx
    .list(
      'handovers',
      (h) =>
        !!h.thread &&
        h.thread.channel === a.channel &&
        h.thread.chat === a.chat &&
        sameThread(h.thread.thread, thread),
    )
    .sort((x, y) => x.openedAt.localeCompare(y.openedAt))
    .at(-1);
};
