import type { ReadTx } from '../../core/store.js';
import type { Broadcast } from '../activities/types.js';
import type { DataSchema } from '../schema.js';
import { gemeenteName } from '../municipalities.js';

/** One broadcast of the history with its delivery counts. */
export interface BroadcastRow {
  readonly id: string;
  readonly kind: Broadcast['kind'];
  /** When it goes or went out (UTC ISO). */
  readonly sendAt: string;
  readonly status: Broadcast['status'];
  /** Gemeente names. */
  readonly gemeenten: readonly string[];
  /** Titles of its activities. */
  readonly titles: readonly string[];
  readonly sent: number;
  readonly total: number;
  readonly failed: number;
  /** Name of the coach who made it, else their id ("cli"). */
  readonly by: string;
}

/**
 * The broadcast history (of one gemeente, or all when `gemeente` is null), latest first: what
 * went out to whom, when, and how many messages went out or failed of how many made.
 */
export const broadcastHistory = (tx: ReadTx<DataSchema>, gemeente: string | null): BroadcastRow[] =>
  tx
    .list('broadcasts', (b) => gemeente === null || b.municipalities.includes(gemeente))
    .sort((a, b) => b.sendAt.localeCompare(a.sendAt) || b.id.localeCompare(a.id))
    .map((b) => ({
      id: b.id,
      kind: b.kind,
      sendAt: b.sendAt,
      status: b.status,
      gemeenten: b.municipalities.map((m) => gemeenteName(tx, m)),
      titles: b.activityIds.map((id) => tx.get('activities', id)?.title ?? id),
      sent: b.sent,
      total: b.total,
      failed: b.failed,
      by: tx.get('people', b.createdBy)?.name ?? b.createdBy,
    }));
