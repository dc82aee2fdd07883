import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreSchema, OutboxRecord } from '../../src/core/records.js';
import { silentLog, type Log } from '../../src/core/log.js';
import type { Store } from '../../src/core/store.js';
import { createDispatcher } from '../../src/outbox/index.js';
import { systemClock } from '../../src/system.js';
import { fileStore } from '../helpers/store.js';
import { broadcastRows, dm, recordingChannel, row } from './helpers.js';

const now = () => systemClock.now().toISOString();
const open = async (dir: string) => (await fileStore(dir)) as unknown as Store<CoreSchema>;
const dispatcher = (
  store: Store<CoreSchema>,
  channel: ReturnType<typeof recordingChannel>,
  log: Log = silentLog,
) =>
  createDispatcher({
    store,
    channels: new Map([['telegram', channel]]),
    clock: systemClock,
    log,
    quietHours: null,
  });

describe('outbox across a restart (file store)', () => {
  it("sends rows found in 'sending' again, with the same key, and says so in the log", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-outbox-restart-'));
    let store = await open(dir);
    await store.transact((tx) => {
      tx.put('outbox', 'a', row('a', dm('telegram', '1'), 'in flight', now(), { status: 'sending' }));
      tx.put('outbox', 'b', row('b', dm('telegram', '2'), 'marked, not sent', now(), { status: 'sending' }));
      tx.put('outbox', 'c', row('c', dm('telegram', '3'), 'pending', now()));
    });
    await store.close();

    store = await open(dir);
    const warnings: Record<string, unknown>[] = [];
    const channel = recordingChannel('telegram', systemClock);
    const d = dispatcher(store, channel, { ...silentLog, warn: (f) => void warnings.push(f) });
    await d.flush();
    await d.idle();
    expect(channel.sent.map((s) => s.key).sort()).toEqual(['a', 'b', 'c']);
    expect(warnings).toContainEqual({ channel: 'telegram', rows: 2 });
    expect(await store.read((tx) => tx.count('outbox'))).toBe(0);
    await d.stop();
    await store.close();
  });

  it('a crash during a send leaves that one message (no more) to be sent twice, and skips nobody', async () => {
    const dirA = mkdtempSync(join(tmpdir(), 'nb-outbox-crash-a-'));
    const dirB = mkdtempSync(join(tmpdir(), 'nb-outbox-crash-b-'));
    const storeA = await open(dirA);
    await storeA.transact((tx) => {
      for (const r of broadcastRows('telegram', 'b', 40, now())) tx.put('outbox', r.id, r);
    });
    // The platform gets send 7, and the process dies before it hears back: the disk then holds
    // what was durable at that moment. Copy it, as a restart would find it.
    const first = recordingChannel('telegram', systemClock);
    let hang: () => void = () => {};
    let crashed: () => void = () => {};
    const crash = new Promise<void>((r) => (crashed = r));
    first.during = (n) =>
      n === 7
        ? new Promise<void>((resolve) => {
            cpSync(dirA, dirB, { recursive: true, filter: (src) => !src.endsWith('LOCK') });
            hang = resolve;
            crashed();
          })
        : undefined;
    const dA = dispatcher(storeA, first);
    void dA.flush();
    await crash;
    const beforeCrash = [...first.sent.map((s) => s.key), 'bc:b:00007']; // 7 acknowledged + the one in flight

    const storeB = await open(dirB);
    const left = await storeB.read((tx) => tx.list('outbox') as OutboxRecord[]);
    expect(left.filter((r) => r.status === 'sending').length).toBeGreaterThanOrEqual(1);
    const second = recordingChannel('telegram', systemClock);
    const dB = dispatcher(storeB, second);
    await dB.flush();
    await dB.idle();
    const seen = [...beforeCrash, ...second.sent.map((s) => s.key)];
    const unique = new Set(seen);
    expect(unique.size).toBe(40); // nobody skipped
    expect(seen.length - unique.size).toBe(1); // only the message in flight went twice
    expect(second.sent[0]!.key).toBe('bc:b:00007'); // …first, with the same key
    expect(await storeB.read((tx) => tx.count('outbox'))).toBe(0);

    hang();
    await dA.stop();
    await Promise.all([dB.stop(), storeA.close(), storeB.close()]);
  });
});
