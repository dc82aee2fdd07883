import type { Clock } from '../core/clock.js';
import type { OutboxRecord } from '../core/records.js';

/** How far one broadcast is, as this dispatcher has seen it since it started. */
export interface BroadcastProgress {
  readonly broadcastId: string;
  /** Delivered (and failed for good) by this dispatcher since it started. */
  readonly sent: number;
  readonly failed: number;
  /** Rows of the broadcast still in the outbox, not failed. */
  readonly pending: number;
}

export interface ProgressOptions {
  readonly clock: Clock;
  readonly schedule: (fn: () => void, ms: number) => { cancel(): void };
  /** Counts the open (not failed) rows per broadcast. */
  readonly pending: () => Promise<ReadonlyMap<string, number>>;
  readonly onProgress: (p: BroadcastProgress) => void;
  readonly onError: (e: unknown) => void;
}

export interface Progress {
  /** Counts settled broadcast rows, then reports if a second has passed (else soon after). */
  settled(sent: readonly OutboxRecord[], failed: readonly OutboxRecord[]): void;
  stop(): void;
}

const INTERVAL_MS = 1000;

/**
 * Reports broadcasts' progress at most once a second while something changes; the last report
 * of a broadcast has `pending: 0`. It runs beside the delivery and never holds it up.
 */
export const createProgress = (o: ProgressOptions): Progress => {
  const counts = new Map<string, { sent: number; failed: number }>();
  let last = -Infinity;
  let timer: { cancel(): void } | null = null;
  let reporting = false;
  let dirty = false;
  let stopped = false;

  const report = async () => {
    reporting = true;
    dirty = false;
    last = o.clock.now().getTime();
    try {
      const open = await o.pending();
      for (const [broadcastId, c] of [...counts]) {
        const pending = open.get(broadcastId) ?? 0;
        o.onProgress({ broadcastId, sent: c.sent, failed: c.failed, pending });
        if (pending === 0) counts.delete(broadcastId);
      }
    } catch (e) {
      o.onError(e);
    } finally {
      reporting = false;
      soon();
    }
  };

  /** Reports now if a second has passed since the last report, else once it has. */
  function soon(): void {
    if (stopped || timer || reporting || !dirty) return;
    const wait = last + INTERVAL_MS - o.clock.now().getTime();
    if (wait <= 0) {
      void report();
      return;
    }
    timer = o.schedule(() => {
      timer = null;
      if (!stopped && dirty && !reporting) void report();
    }, wait);
  }

  return {
    settled: (sent, failed) => {
      let any = false;
      for (const [rows, field] of [
        [sent, 'sent'],
        [failed, 'failed'],
      ] as const) {
        for (const r of rows) {
          if (!r.broadcastId) continue;
          const c = counts.get(r.broadcastId) ?? { sent: 0, failed: 0 };
          c[field]++;
          counts.set(r.broadcastId, c);
          any = true;
        }
      }
      if (!any) return;
      dirty = true;
      soon();
    },
    stop: () => {
      stopped = true;
      timer?.cancel();
      timer = null;
    },
  };
};
