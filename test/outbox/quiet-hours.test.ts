import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import type { OutboxRecord } from '../../src/core/records.js';
import {
  createDispatcher,
  DEFAULT_QUIET_HOURS,
  parseQuietHours,
  quietUntil,
} from '../../src/outbox/index.js';
import { createFakeTime } from './fake-time.js';
import { broadcastRows, dm, outboxStore, recordingChannel, row, texts } from './helpers.js';

const TZ = 'Europe/Brussels';
const until = (iso: string) => quietUntil(new Date(iso), DEFAULT_QUIET_HOURS, TZ)?.toISOString() ?? null;

describe('quiet hours', () => {
  it('reads HH:MM-HH:MM and off', () => {
    expect(parseQuietHours('21:00-08:00')).toEqual({ start: 1260, end: 480 });
    expect(parseQuietHours('13:30 - 14:00')).toEqual({ start: 810, end: 840 });
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours('08:00-08:00')).toBeNull();
    for (const bad of ['', '21-8', '24:00-08:00', '21:00']) expect(parseQuietHours(bad)).toBeUndefined();
  });

  it('start at 21:00 and end at 08:00 local time (winter: UTC+1)', () => {
    expect(until('2026-11-23T19:59:59Z')).toBeNull(); // 20:59:59
    expect(until('2026-11-23T20:00:00Z')).toBe('2026-11-24T07:00:00.000Z'); // 21:00 -> 08:00
    expect(until('2026-11-24T03:00:00Z')).toBe('2026-11-24T07:00:00.000Z'); // 04:00
    expect(until('2026-11-24T06:59:59Z')).toBe('2026-11-24T07:00:00.000Z');
    expect(until('2026-11-24T07:00:00Z')).toBeNull();
    expect(quietUntil(new Date('2026-11-24T03:00:00Z'), null, TZ)).toBeNull();
  });

  it('follow the clock change: summer time starts (night one hour shorter) and ends', () => {
    // Sat 28 March 2026 21:00 CET = 20:00Z; Sun 29 March 08:00 CEST = 06:00Z
    expect(until('2026-03-28T20:00:00Z')).toBe('2026-03-29T06:00:00.000Z');
    expect(until('2026-03-29T05:59:00Z')).toBe('2026-03-29T06:00:00.000Z');
    expect(until('2026-03-29T06:00:00Z')).toBeNull();
    // Sat 24 October 21:00 CEST = 19:00Z; Sun 25 October 08:00 CET = 07:00Z
    expect(until('2026-10-24T19:00:00Z')).toBe('2026-10-25T07:00:00.000Z');
    expect(until('2026-10-25T06:30:00Z')).toBe('2026-10-25T07:00:00.000Z'); // 07:30 CET
    // a daytime window that does not cross midnight
    expect(quietUntil(new Date('2026-11-23T12:45:00Z'), { start: 810, end: 840 }, TZ)?.toISOString()).toBe(
      '2026-11-23T13:00:00.000Z',
    );
  });

  it('broadcast rows wait until the end of quiet hours (no busy loop), replies and overrides go', async () => {
    const clock = new ManualClock('2026-11-23T21:30:00Z'); // 22:30 in Brussels
    const time = createFakeTime(clock);
    const store = outboxStore();
    const channel = recordingChannel('telegram', clock);
    let reads = 0;
    const counting = {
      ...store,
      read: <T>(fn: Parameters<typeof store.read<T>>[0]) => (reads++, store.read(fn)),
    };
    const d = createDispatcher({
      store: counting,
      channels: new Map([['telegram', channel]]),
      clock,
      log: silentLog,
      schedule: time.schedule,
      sleep: time.sleep,
    });
    const at = clock.now().toISOString();
    await store.transact((tx) => {
      for (const r of broadcastRows('telegram', 'night', 3, at)) tx.put('outbox', r.id, r);
      const urgent = broadcastRows('telegram', 'urgent', 1, at, { quietOverride: true })[0]!;
      tx.put('outbox', urgent.id, urgent);
      tx.put('outbox', 'reply', row('reply', dm('telegram', 'u9'), 'reply', at));
    });
    await d.flush();
    await d.idle();
    expect(texts(channel)).toEqual(['reply', 'urgent 0']);
    const waiting = await store.read((tx) => tx.list('outbox') as OutboxRecord[]);
    expect(waiting.map((r) => [r.status, r.nextAttemptAt])).toEqual([
      ['pending', '2026-11-24T07:00:00.000Z'],
      ['pending', '2026-11-24T07:00:00.000Z'],
      ['pending', '2026-11-24T07:00:00.000Z'],
    ]);
    // nothing runs in between: more flushes only read, no timer spins
    const before = reads;
    for (let i = 0; i < 3; i++) await d.flush();
    expect(reads - before).toBe(3);
    expect(time.pending()).toEqual([]); // 9.5 h away: the periodic tick takes it
    clock.set('2026-11-24T07:00:00Z');
    await d.flush();
    expect(texts(channel)).toEqual(['reply', 'urgent 0', 'night 0', 'night 1', 'night 2']);
  });

  it('rows reserved when quiet hours begin are put back to the end of them', async () => {
    const clock = new ManualClock('2026-11-23T19:59:59.950Z'); // 20:59:59.950
    const time = createFakeTime(clock);
    const store = outboxStore();
    const channel = recordingChannel('telegram', clock);
    const d = createDispatcher({
      store,
      channels: new Map([['telegram', channel]]),
      clock,
      log: silentLog,
      policies: { telegram: { overall: { count: 20, perMs: 1000 } } }, // one per 50 ms
      schedule: time.schedule,
      sleep: time.sleep,
    });
    await store.transact((tx) => {
      for (const r of broadcastRows('telegram', 'b', 5, clock.now().toISOString())) tx.put('outbox', r.id, r);
    });
    await time.run(d.flush());
    await time.run(d.idle());
    // a burst of two at 20:59:59.950, the third would be at 21:00:00.000: quiet
    expect(texts(channel)).toEqual(['b 0', 'b 1']);
    const left = await store.read((tx) => tx.list('outbox') as OutboxRecord[]);
    expect(left.map((r) => `${r.status} ${r.nextAttemptAt}`)).toEqual(
      Array(3).fill('pending 2026-11-24T07:00:00.000Z'),
    );
  });
});
