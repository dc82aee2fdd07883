import type { Ids } from '../../core/clock.js';
import { inboundText, type Inbound } from '../../core/messages.js';
import type { RelayResult } from '../../core/runtime.js';
import type { WriteTx } from '../../core/store.js';
import { authorize } from '../access/policy.js';
import type { Render } from '../broadcasts/fanout.js';
import type { DataSchema, Person } from '../schema.js';
import { isStaff } from '../staff.js';
import { handoverOfThread, openHandoverOf, personAt } from './handovers.js';
import { postNotice, postToCoach, postToPerson, type HandoverDeps } from './post.js';
import type { Handover } from './types.js';

/** Options of {@link createHandoverRelay}. */
export interface HandoverRelayOptions {
  readonly render: Render;
  /** True when a channel shows replies in threads (Slack). */
  readonly threads: (channel: string) => boolean;
}

/** Longest text passed on in one message (a pasted letter is cut, the coach can ask for more). */
const MAX_TEXT = 3000;

/** What a message says, as passed on: its text, a caption with 📎 for a picture or file. */
const wordsOf = (m: Inbound): string => {
  const text = m.kind === 'media' ? `📎${m.caption ? ` ${m.caption}` : ''}` : inboundText(m);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
};

/**
 * The coach's open handover they answer in their chat: on a channel without threads (the
 * console), the most recently opened one they have.
 */
const currentOf = (tx: WriteTx<DataSchema>, coach: Person): Handover | undefined =>
  tx
    .list('handovers', (h) => h.coachId === coach.id && h.status === 'open' && !h.thread)
    .sort((x, y) => x.openedAt.localeCompare(y.openedAt))
    .at(-1);

/**
 * The runtime's relay hook for human handovers. While a person's handover is open, everything
 * they send goes to their coach (not to the flows); the coach's replies in the handover's thread
 * (Slack), or in their chat on a channel without threads, go to the person. A reply in a closed
 * handover's thread gets a short notice. Anything else is left to the flows (null).
 */
export const createHandoverRelay =
  (o: HandoverRelayOptions) =>
  (tx: WriteTx<DataSchema>, m: Inbound, c: { readonly now: Date; readonly ids: Ids }): RelayResult | null => {
    if (m.unaddressed) return null;
    const d: HandoverDeps = { render: o.render, ids: c.ids, now: c.now, threads: o.threads };
    const sender = personAt(tx, m.address);
    if (!sender) return null;
    if (m.address.thread) {
      const h = handoverOfThread(tx, m.address);
      if (!h || !isStaff(sender)) return null;
      if (h.status !== 'open')
        return { queued: postNotice(tx, m.address, sender.lang, { key: 'handover:already_closed' }, d) };
      if (!authorize(tx, sender, 'handover.reply', { personId: h.personId }).ok)
        return { queued: postNotice(tx, m.address, sender.lang, { key: 'handover:not_allowed' }, d) };
      return { queued: postToPerson(tx, h, wordsOf(m), d) };
    }
    const own = openHandoverOf(tx, sender.id);
    if (own) return { queued: postToCoach(tx, own, wordsOf(m), d) };
    if (!isStaff(sender) || o.threads(m.address.channel)) return null;
    const current = currentOf(tx, sender);
    if (!current || !authorize(tx, sender, 'handover.reply', { personId: current.personId }).ok) return null;
    return { queued: postToPerson(tx, current, wordsOf(m), d) };
  };
