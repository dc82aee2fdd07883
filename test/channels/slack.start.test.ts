/** Start-up of the Slack channel: every refused credential is a CHANNEL_START naming its .env variable. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackChannel } from '../../src/channels/slack/index.js';
import { isCodedError } from '../../src/core/errors.js';
import { TEST_TEXTS } from '../fakes/slack/harness.js';
import { createFakeSlackApi, type FakeSlackApi } from '../fakes/slack/web-api.js';

describe('slack channel start-up', () => {
  let api: FakeSlackApi;
  beforeEach(async () => {
    api = await createFakeSlackApi();
  });
  afterEach(async () => {
    await api.close();
  });

  const base = () => ({
    apiUrl: api.url,
    texts: TEST_TEXTS,
    port: 0,
    mode: 'http' as const,
    signingSecret: 's3cr3t-s3cr3t-s3',
  });

  it('a refused bot token -> CHANNEL_START naming SLACK_BOT_TOKEN, never the token', async () => {
    const token = 'xoxb-9999-wrong-token-value';
    const c = createSlackChannel({ ...base(), botToken: token });
    const err = await c.start(async () => undefined).catch((e: unknown) => e);
    expect(isCodedError(err, 'CHANNEL_START')).toBe(true);
    const e = err as Error;
    expect(e.message).toBe(
      'Slack refused SLACK_BOT_TOKEN (invalid_auth). Copy the Bot User OAuth Token (xoxb-…) from your Slack app into SLACK_BOT_TOKEN in .env.',
    );
    expect(JSON.stringify({ m: e.message, c: (e as { context?: unknown }).context })).not.toContain(token);
    expect(c.port).toBeUndefined();
  });

  it('a missing or non-bot token is refused before any call', async () => {
    for (const botToken of ['', 'xoxp-user-token']) {
      const c = createSlackChannel({ ...base(), botToken });
      await expect(c.start(async () => undefined)).rejects.toMatchObject({
        code: 'CHANNEL_START',
        message: expect.stringContaining('SLACK_BOT_TOKEN'),
      });
    }
    expect(api.calls).toEqual([]);
  });

  it('HTTP mode without a signing secret names SLACK_SIGNING_SECRET', async () => {
    const c = createSlackChannel({ ...base(), signingSecret: undefined, botToken: 'xoxb-fake-bot-token' });
    await expect(c.start(async () => undefined)).rejects.toMatchObject({
      code: 'CHANNEL_START',
      message: expect.stringContaining('SLACK_SIGNING_SECRET'),
    });
  });

  it('socket mode (the default) without an app token names SLACK_APP_TOKEN', async () => {
    const c = createSlackChannel({ apiUrl: api.url, texts: TEST_TEXTS, botToken: 'xoxb-fake-bot-token' });
    await expect(c.start(async () => undefined)).rejects.toMatchObject({
      code: 'CHANNEL_START',
      message: expect.stringContaining('SLACK_APP_TOKEN'),
    });
  });

  it('a port already in use names SLACK_PORT', async () => {
    const first = createSlackChannel({ ...base(), botToken: 'xoxb-fake-bot-token' });
    await first.start(async () => undefined);
    try {
      const second = createSlackChannel({ ...base(), port: first.port, botToken: 'xoxb-fake-bot-token' });
      await expect(second.start(async () => undefined)).rejects.toMatchObject({
        code: 'CHANNEL_START',
        message: expect.stringContaining('SLACK_PORT'),
      });
      expect(second.port).toBeUndefined();
    } finally {
      await first.stop();
    }
    expect(first.port).toBeUndefined();
  });

  it('an unreachable Slack at start says so without the token', async () => {
    const url = api.url;
    await api.close();
    api = await createFakeSlackApi();
    const c = createSlackChannel({ ...base(), apiUrl: url, botToken: 'xoxb-fake-bot-token' });
    const err = (await c.start(async () => undefined).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({
      code: 'CHANNEL_START',
      message: expect.stringContaining('Could not reach Slack'),
    });
    expect(err.message).not.toContain('xoxb-');
  });
});
