import type { Template } from '../../core/effects.js';
import { addressKey, hashTag, type Address, type Outbound } from '../../core/messages.js';
import { pendingOutbox } from '../../core/records.js';
import type { WriteTx } from '../../core/store.js';
import type { Activity, Broadcast } from '../activities/types.js';
import type { DataSchema } from '../schema.js';
import { activityTemplate, digestTemplates } from './compose.js';
import { gemeentenOf, groupsOf, subscribersOf } from './recipients.js';
import { gemeenteName } from '../municipalities.js';

/** Renders a template in a language (the app's i18n). */
export type Render = (template: Template, lng: string) => Outbound;

export interface FanOutDeps {
  readonly now: Date;
  readonly render: Render;
  readonly timeZone: string;
  /** Language of group posts: Dutch stays visible in the gemeente-groep. */
  readonly groupLanguage: string;
}

/** A short stable tag for an address in an outbox key (no chat id in the key itself). */
const tag = (a: Address) => hashTag(addressKey(a), 16);

const messagesFor = (
  b: Broadcast,
  activities: readonly Activity[],
  o: { gemeente: string; lng: string; timeZone: string; rsvp: boolean },
): Template[] =>
  b.kind === 'digest' ? digestTemplates(activities, o) : activities.map((a) => activityTemplate(a, o));

/**
 * Turns a scheduled broadcast into outbox rows, in the caller's transaction: one message (or a
 * few parts) per gemeente-groep in Dutch, and one per subscriber in their own language, each
 * person and each group once however many of the gemeenten they belong to. The row id is the
 * idempotency key `bc:<broadcast>:<recipient>:<part>`, and the broadcast turns to `sending` in
 * the same transaction, so running this twice, or after a crash, sends nobody anything twice.
 * Each subscriber's numbered activities are kept so "2" or "ik kom 2" can be read as an RSVP.
 */
export const fanOut = (
  tx: WriteTx<DataSchema>,
  broadcastId: string,
  d: FanOutDeps,
): { outcome: 'sent' | 'empty' | 'not_scheduled'; total: number } => {
  const b = tx.get('broadcasts', broadcastId);
  if (!b || b.status !== 'scheduled') return { outcome: 'not_scheduled', total: 0 };
  const activities = b.activityIds
    .map((id) => tx.get('activities', id))
    .filter((a): a is Activity => !!a && a.status === 'active');
  const at = d.now.toISOString();
  if (activities.length === 0) {
    tx.put('broadcasts', b.id, { ...b, status: 'done', total: 0 });
    return { outcome: 'empty', total: 0 };
  }
  // Every group once (Dutch, answer privately) and every subscriber once (own language, numbered).
  const wanted = new Set(b.municipalities);
  const targets = [
    ...groupsOf(tx, b.municipalities).map((g) => ({
      to: g.address,
      gemeente: g.municipality,
      lng: d.groupLanguage,
      personId: null as string | null,
    })),
    ...subscribersOf(tx, b.municipalities).map((s) => ({
      to: s.address,
      gemeente: gemeentenOf(s.person).find((m) => wanted.has(m)) ?? s.person.municipality,
      lng: s.person.lang,
      personId: s.person.id as string | null,
    })),
  ];
  let total = 0;
  for (const t of targets) {
    const o = {
      gemeente: gemeenteName(tx, t.gemeente),
      lng: t.lng,
      timeZone: d.timeZone,
      rsvp: t.personId !== null,
    };
    messagesFor(b, activities, o).forEach((template, i) => {
      const key = `bc:${b.id}:${tag(t.to)}:${i}`;
      if (tx.get('outbox', key)) return;
      tx.put(
        'outbox',
        key,
        pendingOutbox(key, t.to, d.render(template, t.lng), d.now, {
          kind: 'broadcast',
          broadcastId: b.id,
          quietOverride: b.quietOverride,
        }),
      );
      total++;
    });
    if (t.personId)
      tx.put('offers', t.personId, {
        v: 1,
        id: t.personId,
        activityIds: activities.map((a) => a.id),
        broadcastId: b.id,
        at,
      });
  }
  tx.put('broadcasts', b.id, { ...b, status: total ? 'sending' : 'done', total });
  return { outcome: 'sent', total };
};

/**
 * Counts a broadcast message as sent or failed (called by the outbox in the transaction that
 * settles the row); the broadcast is done when every message is settled.
 */
export const settleBroadcastMessage = (
  tx: WriteTx<DataSchema>,
  broadcastId: string,
  outcome: 'sent' | 'failed',
): void => {
  const b = tx.get('broadcasts', broadcastId);
  if (!b) return;
  const sent = b.sent + (outcome === 'sent' ? 1 : 0);
  const failed = b.failed + (outcome === 'failed' ? 1 : 0);
  tx.put('broadcasts', b.id, { ...b, sent, failed, status: sent + failed >= b.total ? 'done' : b.status });
};
