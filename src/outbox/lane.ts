import type { Channel, SendResult } from '../core/channel.js';
import type { Clock } from '../core/clock.js';
import type { Log } from '../core/log.js';
import type { CoreSchema, OutboxRecord } from '../core/records.js';
import type { Store } from '../core/store.js';
import type { Progress } from './progress.js';
import { quietUntil, type QuietHours } from './quiet-hours.js';
import type { ChannelLimiter } from './rate-limit.js';
import { isBroadcast, orderKey, selectRows } from './select.js';
import { deferRows, isRateLimited, settleRows, type OnSettled, type Settled } from './settle.js';

/** Token waits up to this long are slept inside the round; longer ones end it with a wake-up. */
const MAX_NAP_MS = 5_000;

/** What the lanes of one dispatcher share. */
export interface LaneContext<S extends CoreSchema> {
  readonly store: Store<S>;
  readonly clock: Clock;
  readonly log: Log;
  readonly maxAttempts: number;
  readonly quietHours: QuietHours | null;
  readonly timeZone: string;
  readonly onSettled?: OnSettled<S> | undefined;
  readonly progress: Progress | null;
  /** Sleeps `ms` (injected time), or less when the dispatcher stops. */
  nap(ms: number): Promise<void>;
  /** Asks for a flush at `at` (a retry, the end of a pause or of quiet hours). */
  wakeAt(at: number): void;
  stopped(): boolean;
}

export interface LaneOptions {
  readonly channel: Channel;
  readonly limiter: ChannelLimiter;
  /** Sends in flight at once. */
  readonly concurrency: number;
  /** Rows marked `sending` at once. */
  readonly batch: number;
}

/** One channel's delivery loop. */
export interface Lane {
  /** Delivers until nothing is due (or only later: a retry, a pause, quiet hours). */
  pump(): Promise<void>;
  /** New rows were written: look for replies before the next send. */
  freshRows(): void;
  /** Resolves when the rows due now had their turn (after the next selection's batch). */
  nextRound(): Promise<void>;
  /** Resolves every waiting flush (the lane stopped). */
  endRound(): void;
}

const failure = (e: unknown): SendResult => ({
  ok: false,
  permanent: false,
  reason: e instanceof Error ? e.message : String(e),
});

/**
 * The delivery loop of one channel. A batch of due rows is durably marked `sending` (one
 * transaction), then sent `concurrency` at a time within the channel's limits; each send is
 * settled (removed, retried or failed, in a transaction with `onSettled`) before the next one
 * starts, so a crash can leave at most `concurrency` delivered rows unsettled. Rows found in
 * `sending` that no lane holds were in flight at a crash: they are sent again, same key.
 * Replies written while a batch of broadcast rows goes out are taken in before the next send.
 */
