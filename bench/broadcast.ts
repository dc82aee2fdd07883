import { silentLog } from '../src/core/log.js';
import type { CoreSchema, OutboxRecord } from '../src/core/records.js';
import type { Store } from '../src/core/store.js';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS } from '../src/domain/index.js';
import { createDispatcher } from '../src/outbox/index.js';
import { systemClock } from '../src/system.js';
import { createRateLimitedChannel } from '../test/fakes/rate-limited-channel.js';
import type { BenchStore } from './stores.js';

export interface BroadcastBenchOptions {
  readonly recipients: number;
  /** The platform's limit, and the one the outbox is configured with. */
  readonly limitPerSecond: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A broadcast of `recipients` rows (one transaction, as the fan-out writes it) through the real
 * dispatcher and the file store (fsync on) into a fake platform that enforces
 * `limitPerSecond` and answers 429 beyond it. Prints how close to the limit it got, how many
 * 429s it caused, and that every recipient got the message exactly once.
 */
export const benchBroadcast = async (
  o: BroadcastBenchOptions,
  print: (line: object) => void,
  where: BenchStore,
): Promise<void> => {
  let store: Store<CoreSchema> | null = null;
  try {
    store = await where.open<CoreSchema>({
      schemaVersion: DATA_VERSION,
      migrations: MIGRATIONS,
      collections: COLLECTIONS,
    });
    const now = systemClock.now().toISOString();
    await store.transact((tx) => {
      for (let i = 0; i < o.recipients; i++) {
        const id = `bc:bench:${i.toString(36).padStart(6, '0')}`;
        const r: OutboxRecord = {
          v: 1,
          id,
          to: { channel: 'platform', chat: `chat${i}`, user: `chat${i}` },
          message: { text: `Deze week in Wetteren: wandeling langs de Schelde (${i})` },
          createdAt: now,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          kind: 'broadcast',
          broadcastId: 'bench',
        };
        tx.put('outbox', id, r);
      }
    });
    const platform = createRateLimitedChannel({
      name: 'platform',
      limitPerSecond: o.limitPerSecond,
      clock: systemClock,
    });
    const d = createDispatcher({
      store,
      channels: new Map([['platform', platform]]),
      clock: systemClock,
      log: silentLog,
      policies: { platform: { overall: { count: o.limitPerSecond, perMs: 1000 } } },
      quietHours: null,
    });
    const started = performance.now();
    await d.flush();
    await d.idle();
    // After a 429 the channel pauses and wakes itself; wait until the outbox is empty.
    while ((await store.read((tx) => tx.count('outbox'))) > 0) {
      await sleep(5);
      await d.idle();
    }
    const seconds = (performance.now() - started) / 1000;
    await d.stop();
    const delivered = [...platform.deliveries.values()];
    const achieved = o.recipients / seconds;
    print({
      bench: 'broadcast',
      store: where.kind,
      recipients: o.recipients,
      limit_per_s: o.limitPerSecond,
      achieved_per_s: Math.round(achieved * 10) / 10,
      ratio: Math.round((achieved / o.limitPerSecond) * 1000) / 1000,
      http_429: platform.refused,
      duplicates: delivered.reduce((n, c) => n + c - 1, 0),
      missing: o.recipients - platform.deliveries.size,
      seconds: Math.round(seconds * 100) / 100,
    });
  } finally {
    await store?.close();
    await where.dispose();
  }
};
