import type { Channel } from '../core/channel.js';
import type { Clock } from '../core/clock.js';
import type { Log } from '../core/log.js';
import type { Address, Outbound } from '../core/messages.js';
import type { CoreSchema, OutboxRecord } from '../core/records.js';
import type { Dispatch } from '../core/runtime.js';
import type { Store } from '../core/store.js';
import { createLane, type Lane, type LaneContext } from './lane.js';
import { createProgress, type BroadcastProgress } from './progress.js';
import { DEFAULT_QUIET_HOURS, type QuietHours } from './quiet-hours.js';
import { createLimiter, type ChannelLimiter, type ChannelPolicy } from './rate-limit.js';
import type { OnSettled } from './settle.js';

export interface DispatcherOptions<S extends CoreSchema = CoreSchema> {
  readonly store: Store<S>;
  readonly channels: ReadonlyMap<string, Channel>;
  readonly clock: Clock;
  readonly log: Log;
  /** Attempts before a message is marked failed (default 6). A platform's 429 is no attempt. */
  readonly maxAttempts?: number;
  /**
   * Runs `fn` after `ms` (default: an unref'd setTimeout). A failed delivery whose retry is due
   * within {@link MAX_WAKE_MS} is retried then, instead of at the next periodic tick.
   */
  readonly schedule?: (fn: () => void, ms: number) => { cancel(): void };
  /** Waits `ms` between sends held by a rate limit (default: setTimeout). Tests pass fake time. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Limits and concurrency per channel name. A channel without a policy is unlimited, one send
   * in flight. Default: none — the composition root passes `outboxSettings(config).policies`
   * (the platforms' limits unless configured otherwise).
   */
  readonly policies?: Readonly<Record<string, ChannelPolicy>>;
  /** When broadcast rows wait (default 21:00-08:00; `null`: never). Replies never wait. */
  readonly quietHours?: QuietHours | null;
  /** The time zone of the quiet hours (default Europe/Brussels). */
  readonly timeZone?: string;
  /** Most rows marked `sending` at once per channel (default 64; less for slow channels). */
  readonly batchSize?: number;
  /** In the transaction that removes (sent) or dead-letters (failed) a row: count it there. */
  readonly onSettled?: OnSettled<S>;
  /** At most once a second while a broadcast's rows are settling; the last one has `pending: 0`. */
  readonly onProgress?: (p: BroadcastProgress) => void;
}

/** Retries further away than this wait for the periodic tick. */
export const MAX_WAKE_MS = 15 * 60_000;

const defaultSchedule = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return { cancel: () => clearTimeout(t) };
};
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Dispatcher extends Dispatch {
  /**
   * Starts delivering what is due on every channel; resolves when each channel had its round
   * (the due rows of one batch sent, or nothing left that may go now). Delivery of a long
   * broadcast goes on after it resolves; see {@link Dispatcher.idle}.
   */
  flush(): Promise<void>;
  /** Resolves when no channel is delivering (everything due went, or waits for later). */
  idle(): Promise<void>;
  /** Finishes the sends in flight, puts reserved rows back, cancels wake-ups; flush does nothing after. */
  stop(): Promise<void>;
}

interface LaneState {
  readonly lane: Lane;
  running: Promise<void> | null;
  again: boolean;
}

/**
 * Delivers the outbox, exactly once as far as each platform allows. Messages were written in the
 * same transaction as the turn (or the broadcast fan-out), so a crash never loses one. Before a
 * platform call the row is durably marked `sending`; after it the row is removed (delivered:
 * its text need not be kept) or updated (retry, failed) in a transaction. Rows still `sending`
 * at start-up were in flight at a crash and are sent again with the same idempotency key (the
 * row id): platforms that take such a key drop the repeat; on others (Telegram, WhatsApp Web) at
 * most the messages in flight at the crash — the channel's concurrency, 1 by default — can
 * arrive twice. Nobody is ever skipped.
 *
 * Channels deliver side by side, each within its limits (token buckets per channel, chat and
 * group); a platform's retry-after pauses that channel only. Replies go first: a reply written
 * during a broadcast goes out after at most the send in flight. Broadcast rows wait during quiet
 * hours (their `nextAttemptAt` moves to the end), unless `quietOverride`. Order per address is
 * kept: when one fails, later ones to the same address wait. Failures back off and stop after
 * `maxAttempts` (status `failed`: the dead-letter list).
 */