export const createLane = <S extends CoreSchema>(
  ctx: LaneContext<S>,
  held: Set<string>,
  o: LaneOptions,
): Lane => {
  const name = o.channel.name;
  const reserve: OutboxRecord[] = [];
  let fresh = false;
  let recovered = false;
  let selections = 0;
  let waiters: { after: number; resolve: () => void }[] = [];

  /** Resolves the flushes whose selection has been made and sent (`all`: every one). */
  const endRound = (all: boolean) => {
    const done = waiters.filter((w) => all || w.after < selections);
    waiters = waiters.filter((w) => !done.includes(w));
    for (const w of done) w.resolve();
  };

  const drop = (rows: readonly OutboxRecord[]) => {
    for (const r of rows) {
      const i = reserve.indexOf(r);
      if (i >= 0) reserve.splice(i, 1);
    }
  };

  /** Puts reserved rows back: to pending, or to the end of the quiet hours. */
  const release = async (rows: readonly OutboxRecord[], quietEnd: number | null) => {
    drop(rows);
    if (!rows.length) return;
    try {
      await ctx.store.transact((tx) => {
        if (quietEnd === null)
          settleRows(tx, [], rows, { at: ctx.clock.now(), maxAttempts: ctx.maxAttempts });
        else deferRows(tx, rows, new Date(quietEnd));
      });
    } finally {
      for (const r of rows) held.delete(r.id);
    }
  };

  const refill = async (now: number, quietEnd: number | null) => {
    const repliesOnly = reserve.length > 0;
    // A flush waits for a selection that starts after it asked.
    selections++;
    const rows = await ctx.store.read((tx) =>
      tx.list('outbox', (r) => {
        const rec = r as OutboxRecord;
        return rec.to.channel === name && rec.status !== 'failed' && !held.has(rec.id);
      }),
    );
    if (!recovered) {
      recovered = true;
      const left = (rows as OutboxRecord[]).filter((r) => r.status === 'sending').length;
      if (left)
        ctx.log.warn({ channel: name, rows: left }, 'outbox: resending what was in flight at a crash');
    }
    const sel = selectRows(rows as OutboxRecord[], { now, quietEnd, limit: o.batch, repliesOnly });
    if (sel.quiet.length && quietEnd !== null) {
      await ctx.store.transact((tx) => deferRows(tx, sel.quiet, new Date(quietEnd)));
      ctx.wakeAt(quietEnd);
    }
    if (sel.earliest !== null) ctx.wakeAt(sel.earliest);
    if (!sel.chosen.length) return;
    const marked = await ctx.store.transact((tx) => {
      const out: OutboxRecord[] = [];
      for (const r of sel.chosen) {
        const cur = tx.get('outbox', r.id) as OutboxRecord | undefined;
        if (!cur || cur.status === 'failed' || held.has(cur.id)) continue;
        const m: OutboxRecord = { ...cur, status: 'sending' };
        tx.put('outbox', m.id, m as S['outbox']);
        out.push(m);
      }
      return out;
    });
    for (const m of marked) held.add(m.id);
    // New replies go after the replies already reserved and before any broadcast row.
    const firstBroadcast = reserve.findIndex(isBroadcast);
    reserve.splice(
      firstBroadcast < 0 ? reserve.length : firstBroadcast,
      0,
      ...marked.filter((r) => !isBroadcast(r)),
    );
    reserve.push(...marked.filter(isBroadcast));
  };

  /** The next rows that may go now (distinct addresses, within the limits), or how long to wait. */
  const pick = (now: number): { rows: OutboxRecord[]; waitMs: number } => {
    if (o.limiter.pausedUntil > now) return { rows: [], waitMs: o.limiter.pausedUntil - now };
    const rows: OutboxRecord[] = [];
    const seen = new Set<string>();
    let wait = Infinity;
    for (const r of reserve) {
      if (rows.length >= o.concurrency) break;
      const k = orderKey(r);
      if (seen.has(k)) continue;
      seen.add(k);
      const w = o.limiter.waitMs(r.to, now);
      if (w > 0) {
        wait = Math.min(wait, w);
        continue;
      }
      o.limiter.take(r.to, now);
      rows.push(r);
    }
    return { rows, waitMs: rows.length ? 0 : wait };
  };

  const settle = async (items: { record: OutboxRecord; result: SendResult }[], later: OutboxRecord[]) => {
    const at = ctx.clock.now();
    const base = { at, maxAttempts: ctx.maxAttempts };
    try {
      return await ctx.store.transact((tx) =>
        settleRows(tx, items, later, { ...base, onSettled: ctx.onSettled }),
      );
    } catch (e) {
      if (!ctx.onSettled) throw e;
      // A failing hook must not make delivered messages go out again: settle without it.
      ctx.log.error(
        { channel: name, err: e instanceof Error ? e.message : String(e) },
        'outbox: onSettled failed',
      );
      return ctx.store.transact((tx) => settleRows(tx, items, later, base));
    }
  };

  const send = async (rows: OutboxRecord[]) => {
    drop(rows);
    let later: OutboxRecord[] = [];
    try {
      const results = await Promise.all(
        rows.map((r) => o.channel.send(r.to, r.message, { key: r.id }).catch(failure)),
      );
      // Later rows to an address whose message will be retried wait behind it.
      const retried = (r: OutboxRecord, res: SendResult) =>
        !res.ok && (isRateLimited(res) || (!res.permanent && r.attempts + 1 < ctx.maxAttempts));
      const behind = new Set(rows.filter((r, i) => retried(r, results[i]!)).map(orderKey));
      later = reserve.filter((r) => behind.has(orderKey(r)));
      drop(later);
      const s: Settled = await settle(
        rows.map((record, i) => ({ record, result: results[i]! })),
        later,
      );
      if (s.pauseUntil !== null) o.limiter.pause(s.pauseUntil);
      for (const r of s.retry) ctx.wakeAt(Date.parse(r.nextAttemptAt));
      for (const r of [...s.retry, ...s.failed])
        ctx.log.warn(
          { outbox: r.id, channel: name, attempts: r.attempts, failed: r.status === 'failed' },
          'delivery failed',
        );
      ctx.progress?.settled(s.sent, s.failed);
    } finally {
      for (const r of [...rows, ...later]) held.delete(r.id);
    }
  };

  const pump = async () => {
    try {
      while (!ctx.stopped()) {
        const now = ctx.clock.now().getTime();
        const quietEnd = quietUntil(new Date(now), ctx.quietHours, ctx.timeZone)?.getTime() ?? null;
        if (quietEnd !== null) {
          const quiet = reserve.filter((r) => isBroadcast(r) && !r.quietOverride);
          if (quiet.length) {
            await release(quiet, quietEnd);
            ctx.wakeAt(quietEnd);
          }
        }
        if (reserve.length === 0) endRound(false);
        if (reserve.length === 0 || fresh) {
          fresh = false;
          await refill(now, quietEnd);
        }
        if (reserve.length === 0) return;
        const { rows, waitMs } = pick(now);
        if (rows.length) await send(rows);
        else if (waitMs <= MAX_NAP_MS && o.limiter.pausedUntil <= now) await ctx.nap(waitMs);
        else {
          ctx.wakeAt(now + waitMs);
          return;
        }
      }
    } finally {
      await release([...reserve], null).catch((e: unknown) =>
        ctx.log.error({ channel: name, err: String(e) }, 'outbox: could not release rows'),
      );
      endRound(false);
    }
  };

  return {
    pump,
    freshRows: () => {
      fresh = true;
    },
    nextRound: () => new Promise<void>((resolve) => waiters.push({ after: selections, resolve })),
    endRound: () => endRound(true),
  };
};
