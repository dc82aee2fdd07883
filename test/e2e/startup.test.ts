import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, loadContent, ROOT } from '../../src/app.js';
import { createSeededIds, ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import { loadConfig } from '../../src/config/index.js';
import { realChannels } from '../../src/main.js';
import { createFakeSlackApi } from '../fakes/slack/web-api.js';
import { createFakeTelegram } from '../fakes/telegram/server.js';
import { memoryStore } from '../helpers/store.js';

const content = loadContent();
const BAD_TOKEN = '123456789:AAbadbadbadbadbadbadbadbadbad';
const SLACK_TOKEN = 'xoxb-1111-2222-fakebottoken';
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** Runs `npm start` (src/main.ts through tsx) with `env`; resolves with its exit code and output. */
const runMain = (env: Record<string, string>): Promise<{ code: number; out: string; err: string }> =>
  new Promise((resolve) => {
    const child = execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'src/main.ts')],
      { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, cwd: ROOT, timeout: 30_000 },
      (err, out, errOut) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out, err: errOut }),
    );
    child.stdin?.end();
  });

describe('start-up with real channels', () => {
  it('a channel with a wrong token fails naming its variable; the others keep running', async () => {
    const telegram = await createFakeTelegram(); // knows another token: answers 401
    const slackApi = await createFakeSlackApi({ botToken: SLACK_TOKEN });
    cleanup.push(
      () => telegram.close(),
      () => slackApi.close(),
    );
    const config = loadConfig(
      {
        TELEGRAM_BOT_TOKEN: BAD_TOKEN,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_MODE: 'http',
        SLACK_SIGNING_SECRET: 'fake-signing-secret-8f14e45fceea167a',
        SLACK_PORT: '0',
        SLACK_API_URL: slackApi.url,
      },
      null,
    );
    const channels = realChannels(config, { log: silentLog, i18n: content.i18n });
    expect(channels.map((c) => c.name)).toEqual(['telegram', 'slack']);
    const app = createApp({
      store: memoryStore(),
      channels,
      clock: new ManualClock('2026-11-23T09:00:00Z'),
      ids: createSeededIds(1),
      log: silentLog,
      content,
    });
    cleanup.push(() => app.stop());
    expect(await app.start()).toEqual(['slack']);
    expect(app.failed).toHaveLength(1);
    expect(app.failed[0]!.channel).toBe('telegram');
    expect(app.failed[0]!.reason).toContain('TELEGRAM_BOT_TOKEN');
    expect(app.failed[0]!.reason).not.toContain(BAD_TOKEN.split(':')[1]);
  });

  it('npm start prints why a channel did not start, and stops when none is live', async () => {
    const telegram = await createFakeTelegram();
    cleanup.push(() => telegram.close());
    const dir = mkdtempSync(join(tmpdir(), 'netwerkbot-start-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const r = await runMain({
      DATA_DIR: dir,
      TELEGRAM_BOT_TOKEN: BAD_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      WHATSAPP: 'true',
      PUPPETEER_EXECUTABLE_PATH: join(dir, 'no-chromium'),
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('⚠️ telegram start niet.');
    expect(r.out).toContain('TELEGRAM_BOT_TOKEN');
    expect(r.out).toContain('⚠️ whatsapp start niet.');
    expect(r.out).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(r.out).toContain('apt-get install chromium');
    expect(r.out + r.err).not.toContain(BAD_TOKEN);
  }, 40_000);
});