export const createDispatcher = <S extends CoreSchema = CoreSchema>(o: DispatcherOptions<S>): Dispatcher => {
  const schedule = o.schedule ?? defaultSchedule;
  const sleep = o.sleep ?? defaultSleep;
  const held = new Set<string>();
  const lanes = new Map<string, LaneState>();
  const limiters = new Map<string, ChannelLimiter>();
  let stopped = false;
  let stopSignal: () => void = () => {};
  const stopping = new Promise<void>((resolve) => (stopSignal = resolve));
  let wake: { at: number; cancel(): void } | null = null;

  /** Flushes again when the earliest retry is due (a platform's retry-after, or the back-off). */
  const wakeAt = (at: number) => {
    const now = o.clock.now().getTime();
    if (stopped || at - now > MAX_WAKE_MS || (wake && wake.at <= at)) return;
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

  const progress = o.onProgress
    ? createProgress({
        clock: o.clock,
        schedule,
        onProgress: o.onProgress,
        onError: (e) => o.log.error({ err: String(e) }, 'outbox: progress failed'),
        pending: () =>
          o.store.read((tx) => {
            const open = new Map<string, number>();
            for (const r of tx.list('outbox') as OutboxRecord[])
              if (r.broadcastId && r.status !== 'failed')
                open.set(r.broadcastId, (open.get(r.broadcastId) ?? 0) + 1);
            return open;
          }),
      })
    : null;

  const ctx: LaneContext<S> = {
    store: o.store,
    clock: o.clock,
    log: o.log,
    maxAttempts: o.maxAttempts ?? 6,
    quietHours: o.quietHours === undefined ? DEFAULT_QUIET_HOURS : o.quietHours,
    timeZone: o.timeZone ?? 'Europe/Brussels',
    onSettled: o.onSettled,
    progress,
    nap: (ms) => Promise.race([sleep(ms), stopping]),
    wakeAt,
    stopped: () => stopped,
  };

  const laneOf = (name: string, channel: Channel): LaneState => {
    let st = lanes.get(name);
    if (st) return st;
    const policy = o.policies?.[name] ?? {};
    const limiter = createLimiter(policy, o.clock.now().getTime());
    limiters.set(name, limiter);
    const perSecond = policy.overall
      ? Math.floor((policy.overall.count * 1000) / policy.overall.perMs)
      : Infinity;
    const lane = createLane(ctx, held, {
      channel,
      limiter,
      concurrency: Math.max(1, policy.concurrency ?? 1),
      // Rows marked `sending` should go within about a second.
      batch: Math.max(1, Math.min(o.batchSize ?? 64, perSecond)),
    });
    st = { lane, running: null, again: false };
    lanes.set(name, st);
    return st;
  };

  const run = (name: string, channel: Channel): Promise<void> => {
    const st = laneOf(name, channel);
    const round = st.lane.nextRound();
    st.lane.freshRows();
    if (st.running) {
      st.again = true;
      return round;
    }
    st.running = (async () => {
      do {
        st.again = false;
        await st.lane
          .pump()
          .catch((e: unknown) => o.log.error({ channel: name, err: String(e) }, 'outbox round failed'));
      } while (st.again && !stopped);
      st.running = null;
      st.lane.endRound();
    })();
    return round;
  };

  const flush = async (): Promise<void> => {
    if (stopped) return;
    await Promise.all([...o.channels].map(([name, channel]) => run(name, channel)));
  };

  const idle = async () => {
    for (;;) {
      const running = [...lanes.values()].map((l) => l.running).filter((p) => p !== null);
      if (!running.length) return;
      await Promise.all(running);
    }
  };

  return {
    flush,
    wake: () => void flush(),
    idle,
    stop: async () => {
      stopped = true;
      stopSignal();
      wake?.cancel();
      wake = null;
      progress?.stop();
      await idle();
    },
    sendNow: async (to: Address, message: Outbound) => {
      const channel = o.channels.get(to.channel);
      if (!channel) return;
      limiters.get(to.channel)?.take(to, o.clock.now().getTime());
      const res = await channel.send(to, message);
      if (!res.ok) o.log.warn({ channel: to.channel }, 'direct send failed');
    },
  };
};
