import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { silentLog, type Log } from '../../src/core/log.js';
import type { OutboxRecord } from '../../src/core/records.js';
import { createDispatcher, type DispatcherOptions } from '../../src/outbox/index.js';
import { createFakeTime } from './fake-time.js';
import { dm, outboxStore, recordingChannel, row, texts } from './helpers.js';

const T0 = '2026-11-23T09:00:00.000Z';
const a = dm('memory', 'a');
const b = dm('memory', 'b');

const setup = async (o: Partial<DispatcherOptions> = {}) => {
  const clock = new ManualClock(T0);
  const time = createFakeTime(clock);
  const store = outboxStore();
  const channel = recordingChannel('memory', clock);
  const d = createDispatcher({
    store,
    channels: new Map([['memory', channel]]),
    clock,
    log: silentLog,
    maxAttempts: 3,
    schedule: time.schedule,
    sleep: time.sleep,
    ...o,
  });
  await store.transact((tx) => {
    tx.put('outbox', '1', row('1', a, 'a1', '2026-11-23T08:59:00.000Z'));
    tx.put('outbox', '2', row('2', a, 'a2', '2026-11-23T08:59:01.000Z'));
    tx.put('outbox', '3', row('3', b, 'b1', '2026-11-23T08:59:02.000Z'));
  });
  return { clock, time, store, channel, d };
};

