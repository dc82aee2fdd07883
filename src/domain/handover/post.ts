import type { Ids } from '../../core/clock.js';
import type { Template } from '../../core/effects.js';
import type { Address } from '../../core/messages.js';
import { pendingOutbox, type OutboxRecord } from '../../core/records.js';
import type { Json, WriteTx } from '../../core/store.js';
import type { Render } from '../broadcasts/fanout.js';
import type { DataSchema } from '../schema.js';
import { latestAddressOf } from './handovers.js';
import type { Handover } from './types.js';

/** What posting into a handover needs: rendering, ids, time, and which channels have threads. */
export interface HandoverDeps {
  readonly render: Render;
  readonly ids: Pick<Ids, 'next'>;
  readonly now: Date;
  /** True when a channel shows replies in threads (Slack); elsewhere the coach answers in the chat. */
  readonly threads: (channel: string) => boolean;
}

/** The outbox id of a handover's first post to the coach; its platform id becomes the thread. */
const rootId = (h: Handover) => `ho:${h.id}:root`;

/** The button under the coach's first post: a staff command that closes the handover. */
export const closeChoice = (h: Handover) => ({
  value: `/netwerkbot handover close ${h.id}`,
  label: 'handover:close_button',
});

const name = (tx: WriteTx<DataSchema>, id: string | null | undefined): string =>
  (id ? tx.get('people', id)?.name : undefined) ?? '?';

const queue = (
  tx: WriteTx<DataSchema>,
  id: string,
  to: Address,
  t: Template,
  lng: string,
  d: HandoverDeps,
) => {
  tx.put('outbox', id, pendingOutbox(id, to, d.render(t, lng), d.now));
};

/**
 * The coach's first post of a handover: who asks (and, for a buddy, about whom), why, how to
 * answer, and the close button. In Slack it starts the thread the rest goes into.
 */
export const postRoot = (tx: WriteTx<DataSchema>, h: Handover, d: HandoverDeps): number => {
  const coach = h.coachId ? tx.get('people', h.coachId) : undefined;
  const to = h.coachId ? latestAddressOf(tx, h.coachId) : undefined;
  if (!coach || !to) return 0;
  const person = name(tx, h.personId);
  const params: Record<string, Json> = {
    person,
    about: h.aboutId ? name(tx, h.aboutId) : { $t: 'handover:about_duo' },
    hint: { $t: d.threads(to.channel) ? 'handover:hint_thread' : 'handover:hint_chat', params: { person } },
  };
  const t: Template = { key: `handover:root.${h.reason}`, params, choices: [closeChoice(h)] };
  queue(tx, rootId(h), to, t, coach.lang, d);
  return 1;
};

/** Where the coach reads a handover now: its thread once the first post is delivered, else the chat. */
const coachSide = (tx: WriteTx<DataSchema>, h: Handover): Address | undefined => {
  const to = h.coachId ? latestAddressOf(tx, h.coachId) : undefined;
  if (!to) return undefined;
  const t = h.thread;
  return t && t.channel === to.channel && t.chat === to.chat ? { ...to, thread: t.thread } : to;
};

/** A person's message, passed on to the coach as it was written (no translation). */
export const postToCoach = (tx: WriteTx<DataSchema>, h: Handover, text: string, d: HandoverDeps): number => {
  const coach = h.coachId ? tx.get('people', h.coachId) : undefined;
  const to = coachSide(tx, h);
  if (!coach || !to) return 0;
  const t: Template = { key: 'handover:from_person', params: { person: name(tx, h.personId), text } };
  queue(tx, `ho:${h.id}:${d.ids.next('m')}`, to, t, coach.lang, d);
  return 1;
};

/** The coach's words, passed on to the person in the coach's own words, on the person's chat. */
export const postToPerson = (tx: WriteTx<DataSchema>, h: Handover, text: string, d: HandoverDeps): number => {
  const person = tx.get('people', h.personId);
  const to = latestAddressOf(tx, h.personId);
  if (!person || !to) return 0;
  const t: Template = { key: 'handover:from_coach', params: { coach: name(tx, h.coachId), text } };
  queue(tx, `ho:${h.id}:${d.ids.next('m')}`, to, t, person.lang, d);
  return 1;
};

/** A short notice to the coach where they wrote (a reply in a closed handover's thread). */
export const postNotice = (
  tx: WriteTx<DataSchema>,
  to: Address,
  lng: string,
  t: Template,
  d: HandoverDeps,
): number => {
  queue(tx, `ho:n:${d.ids.next('m')}`, to, t, lng, d);
  return 1;
};

/**
 * The outbox delivered a row (inside its transaction): the platform id of a handover's first post
 * in a channel with threads becomes the handover's thread, so the person's next messages are
 * replies in it and the coach's replies there are recognised.
 */
export const onHandoverRowSettled = (
  tx: WriteTx<DataSchema>,
  r: OutboxRecord,
  outcome: 'sent' | 'failed',
  platformId: string | undefined,
  threads: (channel: string) => boolean,
): void => {
  const m = /^ho:(.+):root$/.exec(r.id);
  if (!m || outcome !== 'sent' || !platformId || !threads(r.to.channel)) return;
  const h = tx.get('handovers', m[1]!);
  if (!h || h.thread) return;
  tx.put('handovers', h.id, { ...h, thread: { channel: r.to.channel, chat: r.to.chat, thread: platformId } });
};
