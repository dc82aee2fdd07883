import { createApp, loadContent, type App } from '../../src/app.js';
import {
  createMemoryChannel,
  readable,
  textFrom,
  type MemoryChannel,
} from '../../src/channels/memory/index.js';
import { createSeededIds, ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import type { Inbound } from '../../src/core/messages.js';
import type { Store } from '../../src/core/store.js';
import {
  COLLECTIONS,
  DATA_VERSION,
  MIGRATIONS,
  seedDemo,
  type DataSchema,
  type DemoResult,
} from '../../src/domain/index.js';
import { createMemoryStore } from '../../src/store/index.js';

const content = loadContent();

/** An inbound message without what the test bot fills in (address, time, and the id if not given). */
export type InboundDraft = Inbound extends infer T
  ? T extends Inbound
    ? Omit<T, 'address' | 'receivedAt' | 'id'> & { id?: string }
    : never
  : never;

export interface TestUser {
  readonly name: string;
  /** Sends a text as this user and waits until every reply is delivered. */
  says(text: string): Promise<void>;
  /** Sends a raw inbound message (a command, a button press, a duplicate). */
  sends(m: InboundDraft): Promise<void>;
  /** Replies to this user since their last message, as they read them (numbered choices). */
  readonly replies: string[];
  readonly lastReply: string;
  /** Every reply this user ever got. */
  readonly all: string[];
}

export interface TestBot {
  readonly app: App;
  readonly store: Store<DataSchema>;
  readonly channel: MemoryChannel;
  readonly clock: ManualClock;
  readonly demo: DemoResult;
  user(name: string): TestUser;
  /** Demo invite code for a newcomer by name. */
  code(name: string): string;
  /**
   * Onboards a demo newcomer: their invite code (by the user's name unless given), the first
   * language in the list (Dutch) unless another number is given, and consent.
   */
  onboard(user: TestUser, o?: { readonly code?: string; readonly language?: string }): Promise<TestUser>;
}

export interface TestBotOptions {
  readonly store?: Store<DataSchema>;
  readonly clock?: ManualClock;
  readonly seed?: boolean;
  readonly demo?: DemoResult;
  /** The follow-up campaign of the demo gemeente (`vgc`, `wetteren`); none by default. */
  readonly defaultCampaign?: string;
  /** When Lotte gets the daily coach digest (COACH_DIGEST_CRON); none by default. */
  readonly coachDigestCron?: string;
  /** Removes old copies of the data after an erasure (a file store's backups); none by default. */
  readonly purgeBackups?: () => Promise<number>;
}

/**
 * A bot over the memory channel with the real engine, flows, locales and a store (memory by
 * default), seeded with the demo data: coach lotte and buddy sara linked, amina and yusuf invited.
 */
export const createTestBot = async (o: TestBotOptions = {}): Promise<TestBot> => {
  const clock = o.clock ?? new ManualClock('2026-11-23T09:00:00Z');
  const store =
    o.store ??
    createMemoryStore<DataSchema>({
      schemaVersion: DATA_VERSION,
      migrations: MIGRATIONS,
      collections: COLLECTIONS,
    });
  const channel = createMemoryChannel({ name: 'console' });
  const demo =
    o.demo ?? (await store.transact((tx) => seedDemo(tx, clock.now(), content.i18n.languages, 'console')));
  // The demo counts its ids from p_000001 too: the bot's ids get their own letter so a person
  // added in a test never overwrites a demo person.
  const seeded = createSeededIds(7);
  const ids = { ...seeded, next: (prefix: string) => seeded.next(`${prefix}b`) };
  const app = createApp({
    store,
    channels: [channel],
    clock,
    ids,
    log: silentLog,
    content,
    ...(o.defaultCampaign ? { defaultCampaign: o.defaultCampaign } : {}),
    ...(o.coachDigestCron ? { coachDigestCron: o.coachDigestCron } : {}),
    ...(o.purgeBackups ? { purgeBackups: o.purgeBackups } : {}),
  });
  await app.start();
  let seq = 0;
  const seen = new Map<string, number>();
  const textsTo = (name: string) =>
    channel.sent.filter((s) => s.to.user === name).map((s) => readable(s.message));
  const user = (name: string): TestUser => {
    const key = name.toLowerCase();
    const mark = () => seen.set(key, textsTo(key).length);
    return {
      name: key,
      says: async (text) => {
        mark();
        await channel.receive(textFrom('console', key, text, `t${++seq}`, clock.now()));
        await app.idle();
      },
      sends: async (m) => {
        mark();
        const msg = {
          ...m,
          id: m.id ?? `t${++seq}`,
          address: { channel: 'console', chat: key, user: key },
          receivedAt: clock.now().toISOString(),
        } as Inbound;
        await channel.receive(msg);
        await app.idle();
      },
      get replies() {
        return textsTo(key).slice(seen.get(key) ?? 0);
      },
      get lastReply() {
        return textsTo(key).at(-1) ?? '';
      },
      get all() {
        return textsTo(key);
      },
    };
  };
  const code = (name: string) => {
    const c = demo.invited.find((i) => i.person.name.toLowerCase() === name.toLowerCase())?.code;
    if (!c) throw new Error(`no demo code for ${name}`);
    return c;
  };
  const onboard = async (u: TestUser, o: { readonly code?: string; readonly language?: string } = {}) => {
    await u.says(o.code ?? code(u.name));
    await u.says(o.language ?? '1');
    await u.says('1');
    return u;
  };
  return { app, store, channel, clock, demo, user, code, onboard };
};
