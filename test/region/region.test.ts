/**
 * A region on one PostgreSQL database (issue 9): three real bot processes (`node src/main.ts`)
 * split by ROLES — A serves Telegram, B is a second Telegram process waiting for that role, C runs
 * the scheduler — against the loopback fake Telegram Bot API. 5 000 inbound messages (500 people,
 * 10 each) and a scheduled broadcast to 2 000 people; A is killed with SIGKILL midway, B takes
 * over. Checked at the end: every message handled once and in order per conversation (the
 * conversation's `seen` list is exactly its ten ids, in order), every recipient served, the
 * outbox empty and the broadcast done.
 *
 * A SIGKILL can fall between a platform's answer and the commit that records it: that one message
 * (at most OUTBOX_CONCURRENCY, 1 here) is sent again by the process that takes over, because
 * Telegram has no idempotency key (see src/outbox/dispatcher.ts). The test allows exactly that
 * and no more.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/app.js';
import { addressKey, type Address } from '../../src/core/messages.js';
import { planDomainJob } from '../../src/domain/jobs.js';
import { newBroadcast } from '../../src/domain/broadcasts/jobs.js';
import {
  COLLECTIONS,
  DATA_VERSION,
  MIGRATIONS,
  type DataSchema,
  type Person,
} from '../../src/domain/index.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/index.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram/server.js';
import { person } from '../fakes/telegram/updates.js';
import { activity } from '../helpers/activities.js';
import { freshSchema, pgUrl, query, reportMissingPostgres } from '../store/postgres-helpers.js';

reportMissingPostgres('region: three processes on one database');

const PEOPLE = 2000;
const CHATS = 500;
const PER_CHAT = 10;
const TITLE = 'Regiowandeling langs de Schelde';
const userId = (i: number) => 900_000 + i;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (what: string, ok: () => boolean | Promise<boolean>, ms: number, logs: () => string) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${logs()}`);
    await sleep(100);
  }
};

/** One bot process; its output is kept (no names or texts are logged by the bot). */
interface Bot {
  readonly name: string;
  readonly child: ChildProcess;
  output: string;
}