describe('outbox dispatcher', () => {
  it('delivers in order, passes each row id as the idempotency key, and removes what was delivered', async () => {
    const { store, channel, d } = await setup();
    await d.flush();
    expect(texts(channel)).toEqual(['a1', 'a2', 'b1']);
    expect(channel.sent.map((s) => s.key)).toEqual(['1', '2', '3']);
    expect(await store.read((tx) => tx.count('outbox'))).toBe(0);
  });

  it('writing the same id twice is one message', async () => {
    const { store, channel, d } = await setup();
    await store.transact((tx) => tx.put('outbox', '9', row('9', b, 'once', T0)));
    await store.transact((tx) => tx.put('outbox', '9', row('9', b, 'once', T0)));
    await d.flush();
    // …also when the same id is written again while it is on its way
    channel.during = async (n) => {
      if (n === 4) await store.transact((tx) => tx.put('outbox', '10', row('10', b, 'twice?', T0)));
    };
    await store.transact((tx) => tx.put('outbox', '10', row('10', b, 'twice?', T0)));
    await d.flush();
    await d.idle();
    expect(texts(channel).filter((t) => t === 'once')).toHaveLength(1);
    expect(texts(channel).filter((t) => t === 'twice?')).toHaveLength(1);
    expect(await store.read((tx) => tx.count('outbox'))).toBe(0);
  });

  it('a platform 429 pauses that channel (all its chats) and keeps the order per address', async () => {
    const { time, channel, d } = await setup();
    channel.answer = (_to, _m, n) =>
      n === 0 ? { ok: false, permanent: false, reason: '429', retryAfterMs: 30_000 } : undefined;
    await d.flush();
    expect(texts(channel)).toEqual([]); // a1 refused: a2 waits behind it, b1 waits for the pause
    expect(time.pending()).toEqual([30_000]); // it wakes itself when the pause ends
    await time.advance(29_999);
    expect(texts(channel)).toEqual([]);
    await time.advance(1);
    await d.idle();
    expect(texts(channel)).toEqual(['a1', 'a2', 'b1']);
  });

  it('backs off per row, then marks it failed (the dead-letter list) and lets later rows go', async () => {
    const { clock, store, channel, d } = await setup({ schedule: () => ({ cancel: () => {} }) });
    channel.answer = (to) => (to.chat === 'a' ? { ok: false, permanent: false, reason: 'down' } : undefined);
    await d.flush();
    expect(texts(channel)).toEqual(['b1']); // another address is not held up
    expect(await store.read((tx) => tx.get('outbox', '1'))).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-11-23T09:00:02.000Z',
    });
    for (let i = 0; i < 2; i++) {
      clock.advance(3_600_000);
      await d.flush();
    }
    expect(await store.read((tx) => tx.get('outbox', '1'))).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: 'down',
    });
    // a2 went right after a1 gave up (and failed its first attempt)
    expect(await store.read((tx) => tx.get('outbox', '2'))).toMatchObject({ status: 'pending', attempts: 1 });
    channel.answer = (_to, m) =>
      m.text === 'x' ? { ok: false, permanent: true, reason: 'blocked by user' } : undefined;
    await store.transact((tx) => tx.put('outbox', 'p', row('p', b, 'x', clock.now().toISOString())));
    await d.flush();
    expect(await store.read((tx) => tx.get('outbox', 'p'))).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('retries by itself when a retry is near, and leaves far ones to the periodic tick', async () => {
    const { time, channel, d } = await setup();
    channel.answer = (_to, _m, n) =>
      n === 0 ? { ok: false, permanent: false, reason: 'timeout' } : undefined;
    await d.flush();
    expect(time.pending()).toEqual([2_000]);
    await time.advance(2_000);
    await d.idle();
    expect(texts(channel)).toEqual(['b1', 'a1', 'a2']);

    const far = await setup();
    far.channel.answer = () => ({ ok: false, permanent: false, reason: '429', retryAfterMs: 3_600_000 });
    await far.d.flush();
    expect(far.time.pending()).toEqual([]);
  });

  it('a message for a channel that is not running stays pending', async () => {
    const { store, d } = await setup();
    await store.transact((tx) => tx.put('outbox', '9', row('9', dm('telegram', 'x'), 't', T0)));
    await d.flush();
    expect(await store.read((tx) => tx.get('outbox', '9'))).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('calls onSettled inside the transaction that removes or fails the row', async () => {
    const seen: string[] = [];
    const { store, channel, d } = await setup({
      onSettled: (tx, r, outcome) => {
        // the row's removal or failure is already part of this transaction
        const now = tx.get('outbox', r.id) as OutboxRecord | undefined;
        seen.push(`${r.id}:${outcome}:${now?.status ?? 'gone'}`);
        const c = (tx.get('counts', outcome) as { n: number } | undefined)?.n ?? 0;
        tx.put('counts', outcome, { n: c + 1 });
      },
    });
    channel.answer = (to) => (to.chat === 'b' ? { ok: false, permanent: true, reason: 'gone' } : undefined);
    await d.flush();
    expect(seen).toEqual(['1:sent:gone', '2:sent:gone', '3:failed:failed']);
    expect(await store.read((tx) => [tx.get('counts', 'sent'), tx.get('counts', 'failed')])).toEqual([
      { n: 2 },
      { n: 1 },
    ]);
  });

  it('a failing onSettled is logged and the row still settles, so nothing goes out twice', async () => {
    const errors: string[] = [];
    const log: Log = { ...silentLog, error: (_f, msg) => void errors.push(msg) };
    const { store, channel, d } = await setup({
      log,
      onSettled: () => {
        throw new Error('bug');
      },
    });
    await d.flush();
    await d.flush();
    expect(texts(channel)).toEqual(['a1', 'a2', 'b1']);
    expect(await store.read((tx) => tx.count('outbox'))).toBe(0);
    expect(errors).toContain('outbox: onSettled failed');
  });

  it('stop() finishes the send in flight, puts reserved rows back, and flushes nothing after', async () => {
    const { store, channel, d } = await setup();
    let stopping: Promise<void> | null = null;
    channel.during = (n) => {
      if (n === 0) stopping = d.stop();
    };
    await d.flush();
    await stopping;
    expect(texts(channel)).toEqual(['a1']);
    const left = await store.read((tx) => tx.list('outbox').map((r) => (r as OutboxRecord).status));
    expect(left).toEqual(['pending', 'pending']);
    await d.flush();
    expect(texts(channel)).toEqual(['a1']);
  });
});
