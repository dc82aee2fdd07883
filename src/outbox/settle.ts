import type { SendResult } from '../core/channel.js';
import type { CoreSchema, OutboxRecord } from '../core/records.js';
import type { WriteTx } from '../core/store.js';

/** Called in the transaction that removes (sent) or dead-letters (failed) a row. */
export type OnSettled<S extends CoreSchema> = (
  tx: WriteTx<S>,
  record: OutboxRecord,
  outcome: 'sent' | 'failed',
  /** The platform's id of the delivered message (to edit it later), when it gave one. */
  platformId?: string,
) => void;

export interface SettleOptions<S extends CoreSchema> {
  readonly at: Date;
  readonly maxAttempts: number;
  readonly onSettled?: OnSettled<S> | undefined;
}

/** What one settlement did, for counting, pausing and waking. */
export interface Settled {
  readonly sent: OutboxRecord[];
  readonly failed: OutboxRecord[];
  /** Rows back to pending with their next attempt time. */
  readonly retry: OutboxRecord[];
  /** The latest retry-after a platform asked for, if any (pauses the whole channel). */
  readonly pauseUntil: number | null;
}

/** The longest back-off between two attempts. */
const MAX_BACKOFF_MS = 3_600_000;

/** A platform's "slow down" (429 with retry-after): not the message's fault, so not an attempt. */
export const isRateLimited = (r: SendResult): boolean =>
  !r.ok && !r.permanent && r.retryAfterMs !== undefined;

/**
 * Writes the outcome of sends, inside one transaction: delivered rows are removed, a platform's
 * retry-after puts the row back with that time (the attempt is not counted), other failures back
 * off (2, 4, 8 … seconds, at most an hour) until `maxAttempts` or a permanent error makes the row
 * `failed`. `release` are rows marked `sending` that did not go (they turn `pending` again).
 * `onSettled` runs for every row removed or failed, in this same transaction.
 */
export const settleRows = <S extends CoreSchema>(
  tx: WriteTx<S>,
  items: readonly { readonly record: OutboxRecord; readonly result: SendResult }[],
  release: readonly OutboxRecord[],
  o: SettleOptions<S>,
): Settled => {
  const sent: OutboxRecord[] = [];
  const failed: OutboxRecord[] = [];
  const retry: OutboxRecord[] = [];
  let pauseUntil: number | null = null;
  const at = o.at.getTime();
  const put = (r: OutboxRecord) => tx.put('outbox', r.id, r as S['outbox']);
  for (const { record, result } of items) {
    const cur = tx.get('outbox', record.id) as OutboxRecord | undefined;
    if (!cur) continue;
    if (result.ok) {
      tx.delete('outbox', cur.id);
      o.onSettled?.(tx, cur, 'sent', result.platformId);
      sent.push(cur);
      continue;
    }
    const error = result.reason.slice(0, 200);
    if (isRateLimited(result)) {
      const until = at + (result.retryAfterMs ?? 0);
      pauseUntil = Math.max(pauseUntil ?? 0, until);
      const next: OutboxRecord = {
        ...cur,
        status: 'pending',
        error,
        nextAttemptAt: new Date(until).toISOString(),
      };
      put(next);
      retry.push(next);
      continue;
    }
    const attempts = cur.attempts + 1;
    const gaveUp = result.permanent || attempts >= o.maxAttempts;
    const wait = Math.min(2 ** attempts * 1000, MAX_BACKOFF_MS);
    const next: OutboxRecord = {
      ...cur,
      attempts,
      status: gaveUp ? 'failed' : 'pending',
      error,
      nextAttemptAt: new Date(at + wait).toISOString(),
    };
    put(next);
    if (gaveUp) {
      o.onSettled?.(tx, next, 'failed');
      failed.push(next);
    } else retry.push(next);
  }
  for (const r of release) {
    const cur = tx.get('outbox', r.id) as OutboxRecord | undefined;
    if (cur?.status === 'sending') put({ ...cur, status: 'pending' });
  }
  return { sent, failed, retry, pauseUntil };
};

/**
 * Moves broadcast rows held by quiet hours to their end, so no round looks at them before then
 * (and a crash leftover in `sending` becomes `pending`).
 */
export const deferRows = <S extends CoreSchema>(
  tx: WriteTx<S>,
  rows: readonly OutboxRecord[],
  until: Date,
): void => {
  for (const r of rows) {
    const cur = tx.get('outbox', r.id) as OutboxRecord | undefined;
    if (!cur || cur.status === 'failed') continue;
    const at = Math.max(Date.parse(cur.nextAttemptAt), until.getTime());
    tx.put('outbox', cur.id, {
      ...cur,
      status: 'pending',
      nextAttemptAt: new Date(at).toISOString(),
    } as S['outbox']);
  }
};
