import type { Channel, SendResult } from '../core/channel.js';
import type { Clock } from '../core/clock.js';
import type { Log } from '../core/log.js';
import { addressKey, type Address, type Outbound } from '../core/messages.js';
import type { CoreSchema, OutboxRecord } from '../core/records.js';
import type { Dispatch } from '../core/runtime.js';
import type { Store } from '../core/store.js';

export interface DispatcherOptions {
  readonly store: Store<CoreSchema>;
  readonly channels: ReadonlyMap<string, Channel>;
  readonly clock: Clock;
  readonly log: Log;
  /** Attempts before a message is marked failed. */
  readonly maxAttempts?: number;
  /**
   * Runs `fn` after `ms` (default: an unref'd setTimeout). A failed delivery whose retry is due
   * within {@link MAX_WAKE_MS} is retried then, instead of at the next periodic tick.
   */
  readonly schedule?: (fn: () => void, ms: number) => { cancel(): void };
}

/** Retries further away than this wait for the periodic tick. */
const MAX_WAKE_MS = 15 * 60_000;

const defaultSchedule = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return { cancel: () => clearTimeout(t) };
};

export interface Dispatcher extends Dispatch {
  /** Delivers everything that is due; resolves when this round is done. */
  flush(): Promise<void>;
  /** Resolves when no flush is running or asked for. */
  idle(): Promise<void>;
}

const byAge = (a: OutboxRecord, b: OutboxRecord) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Delivers the outbox: messages were written in the same transaction as the turn that produced
 * them, so a crash never loses one; after a restart, pending ones are sent. A delivered message
 * is removed at once (its text need not be kept: need-to-know), so the outbox holds only what
 * is still to be delivered or has failed, and stays small however much traffic passes. Order per address is
 * kept: when one fails, later ones to the same address wait. Failures back off (or follow the
 * platform's retry-after) and stop after `maxAttempts`.
 */
export const createDispatcher = (o: DispatcherOptions): Dispatcher => {
  const maxAttempts = o.maxAttempts ?? 6;
  let running: Promise<void> | null = null;
  let again = false;
  const schedule = o.schedule ?? defaultSchedule;
  let wake: { at: number; cancel(): void } | null = null;

  /** Flushes again when the earliest retry is due (a platform's retry-after, or the back-off). */
  const wakeAt = (at: number) => {
    const now = o.clock.now().getTime();
    if (at - now > MAX_WAKE_MS || (wake && wake.at <= at)) return;
    wake?.cancel();
    const w = schedule(
      () => {
        if (wake === handle) wake = null;
        void flush();
      },
      Math.max(0, at - now),
    );
    const handle = { at, cancel: w.cancel };
    wake = handle;
  };

  const round = async (): Promise<void> => {
    const now = o.clock.now();
    const pending = await o.store.read((tx) => tx.list('outbox', (r) => r.status === 'pending').sort(byAge));
    const blocked = new Set<string>();
    const done: OutboxRecord[] = [];
    const sent: string[] = [];
    // Channels deliver side by side: a paced WhatsApp queue must not hold up Telegram or Slack.
    const byChannel = new Map<string, OutboxRecord[]>();
    for (const r of pending) byChannel.set(r.to.channel, [...(byChannel.get(r.to.channel) ?? []), r]);
    const deliver = async (records: readonly OutboxRecord[]) => {
      for (const r of records) {
        const k = addressKey(r.to);
        if (blocked.has(k)) continue;
        // A message that waits for its retry holds back later ones to the same address.
        if (Date.parse(r.nextAttemptAt) > now.getTime()) {
          blocked.add(k);
          continue;
        }
        const channel = o.channels.get(r.to.channel);
        if (!channel) {
          blocked.add(k);
          continue;
        }
        const res: SendResult = await channel
          .send(r.to, r.message)
          .catch((e: unknown) => ({ ok: false, permanent: false, reason: String(e) }));
        const at = o.clock.now();
        if (res.ok) {
          sent.push(r.id);
          continue;
        }
        blocked.add(k);
        const attempts = r.attempts + 1;
        const failed = res.permanent || attempts >= maxAttempts;
        const wait = res.retryAfterMs ?? Math.min(2 ** attempts * 1000, 3_600_000);
        done.push({
          ...r,
          attempts,
          status: failed ? 'failed' : 'pending',
          error: res.reason.slice(0, 200),
          nextAttemptAt: new Date(at.getTime() + wait).toISOString(),
        });
        o.log.warn({ outbox: r.id, channel: r.to.channel, attempts, failed }, 'delivery failed');
      }
    };
    await Promise.all([...byChannel.values()].map(deliver));
    if (!done.length && !sent.length) return;
    await o.store.transact((tx) => {
      for (const r of done) tx.put('outbox', r.id, r);
      for (const id of sent) tx.delete('outbox', id);
    });
    for (const r of done) if (r.status === 'pending') wakeAt(Date.parse(r.nextAttemptAt));
  };

  const flush = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await round().catch((e: unknown) => o.log.error({ err: String(e) }, 'outbox round failed'));
      } while (again);
      running = null;
    })();
    return running;
  };

  return {
    flush,
    wake: () => void flush(),
    idle: async () => {
      while (running) await running;
    },
    sendNow: async (to: Address, message: Outbound) => {
      const channel = o.channels.get(to.channel);
      if (!channel) return;
      const res = await channel.send(to, message);
      if (!res.ok) o.log.warn({ channel: to.channel }, 'direct send failed');
    },
  };
};
