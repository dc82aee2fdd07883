import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/app.js';
import type { OutboxRecord } from '../../src/core/records.js';
import { fileStore } from '../helpers/store.js';

const RECIPIENTS = 2_000;
const FIXTURE = join(ROOT, 'test/e2e/fixtures/outbox-child.ts');

/**
 * The "platform": records every delivery by idempotency key and answers like an API that
 * dedupes on it (a repeated key gets the first message's id, no second message). When told,
 * it SIGKILLs the bot on the n-th delivery, after recording it and before answering, so the bot
 * dies with that message delivered but not settled.
 */
const createPlatform = async () => {
  const raw: string[] = [];
  const messages = new Map<string, { id: string; chat: string }>();
  let killAt = Infinity;
  let victim: ChildProcess | null = null;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { key, chat } = JSON.parse(body) as { key: string; chat: string };
      raw.push(key);
      let m = messages.get(key);
      if (!m) messages.set(key, (m = { id: `m${messages.size + 1}`, chat }));
      if (raw.length === killAt && victim) {
        victim.kill('SIGKILL');
        victim = null;
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: m.id }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    raw,
    messages,
    killOn: (n: number, child: ChildProcess) => {
      killAt = n;
      victim = child;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};

/** Starts the delivering bot; resolves with its exit (code or signal) and output. */
const startBot = (dir: string, port: number, concurrency: number) => {
  // node with tsx's loader, not the tsx wrapper: SIGKILL must hit the process that delivers.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', FIXTURE, dir, String(port), String(concurrency)],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, exit };
};

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

describe('outbox crash (a real process, SIGKILL mid-broadcast)', () => {
  it('delivers every message exactly once as the platform sees it, resending at most what was in flight', async () => {
    const runs = [1, 1, 4].map((concurrency) => ({
      concurrency,
      killAt: 50 + Math.floor(Math.random() * 1_851), // after 50…1900 deliveries
    }));
    for (const { concurrency, killAt } of runs) {
      const what = `concurrency ${concurrency}, killed at delivery ${killAt}`;
      const dir = mkdtempSync(join(tmpdir(), 'nb-outbox-crash-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      const platform = await createPlatform();
      cleanup.push(platform.close);

      let store = await fileStore(dir);
      const at = new Date().toISOString();
      await store.transact((tx) => {
        for (let i = 0; i < RECIPIENTS; i++) {
          const id = `bc:crash:${String(i).padStart(4, '0')}`;
          const r: OutboxRecord = {
            v: 1,
            id,
            to: { channel: 'platform', chat: `c${i}`, user: `c${i}` },
            message: { text: `Aanbod ${i}` },
            createdAt: at,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: at,
            kind: 'broadcast',
            broadcastId: 'crash',
          };
          tx.put('outbox', id, r);
        }
      });
      await store.close();

      const first = startBot(dir, platform.port, concurrency);
      cleanup.push(() => void first.child.kill('SIGKILL'));
      platform.killOn(killAt, first.child);
      const killed = await first.exit;
      expect(killed.signal, `${what}\n${killed.out}`).toBe('SIGKILL');
      const seenBeforeRestart = platform.raw.length;
      expect(seenBeforeRestart, what).toBeGreaterThanOrEqual(killAt);

      const second = startBot(dir, platform.port, concurrency);
      cleanup.push(() => void second.child.kill('SIGKILL'));
      const done = await second.exit;
      expect(done.code, `${what}\n${done.out}`).toBe(0);
      expect(done.out).toContain('done');

      const unique = new Set(platform.raw);
      const resends = platform.raw.length - unique.size;
      console.info(
        `outbox crash: ${what}: ${platform.raw.length} raw deliveries, ${resends} resent (deduped)`,
      );
      expect(unique.size, what).toBe(RECIPIENTS); // nobody skipped
      expect(platform.messages.size, what).toBe(RECIPIENTS); // after dedupe: one message each
      expect(new Set([...platform.messages.values()].map((m) => m.chat)).size, what).toBe(RECIPIENTS);
      expect(resends, what).toBeLessThanOrEqual(concurrency); // only what was in flight
      expect(resends, what).toBeGreaterThanOrEqual(1); // the killed delivery itself went again

      store = await fileStore(dir);
      const left = await store.read((tx) => tx.list('outbox') as OutboxRecord[]);
      await store.close();
      expect(
        left.filter((r) => r.status === 'failed'),
        what,
      ).toEqual([]); // no dead letters
      expect(left, what).toEqual([]);
    }
  }, 90_000);
});
