import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import type { OutboxRecord } from '../../src/core/records.js';
import { createDispatcher, parseRate, PLATFORM_POLICIES, TokenBucket } from '../../src/outbox/index.js';
import { createFakeTime } from './fake-time.js';
import { broadcastRows, dm, group, outboxStore, recordingChannel, row } from './helpers.js';

const T0 = '2026-11-23T09:00:00.000Z';
const t0 = Date.parse(T0);

const world = async (rows: OutboxRecord[]) => {
  const clock = new ManualClock(T0);
  const time = createFakeTime(clock);
  const store = outboxStore();
  const telegram = recordingChannel('telegram', clock);
  const slack = recordingChannel('slack', clock);
  const d = createDispatcher({
    store,
    channels: new Map([
      ['telegram', telegram],
      ['slack', slack],
    ]),
    clock,
    log: silentLog,
    policies: PLATFORM_POLICIES,
    quietHours: null,
    schedule: time.schedule,
    sleep: time.sleep,
  });
  await store.transact((tx) => {
    for (const r of rows) tx.put('outbox', r.id, r);
  });
  const run = async () => {
    await time.run(d.flush());
    await time.run(d.idle());
  };
  return { clock, time, store, telegram, slack, d, run };
};

const offsets = (c: { sent: { at: number }[] }) => c.sent.map((s) => s.at - t0);

describe('rate limits', () => {
  it('reads N/s, N/min, N/h and off', () => {
    expect(parseRate('30/s')).toEqual({ count: 30, perMs: 1000 });
    expect(parseRate('20/min')).toEqual({ count: 20, perMs: 60_000 });
    expect(parseRate(' 100 / h ')).toEqual({ count: 100, perMs: 3_600_000 });
    expect(parseRate('off')).toBeNull();
    for (const bad of ['', '0/s', '30', 'fast', '1/day']) expect(parseRate(bad)).toBeUndefined();
  });

  it('a token bucket bursts at most a tenth of a second of its rate, then paces', () => {
    const b = new TokenBucket({ count: 30, perMs: 1000 }, 0);
    for (let i = 0; i < 3; i++) {
      expect(b.waitMs(0)).toBe(0);
      b.take(0);
    }
    expect(b.waitMs(0)).toBe(34); // 1/30 s
    expect(b.waitMs(34)).toBe(0);
    const slow = new TokenBucket({ count: 20, perMs: 60_000 }, 0);
    slow.take(0);
    expect(slow.waitMs(0)).toBe(3000);
    expect(slow.waitMs(3000)).toBe(0);
  });

  it('Telegram: one message per second per chat, replies in order', async () => {
    const to = dm('telegram', '42');
    const w = await world([1, 2, 3].map((i) => row(`r${i}`, to, `r${i}`, T0)));
    await w.run();
    expect(w.telegram.sent.map((s) => s.text)).toEqual(['r1', 'r2', 'r3']);
    expect(offsets(w.telegram)).toEqual([0, 1000, 2000]);
  });

  it('Telegram: 30 messages a second overall, other chats go while one chat waits', async () => {
    const rows = broadcastRows('telegram', 'b1', 90, T0);
    const w = await world([row('r1', dm('telegram', 'u0'), 'x', T0), ...rows]);
    await w.run();
    const at = offsets(w.telegram);
    expect(at).toHaveLength(91);
    // a burst of 3, then one every 1/30 s: never more than 33 in any second
    for (let i = 0; i + 33 < at.length; i++) expect(at[i + 33]! - at[i]!).toBeGreaterThanOrEqual(1000);
    expect(at.at(-1)).toBeGreaterThanOrEqual(2900);
    expect(at.at(-1)).toBeLessThanOrEqual(3000);
    // u0 got the reply first and its broadcast a second later at the earliest
    const u0 = w.telegram.sent.filter((s) => s.to.chat === 'u0');
    expect(u0.map((s) => s.text)).toEqual(['x', 'b1 0']);
    expect(u0[1]!.at - u0[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('Telegram: 20 messages a minute in a group', async () => {
    const g = group('telegram', '-100');
    const w = await world([1, 2, 3, 4].map((i) => row(`g${i}`, g, `g${i}`, T0, { kind: 'broadcast' })));
    await w.run();
    expect(offsets(w.telegram)).toEqual([0, 3000, 6000, 9000]);
  });

  it('a 429 pauses that channel until its retry-after, while the others keep going', async () => {
    const rows = [
      ...broadcastRows('telegram', 'bt', 5, T0),
      ...[0, 1, 2].map((i) => row(`s${i}`, dm('slack', `c${i}`), `s${i}`, T0)),
    ];
    const w = await world(rows);
    w.telegram.answer = (_to, _m, n) =>
      n === 1 ? { ok: false, permanent: false, reason: '429', retryAfterMs: 5_000 } : undefined;
    await w.run();
    await w.time.advance(5_000);
    await w.time.run(w.d.idle());
    expect(offsets(w.slack)).toEqual([0, 0, 0]);
    const tg = offsets(w.telegram);
    expect(tg).toHaveLength(5);
    expect(tg[0]).toBe(0);
    expect(tg.slice(1).every((t) => t >= 5_000)).toBe(true); // nothing in the pause
    const r = await w.store.read((tx) => tx.count('outbox'));
    expect(r).toBe(0);
    // a 429 is the platform's pace, not the message's fault: no attempt counted
  });

  it('does not count a 429 as an attempt', async () => {
    const w = await world([row('r1', dm('telegram', '1'), 'x', T0)]);
    w.telegram.answer = () => ({ ok: false, permanent: false, reason: '429', retryAfterMs: 60_000 });
    await w.run();
    expect(await w.store.read((tx) => tx.get('outbox', 'r1'))).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: '2026-11-23T09:01:00.000Z',
    });
  });
});
