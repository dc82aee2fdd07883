import { createApp, loadContent } from '../src/app.js';
import { createMemoryChannel } from '../src/channels/memory/index.js';
import { createSeededIds } from '../src/core/clock.js';
import { silentLog } from '../src/core/log.js';
import { addressKey, type Address, type Inbound } from '../src/core/messages.js';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS, type DataSchema, type Person } from '../src/domain/index.js';
import { systemClock } from '../src/system.js';
import type { BenchStore } from './stores.js';

/** A record the size and shape of an hours-ledger entry (issue 3), to load the store as a region would. */
const ledgerLike = (i: number, people: number) => ({
  v: 1,
  id: `l_${i.toString(36).padStart(8, '0')}`,
  newcomerId: `p_${(i % people).toString(36)}`,
  minutes: 60 + (i % 4) * 30,
  date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  offerType: ['buddy', 'vrijwilligerswerk', 'vrije_tijd'][i % 3],
  organisation: 'Kringwinkel Wetteren',
  contactId: `p_${((i * 7) % people).toString(36)}`,
  description: 'samen naar de bibliotheek en koffie gedronken',
  reportedBy: `p_${(i % people).toString(36)}`,
  via: { channel: 'whatsapp', messageId: `wamid.${i}` },
  status: 'confirmed',
  history: [{ at: '2026-11-17T10:00:00.000Z', by: 'p_1', action: 'confirmed', via: 'whatsapp' }],
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export interface InboundBenchOptions {
  readonly people: number;
  readonly ledger: number;
  readonly messages: number;
  readonly concurrency: number;
}

/**
 * Messages through the whole engine and the file store (fsync on): N linked people who agreed,
 * `ledger` ledger-sized records present, each message a full turn (menu, answer) with its reply
 * delivered through the outbox. Prints one JSON line per concurrency level.
 */
export const benchInbound = async (
  o: InboundBenchOptions,
  print: (line: object) => void,
  where: BenchStore,
): Promise<void> => {
  const opts = {
    schemaVersion: DATA_VERSION,
    migrations: MIGRATIONS,
    collections: [...COLLECTIONS, 'ledger'],
  };
  try {
    let store = await where.open<DataSchema>(opts);
    const now = systemClock.now().toISOString();
    const addressOf = (i: number): Address => ({ channel: 'bench', chat: `u${i}`, user: `u${i}` });
    await store.transact((tx) => {
      tx.put('municipalities', 'wetteren', { v: 1, id: 'wetteren', name: 'Wetteren' });
      for (let i = 0; i < o.people; i++) {
        const id = `p_${i.toString(36)}`;
        const person: Person = {
          v: 1,
          id,
          name: `Persoon ${i}`,
          role: i % 10 === 0 ? 'buddy' : 'newcomer',
          municipality: 'wetteren',
          lang: 'nl',
          coachId: null,
          consent: { given: true, at: now, privacyVersion: 1 },
          broadcasts: true,
          createdAt: now,
          createdBy: 'bench',
        };
        tx.put('people', id, person);
        tx.put('identities', addressKey(addressOf(i)), {
          v: 1,
          address: addressOf(i),
          personId: id,
          linkedAt: now,
        });
      }
    });
    for (let start = 0; start < o.ledger; start += 10_000) {
      await store.transact((tx) => {
        for (let i = start; i < Math.min(o.ledger, start + 10_000); i++)
          tx.put('ledger', ledgerLike(i, o.people).id, ledgerLike(i, o.people) as never);
      });
    }
    await store.close();
    const t0 = performance.now();
    store = await where.open<DataSchema>(opts);
    const openMs = performance.now() - t0;

    const channel = createMemoryChannel({ name: 'bench' });
    let delivered = 0;
    const counting = {
      ...channel,
      send: async () => ({ ok: true as const, platformId: String(++delivered) }),
    };
    const app = createApp({
      store,
      channels: [counting],
      clock: systemClock,
      ids: createSeededIds(3),
      log: silentLog,
      content: loadContent(),
    });
    await app.start();

    for (const concurrency of [1, o.concurrency]) {
      const latencies: number[] = [];
      let seq = 0;
      const texts = ['menu', '3', 'menu', '5'];
      const startAt = performance.now();
      const worker = async (w: number) => {
        for (let k = w; k < o.messages; k += concurrency) {
          const person = (k * 7919) % o.people;
          const m: Inbound = {
            kind: 'text',
            id: `b${concurrency}-${++seq}`,
            text: texts[Math.floor(k / o.people) % texts.length]!,
            address: addressOf(person),
            receivedAt: now,
          };
          const s = performance.now();
          await app.onInbound(m);
          latencies.push(performance.now() - s);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
      const seconds = (performance.now() - startAt) / 1000;
      latencies.sort((a, b) => a - b);
      print({
        bench: 'inbound',
        store: where.kind,
        people: o.people,
        ledger_records: o.ledger,
        messages: o.messages,
        concurrency,
        msgs_per_s: Math.round(o.messages / seconds),
        p50_ms: +percentile(latencies, 50).toFixed(2),
        p99_ms: +percentile(latencies, 99).toFixed(2),
        open_ms: Math.round(openMs),
        rss_mb: Math.round(process.memoryUsage().rss / 1048576),
        delivered,
      });
    }
    await app.stop();
    await store.close();
  } finally {
    await where.dispose();
  }
};
