/**
 * Socket Mode (the default) end to end: apps.connections.open on the fake Web API, a loopback
 * WebSocket that greets with hello and delivers envelopes, and the app's acks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackChannel, type SlackChannel } from '../../src/channels/slack/index.js';
import { privateAddress } from '../../src/core/channel.js';
import type { Inbound } from '../../src/core/messages.js';
import { waitFor } from '../fakes/harness.js';
import { TEST_TEXTS } from '../fakes/slack/harness.js';
import { dmMessage, eventEnvelope, slashCommand } from '../fakes/slack/payloads.js';
import { createFakeSocketMode, type FakeSocketMode } from '../fakes/slack/socket-mode.js';
import { createFakeSlackApi, type FakeSlackApi } from '../fakes/slack/web-api.js';

const APP_TOKEN = 'xapp-1-A0APP-fake-app-token';
const BOT_TOKEN = 'xoxb-fake-bot-token';

describe('slack channel in Socket Mode', () => {
  let api: FakeSlackApi;
  let socket: FakeSocketMode;
  let channel: SlackChannel;
  let got: Inbound[];

  beforeEach(async () => {
    api = await createFakeSlackApi({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
    socket = await createFakeSocketMode();
    api.setSocketUrl(socket.url);
    got = [];
  });
  afterEach(async () => {
    await channel?.stop();
    await socket.close();
    await api.close();
  });

  const make = (appToken = APP_TOKEN) =>
    (channel = createSlackChannel({ botToken: BOT_TOKEN, appToken, apiUrl: api.url, texts: TEST_TEXTS }));
  const w = () => ({ teamId: api.teamId, botUserId: api.botUserId });

  it('connects with the app token and delivers a DM event, acked by envelope id', async () => {
    await make().start(async (m) => {
      got.push(m);
    });
    await socket.connected();
    expect(channel.port).toBeUndefined();
    const open = api.calls.find((c) => c.method === 'apps.connections.open')!;
    expect(open.token).toBe(APP_TOKEN);

    const body = eventEnvelope(w(), dmMessage(w(), { user: 'UNOUR', channel: 'DNOUR', text: 'hallo' }));
    const ack = await socket.send('events_api', body);
    expect(ack.envelope_id).toBe('env-1');
    await waitFor(() => got.length === 1, 'the DM');
    expect(got[0]).toMatchObject({ kind: 'text', text: 'hallo', address: privateAddress('slack', 'UNOUR') });

    // A redelivery (retry_attempt 1) is acked again and carries the same id for the core to drop.
    await socket.send('events_api', body, 1);
    await waitFor(() => got.length === 2, 'the redelivery');
    expect(got[1]!.id).toBe(got[0]!.id);
  });

  it('acks a slash command at once and hands on the command', async () => {
    await make().start(async (m) => {
      got.push(m);
    });
    await socket.connected();
    const fields = slashCommand(w(), {
      user: 'UCOACH',
      channel: 'DCOACH',
      command: '/netwerkbot',
      text: 'whoami',
    });
    const ack = await socket.send('slash_commands', fields);
    expect(ack).toEqual({ envelope_id: 'env-1', payload: {} });
    await waitFor(() => got.length === 1, 'the command');
    expect(got[0]).toMatchObject({ kind: 'command', command: 'netwerkbot', args: 'whoami' });
  });

  it('a refused app token -> CHANNEL_START naming SLACK_APP_TOKEN, never the token', async () => {
    const token = 'xapp-1-wrong-app-token';
    const err = (await make(token)
      .start(async () => undefined)
      .catch((e: unknown) => e)) as Error & { code?: string };
    expect(err.code).toBe('CHANNEL_START');
    expect(err.message).toContain('Slack refused SLACK_APP_TOKEN (invalid_auth)');
    expect(err.message).not.toContain(token);
  });
});
