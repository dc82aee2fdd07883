import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import { createDispatcher, PLATFORM_POLICIES, type BroadcastProgress } from '../../src/outbox/index.js';
import { createFakeTime } from './fake-time.js';
import { broadcastRows, dm, outboxStore, recordingChannel, row } from './helpers.js';

const T0 = '2026-11-23T09:00:00.000Z';

const world = async (n: number, limited: boolean, onProgress?: (p: BroadcastProgress) => void) => {
  const clock = new ManualClock(T0);
  const time = createFakeTime(clock);
  const store = outboxStore();
  const telegram = recordingChannel('telegram', clock);
  const d = createDispatcher({
    store,
    channels: new Map([['telegram', telegram]]),
    clock,
    log: silentLog,
    ...(limited ? { policies: PLATFORM_POLICIES } : {}),
    quietHours: null,
    schedule: time.schedule,
    sleep: time.sleep,
    ...(onProgress ? { onProgress } : {}),
  });
  await store.transact((tx) => {
    for (const r of broadcastRows('telegram', 'big', n, T0)) tx.put('outbox', r.id, r);
  });
  return { clock, time, store, telegram, d };
};

describe('replies before broadcasts', () => {
  it.each([
    ['unlimited', false],
    ['at Telegram pace', true],
  ])(
    'a reply written during a 10 000-message broadcast goes out after at most the send in flight (%s)',
    async (_name, limited) => {
      const w = await world(10_000, limited);
      const replyAt: number[] = [];
      w.telegram.during = async (n) => {
        if (n !== 300 && n !== 7_000) return;
        const id = `reply-${n}`;
        // the runtime commits a turn's reply, then wakes the dispatcher
        await w.store.transact((tx) =>
          tx.put('outbox', id, row(id, dm('telegram', 'u5'), id, w.clock.now().toISOString())),
        );
        replyAt.push(w.clock.now().getTime());
        w.d.wake();
      };
      await w.time.run(w.d.flush());
      await w.time.run(w.d.idle(), 3_600_000);
      const sent = w.telegram.sent;
      expect(sent).toHaveLength(10_002);
      // send 300 was in flight when the reply was written; the reply is the very next one
      expect(sent[301]!.text).toBe('reply-300');
      expect(sent[7_001]!.text).toBe('reply-7000'); // (send 7000 was big 6999)
      if (limited) {
        expect(sent[301]!.at - replyAt[0]!).toBeLessThanOrEqual(34);
        expect(sent.at(-1)!.at - Date.parse(T0)).toBeGreaterThan(330_000); // 30/s held
      }
      expect(new Set(sent.map((s) => s.key)).size).toBe(10_002);
      expect(await w.store.read((tx) => tx.count('outbox'))).toBe(0);
    },
    30_000,
  );

  it('replies due at the same time as a broadcast go first', async () => {
    const w = await world(50, false);
    await w.store.transact((tx) =>
      tx.put(
        'outbox',
        'r',
        row('r', dm('telegram', 'u1'), 'reply', '2026-11-23T09:00:01.000Z', { nextAttemptAt: T0 }),
      ),
    );
    await w.d.flush();
    await w.d.idle();
    expect(w.telegram.sent[0]!.text).toBe('reply');
    expect(w.telegram.sent).toHaveLength(51);
  });

  it('reports progress at most once a second, with a last report at pending 0', async () => {
    const reports: (BroadcastProgress & { at: number })[] = [];
    const w = await world(100, true, (p) => reports.push({ ...p, at: w.clock.now().getTime() }));
    w.telegram.answer = (to) =>
      to.chat === 'u7' ? { ok: false, permanent: true, reason: 'blocked' } : undefined;
    await w.time.run(w.d.flush());
    await w.time.run(w.d.idle());
    await w.time.advance(2_000);
    expect(reports.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < reports.length; i++)
      expect(reports[i]!.at - reports[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    expect(reports.at(-1)).toMatchObject({ broadcastId: 'big', sent: 99, failed: 1, pending: 0 });
    expect(reports[0]!.pending).toBeGreaterThan(0);
    for (const r of reports) expect(r.sent + r.failed + r.pending).toBe(100);
  });
});
