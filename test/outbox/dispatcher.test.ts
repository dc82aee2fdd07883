import { describe, expect, it } from 'vitest';
import { createMemoryChannel } from '../../src/channels/memory/index.js';
import { ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import type { Address } from '../../src/core/messages.js';
import type { CoreSchema, OutboxRecord } from '../../src/core/records.js';
import { createDispatcher } from '../../src/outbox/index.js';
import { createMemoryStore } from '../../src/store/index.js';

const a: Address = { channel: 'memory', chat: 'a', user: 'a' };
const b: Address = { channel: 'memory', chat: 'b', user: 'b' };
const rec = (id: string, to: Address, text: string, at: string): OutboxRecord => ({
  v: 1,
  id,
  to,
  message: { text },
  createdAt: at,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: at,
});

const setup = async () => {
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const wakes: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const schedule = (fn: () => void, ms: number) => {
    const w = { fn, ms, cancelled: false };
    wakes.push(w);
    return { cancel: () => void (w.cancelled = true) };
  };
  const store = createMemoryStore<CoreSchema>({ schemaVersion: 1, migrations: [], collections: ['outbox'] });
  const channel = createMemoryChannel();
  const d = createDispatcher({
    store,
    channels: new Map([['memory', channel]]),
    clock,
    log: silentLog,
    maxAttempts: 3,
    schedule,
  });
  await store.transact((tx) => {
    tx.put('outbox', '1', rec('1', a, 'a1', '2026-11-23T08:59:00.000Z'));
    tx.put('outbox', '2', rec('2', a, 'a2', '2026-11-23T08:59:01.000Z'));
    tx.put('outbox', '3', rec('3', b, 'b1', '2026-11-23T08:59:02.000Z'));
  });
  return { clock, store, channel, d, wakes };
};

describe('outbox dispatcher', () => {
  it('delivers in order and removes what was delivered', async () => {
    const { store, channel, d } = await setup();
    await d.flush();
    expect(channel.sent.map((s) => s.message.text)).toEqual(['a1', 'a2', 'b1']);
    expect(await store.read((tx) => tx.count('outbox'))).toBe(0);
  });

  it('holds later messages to the same address after a failure, follows retry-after, gives up after max attempts', async () => {
    const { clock, store, channel, d } = await setup();
    channel.failNext(1, { ok: false, permanent: false, reason: '429', retryAfterMs: 30_000 });
    await d.flush();
    expect(channel.sent.map((s) => s.message.text)).toEqual(['b1']); // a2 waits behind a1
    await d.flush();
    expect(channel.sent).toHaveLength(1); // not yet due
    clock.advance(30_000);
    await d.flush();
    expect(channel.sent.map((s) => s.message.text)).toEqual(['b1', 'a1', 'a2']);

    await store.transact((tx) => tx.put('outbox', '4', rec('4', b, 'b2', '2026-11-23T10:00:00.000Z')));
    channel.failNext(99, { ok: false, permanent: false, reason: 'down' });
    for (let i = 0; i < 5; i++) {
      clock.advance(3_600_000);
      await d.flush();
    }
    expect(await store.read((tx) => tx.get('outbox', '4'))).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: 'down',
    });
  });

  it("retries by itself when the platform's retry-after has passed, without waiting for a tick", async () => {
    const { clock, channel, d, wakes } = await setup();
    channel.failNext(1, { ok: false, permanent: false, reason: '429', retryAfterMs: 7_000 });
    await d.flush();
    expect(wakes.map((w) => w.ms)).toEqual([7_000]);
    clock.advance(7_000);
    wakes[0]!.fn();
    await d.idle();
    expect(channel.sent.map((s) => s.message.text)).toEqual(['b1', 'a1', 'a2']);
  });

  it('does not schedule retries that are far away (the periodic tick takes those)', async () => {
    const { channel, d, wakes } = await setup();
    channel.failNext(1, { ok: false, permanent: false, reason: '429', retryAfterMs: 3_600_000 });
    await d.flush();
    expect(wakes).toEqual([]);
  });

  it('a message for a channel that is not running stays pending', async () => {
    const { store, d } = await setup();
    await store.transact((tx) =>
      tx.put(
        'outbox',
        '9',
        rec('9', { channel: 'telegram', chat: 'x', user: 'x' }, 't', '2026-11-23T08:00:00.000Z'),
      ),
    );
    await d.flush();
    expect(await store.read((tx) => tx.get('outbox', '9'))).toMatchObject({ status: 'pending', attempts: 0 });
  });
});
