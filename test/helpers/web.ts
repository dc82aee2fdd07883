import { createApp, loadContent, type App } from '../../src/app.js';
import { createWebChannel, type WebChannel } from '../../src/channels/web/index.js';
import { createSeededIds, ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import type { Store } from '../../src/core/store.js';
import { seedDemo, type DataSchema } from '../../src/domain/index.js';
import { COACH_DIGEST_CRON } from '../../src/domain/followup/coach-jobs.js';
import { createAdjustableClock, type AdjustableClock } from '../../src/system.js';
import { createLocalWeb, type WebServer } from '../../src/web/index.js';
import { memoryStore } from './store.js';

const content = loadContent();

export interface TestWeb {
  readonly url: string;
  readonly app: App;
  readonly store: Store<DataSchema>;
  readonly channel: WebChannel;
  readonly clock: AdjustableClock;
  readonly server: WebServer;
  /** Invite code of a demo newcomer ("ABCD-EFGH"). */
  code(name: string): string;
  stop(): Promise<void>;
}

/**
 * The simulator as `npm start` wires it (web channel, real engine, demo data, the VGC campaign and
 * the coach digest on), over a memory store, on a loopback port of its own. The clock starts on
 * Monday 23 November 2026, 10:00 in Brussels, and moves only with the clock control.
 */
export const startTestWeb = async (o: { password?: string; simulator?: boolean } = {}): Promise<TestWeb> => {
  const base = new ManualClock('2026-11-23T09:00:00Z');
  const clock = createAdjustableClock(base);
  const store = memoryStore();
  const demo = await store.transact((tx) => seedDemo(tx, clock.now(), content.i18n.languages));
  const channel = createWebChannel({ now: () => clock.now() });
  const seeded = createSeededIds(7);
  const ids = { ...seeded, next: (prefix: string) => seeded.next(`${prefix}w`) };
  const app = createApp({
    store,
    channels: [channel],
    clock,
    ids,
    log: silentLog,
    content,
    defaultCampaign: 'vgc',
    coachDigestCron: COACH_DIGEST_CRON,
  });
  const server = await createLocalWeb({
    ctx: { store, clock, ids, content, timeZone: 'Europe/Brussels', language: 'nl' },
    channel,
    clock,
    app,
    host: '127.0.0.1',
    port: 0,
    ...(o.password ? { password: o.password } : {}),
    ...(o.simulator === undefined ? {} : { simulator: o.simulator }),
    log: silentLog,
  });
  await app.start();
  const url = await server.start();
  return {
    url,
    app,
    store,
    channel,
    clock,
    server,
    code: (name) => demo.invited.find((i) => i.person.name === name)!.code,
    stop: async () => {
      await server.stop();
      await app.stop();
    },
  };
};