const children: Bot[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const b of children)
    if (b.child.exitCode === null && b.child.signalCode === null) b.child.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const startBot = (name: string, env: Record<string, string>): Bot => {
  const dir = mkdtempSync(join(tmpdir(), `nb-region-${name}-`));
  dirs.push(dir);
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, ...env, DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bot: Bot = { name, child, output: '' };
  const keep = (b: Buffer) => {
    bot.output = (bot.output + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  children.push(bot);
  return bot;
};

/** 2 000 newcomers of Wetteren on Telegram who agreed, an activity, a broadcast due now. */
const seed = async (store: PostgresStore<DataSchema>, now: Date) => {
  const at = now.toISOString();
  await store.transact((tx) => {
    tx.put('municipalities', 'wetteren', { v: 1, id: 'wetteren', name: 'Wetteren' });
    for (let i = 0; i < PEOPLE; i++) {
      const id = `p_${i}`;
      const p: Person = {
        v: 1,
        id,
        name: `Persoon ${i}`,
        role: 'newcomer',
        municipality: 'wetteren',
        lang: 'nl',
        coachId: null,
        consent: { given: true, at, privacyVersion: 1 },
        broadcasts: true,
        createdAt: at,
        createdBy: 'test',
      };
      tx.put('people', id, p);
      const address: Address = { channel: 'telegram', chat: String(userId(i)), user: String(userId(i)) };
      tx.put('identities', addressKey(address), { v: 1, address, personId: id, linkedAt: at });
    }
    const startsAt = new Date(now.getTime() + 2 * 86_400_000);
    tx.put(
      'activities',
      'a_walk',
      activity('a_walk', TITLE, startsAt.toISOString(), { createdBy: 'test', createdAt: at }),
    );
    tx.put(
      'broadcasts',
      'bc_region',
      newBroadcast({
        id: 'bc_region',
        kind: 'activity',
        municipalities: ['wetteren'],
        activityIds: ['a_walk'],
        sendAt: at,
        quietOverride: true,
        createdBy: 'test',
        now,
      }),
    );
    planDomainJob(tx, 'broadcast:bc_region', 'broadcast', now, { broadcast: 'bc_region' });
  });
};

describe.skipIf(pgUrl === undefined)('region: three processes on one database', () => {
  it('handles 5 000 messages once and in order and serves a broadcast of 2 000 once, with the Telegram process killed midway', async () => {
    const schema = freshSchema();
    const url = new URL(pgUrl ?? '');
    url.searchParams.set('options', `-c search_path=${schema}`);
    const storeOptions = { schemaVersion: DATA_VERSION, migrations: MIGRATIONS, collections: COLLECTIONS };
    const store = await openPostgresStore<DataSchema>({ ...storeOptions, url: url.href });
    const fake: FakeTelegram = await createFakeTelegram({ maxPollMs: 500 });
    const logs = () => children.map((b) => `--- ${b.name}\n${b.output.slice(-3000)}`).join('\n');
    try {
      await seed(store, new Date());
      const env = {
        STORE: 'postgres',
        DATABASE_URL: url.href,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TIMER_INTERVAL_SECONDS: '1',
        RATE_TELEGRAM: '200/s',
        RATE_TELEGRAM_CHAT: 'off',
        QUIET_HOURS: 'off',
        CONSOLE: 'false',
        WEB: 'false',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
      };
      const a = startBot('A telegram', { ...env, ROLES: 'telegram' });
      await until(
        'A to take the telegram role',
        () => a.output.includes('Dit proces doet nu: telegram'),
        60_000,
        logs,
      );

      const c = startBot('C scheduler', { ...env, ROLES: 'scheduler' });
      const b = startBot('B telegram (waiting)', { ...env, ROLES: 'telegram' });
      await until('B to wait for the role', () => b.output.includes('Dit proces wacht'), 60_000, logs);

      const broadcastsTo = (chat: number) =>
        fake.sent(chat).filter((m) => (m.text ?? m.caption ?? '').includes(TITLE)).length;
      const broadcastSent = () => {
        let n = 0;
        for (let i = 0; i < PEOPLE; i++) n += broadcastsTo(userId(i)) > 0 ? 1 : 0;
        return n;
      };
      const replied = () => {
        let n = 0;
        for (let i = 0; i < CHATS; i++) n += fake.sent(userId(i)).length - broadcastsTo(userId(i));
        return n;
      };
      // C fires the broadcast; A delivers it.
      await until('the broadcast to be under way', () => broadcastSent() >= 800, 60_000, logs);

      // Then 500 people write 10 messages each; they queue at Telegram until fetched.
      const sent: Update[][] = Array.from({ length: CHATS }, () => []);
      for (let k = 0; k < PER_CHAT; k++)
        for (let i = 0; i < CHATS; i++) sent[i]!.push(fake.userSays(person(userId(i), `P${i}`), 'uren'));
      const all = sent.flat();

      // Midway: part of the messages answered and part of the broadcast sent.
      await until('A to be midway', () => replied() >= 1500, 120_000, logs);
      const atKill = { replied: replied(), broadcast: broadcastSent() };
      a.child.kill('SIGKILL');
      await until('A to end', () => a.child.signalCode === 'SIGKILL', 10_000, logs);
      expect(atKill.replied).toBeLessThan(all.length);
      expect(atKill.broadcast).toBeLessThan(PEOPLE);

      await until('B to take over', () => b.output.includes('Dit proces doet nu: telegram'), 30_000, logs);
      const conversation = (i: number) => {
        const address: Address = { channel: 'telegram', chat: String(userId(i)), user: String(userId(i)) };
        return store.read((tx) => tx.get('conversations', addressKey(address)));
      };
      await until(
        'every message handled and every message delivered',
        async () => {
          if (!fake.idle() || broadcastSent() < PEOPLE) return false;
          return store.transact(
            (tx) => tx.count('outbox') === 0 && tx.get('broadcasts', 'bc_region')?.status === 'done',
          );
        },
        180_000,
        logs,
      );

      // Each message once, in order, per conversation.
      for (let i = 0; i < CHATS; i++) {
        const expected = sent[i]!.map((u) => `${u.message!.chat.id}:${u.message!.message_id}`);
        expect((await conversation(i))?.state.seen, `conversation ${i}`).toEqual(expected);
      }
      // Every recipient once; a repeat only for what was in flight at the kill (1 send at a time).
      let repeats = 0;
      const replies: number[] = [];
      for (let i = 0; i < PEOPLE; i++) {
        const n = broadcastsTo(userId(i));
        expect(n, `broadcast to person ${i}`).toBeGreaterThanOrEqual(1);
        repeats += n - 1;
        if (i < CHATS) replies.push(fake.sent(userId(i)).length - n);
      }
      const perMessage = Math.min(...replies) / PER_CHAT;
      expect(perMessage).toBeGreaterThanOrEqual(1);
      for (const r of replies) repeats += r - perMessage * PER_CHAT;
      expect(repeats).toBeLessThanOrEqual(1);
      const bc = await store.read((tx) => tx.get('broadcasts', 'bc_region'));
      expect(bc).toMatchObject({ status: 'done', total: PEOPLE, sent: PEOPLE, failed: 0 });
      expect(c.child.exitCode).toBeNull();
      console.log(
        JSON.stringify({
          region: 'killed A midway',
          ...atKill,
          inbound: all.length,
          recipients: PEOPLE,
          repeats,
        }),
      );
    } finally {
      for (const bot of children) if (bot.child.exitCode === null) bot.child.kill('SIGTERM');
      await Promise.all(
        children.map((bot) =>
          bot.child.exitCode !== null || bot.child.signalCode !== null
            ? undefined
            : new Promise((r) => bot.child.once('exit', r)),
        ),
      );
      await store.close();
      await fake.close();
    }
  }, 400_000);

  it('keeps a scheduler-only process running, and stops it when its role lock connection is cut', async () => {
    const schema = freshSchema();
    const url = new URL(pgUrl ?? '');
    url.searchParams.set('options', `-c search_path=${schema}`);
    const bot = startBot('scheduler alone', {
      STORE: 'postgres',
      DATABASE_URL: url.href,
      ROLES: 'scheduler',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    });
    const logs = () => bot.output;
    await until(
      'the scheduler role',
      () => bot.output.includes('Dit proces doet nu: scheduler'),
      60_000,
      logs,
    );
    // No channel, yet it runs (jobs and timeouts are its work) and it made no console or demo.
    await sleep(1500);
    expect(bot.child.exitCode).toBeNull();
    expect(bot.output).not.toContain('Demodata geladen');
    expect(bot.output).not.toContain('draait in de console');
    await query(
      schema,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'netwerkbot roles ${schema}'`,
    );
    await until('the process to stop', () => bot.child.exitCode !== null, 20_000, logs);
    expect(bot.child.exitCode).toBe(1);
    expect(bot.output).toContain(
      'De verbinding met de databank is weg. Dit proces stopt: de rollen scheduler',
    );
  }, 120_000);
});
