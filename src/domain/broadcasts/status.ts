import type { Address } from '../../core/messages.js';
import { pendingOutbox, type OutboxRecord } from '../../core/records.js';
import type { Json, ReadTx, WriteTx } from '../../core/store.js';
import type { Activity, Broadcast } from '../activities/types.js';
import type { DataSchema } from '../schema.js';
import type { Render } from './fanout.js';
import { settleBroadcastMessage } from './fanout.js';
import { comingCount } from './rsvp.js';

/** Delivery shares at which the coach's status message is updated (besides every RSVP). */
const MILESTONES = [0.25, 0.5, 0.75, 1] as const;

/** A broadcast's titles with how many are coming, and its delivery counts: text parameters. */
export const progressParams = (tx: ReadTx<DataSchema>, b: Broadcast): Record<string, Json> => ({
  titles: b.activityIds
    .map((id) => tx.get('activities', id))
    .filter((a): a is Activity => !!a)
    .map((a) => `${a.title} (👥 ${comingCount(tx, a.id)})`)
    .join(', '),
  sent: b.sent,
  total: b.total,
  failed: b.failed,
  status: { $t: `staff:broadcast_state.${b.status}` },
});

/**
 * Queues an update of a broadcast's status message in the coach's chat: sent/total, failed, and
 * how many are coming, as an edit of that message where the platform can edit. `step` makes the
 * outbox key unique per update (so updates never overwrite one that is being sent) and sorts
 * updates made in the same instant in order (p025 < p050 < p100 < r0001).
 */
export const queueStatusUpdate = (
  tx: WriteTx<DataSchema>,
  broadcastId: string,
  step: string,
  d: { readonly render: Render; readonly now: Date },
): void => {
  const b = tx.get('broadcasts', broadcastId);
  const sm = b?.statusMessage;
  if (!b || !sm) return;
  const coach = tx.get('people', b.createdBy);
  const lng = coach?.lang ?? 'nl';
  const message = {
    ...d.render({ key: 'staff:broadcast_progress', params: progressParams(tx, b) }, lng),
    replace: sm.platformId,
  };
  const id = `st:${b.id}:${step}`;
  if (tx.get('outbox', id)) return;
  tx.put('outbox', id, pendingOutbox(id, sm.address, message, d.now));
};

/**
 * The outbox settled a row (inside its transaction): a broadcast message counts as sent or
 * failed, and the coach's status message is updated at 25/50/75/100 %; a delivered status
 * message keeps its platform id so it can be edited later.
 */
export const onBroadcastRowSettled = (
  tx: WriteTx<DataSchema>,
  r: OutboxRecord,
  outcome: 'sent' | 'failed',
  platformId: string | undefined,
  d: { readonly render: Render; readonly now: Date },
): void => {
  if (r.statusOf && outcome === 'sent' && platformId) {
    const b = tx.get('broadcasts', r.statusOf);
    const address: Address = r.to;
    if (b) {
      tx.put('broadcasts', b.id, { ...b, statusMessage: { address, platformId } });
      if (b.total > 0 && b.sent + b.failed > 0) queueStatusUpdate(tx, b.id, 'p000', d);
    }
  }
  if (!r.broadcastId) return;
  const before = tx.get('broadcasts', r.broadcastId);
  settleBroadcastMessage(tx, r.broadcastId, outcome);
  const after = tx.get('broadcasts', r.broadcastId);
  if (!before || !after || after.total === 0) return;
  const share = (x: { sent: number; failed: number }) => (x.sent + x.failed) / after.total;
  const crossed = MILESTONES.filter((m) => share(before) < m && share(after) >= m);
  if (crossed.length)
    queueStatusUpdate(tx, after.id, `p${String(Math.round(crossed.at(-1)! * 100)).padStart(3, '0')}`, d);
};
