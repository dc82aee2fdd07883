/**
 * Slack edits in place (`Outbound.replace`): chat.update through the real Web API client against
 * the loopback fake, falling back to a new post when Slack says the message cannot be updated.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGone, replacedMessage } from '../../src/channels/slack/index.js';
import type { SendResult } from '../../src/core/channel.js';
import { createSlackHarness, type SlackHarness } from '../fakes/slack/harness.js';

const choices = [
  { value: 'yes', label: 'Ik kom' },
  { value: 'no', label: 'Niet' },
];

const idOf = (r: SendResult): string => {
  if (!r.ok || !r.platformId) throw new Error(`send failed: ${JSON.stringify(r)}`);
  return r.platformId;
};

describe('slack channel: edit in place', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });
  const nour = () => h.privateAddress('nour');
  const updates = () => h.api.calls.filter((c) => c.method === 'chat.update');
  const posts = () => h.api.calls.filter((c) => c.method === 'chat.postMessage');

  it('says it can edit', () => {
    expect(h.channel.capabilities.edit).toBe(true);
  });

  it('updates text and buttons of the message a send returned, and keeps its id', async () => {
    const id = idOf(await h.channel.send(nour(), { text: 'Taalcafé: 2 komen', choices }));
    expect(id).toMatch(/^DNOUR:\d+\.\d+$/);
    const res = await h.channel.send(nour(), { text: 'Taalcafé: 3 komen & meer', choices, replace: id });
    expect(res).toEqual({ ok: true, platformId: id });
    expect(updates()).toHaveLength(1);
    expect(updates()[0]!.args).toMatchObject({
      channel: 'DNOUR',
      ts: id.split(':')[1],
      text: 'Taalcafé: 3 komen &amp; meer\n1. Ik kom\n2. Niet',
    });
    expect(posts()).toHaveLength(1);
    expect(h.sent('UNOUR')).toEqual([
      expect.objectContaining({
        text: 'Taalcafé: 3 komen & meer',
        buttons: ['Ik kom', 'Niet'],
        platformId: id,
      }),
    ]);
    expect(h.api.messages('UNOUR')[0]!.edits).toBe(1);
  });

  it('drops the buttons when the new message has no choices; works in a group too', async () => {
    const group = h.groupAddress('wijk');
    const id = idOf(await h.channel.send(group, { text: 'Wandeling zaterdag', choices }));
    expect(await h.channel.send(group, { text: 'Wandeling: volzet', replace: id })).toEqual({
      ok: true,
      platformId: id,
    });
    expect(h.sent('CWIJK')).toEqual([expect.objectContaining({ text: 'Wandeling: volzet', buttons: [] })]);
  });

  it('accepts a bare ts: in a group the group, for a person their DM found with conversations.open', async () => {
    const group = h.groupAddress('wijk');
    const inGroup = idOf(await h.channel.send(group, { text: 'Oud' })).split(':')[1]!;
    expect(await h.channel.send(group, { text: 'Nieuw', replace: inGroup })).toEqual({
      ok: true,
      platformId: inGroup,
    });
    expect(h.sent('CWIJK').map((m) => m.text)).toEqual(['Nieuw']);

    const ts = idOf(await h.channel.send(nour(), { text: 'Oud' })).split(':')[1]!;
    expect(await h.channel.send(nour(), { text: 'Nieuw', replace: ts })).toEqual({
      ok: true,
      platformId: ts,
    });
    expect(h.api.calls.find((c) => c.method === 'conversations.open')!.args).toMatchObject({
      users: 'UNOUR',
    });
    expect(updates().at(-1)!.args).toMatchObject({ channel: 'DNOUR', ts });
    expect(h.sent('UNOUR').map((m) => m.text)).toEqual(['Nieuw']);
  });

  it('posts anew, with the new id, when the message is gone', async () => {
    const id = idOf(await h.channel.send(nour(), { text: 'Oud' }));
    h.api.remove('UNOUR', id.split(':')[1]!);
    const res = await h.channel.send(nour(), { text: 'Nieuw', replace: id });
    const [fresh] = h.sent('UNOUR');
    expect(fresh).toMatchObject({ text: 'Nieuw' });
    expect(res).toEqual({ ok: true, platformId: fresh!.platformId });
    expect(fresh!.platformId).not.toBe(id);
  });

  it.each(['cant_update_message', 'edit_window_closed', 'message_not_found'])(
    'posts anew when Slack answers %s',
    async (error) => {
      const id = idOf(await h.channel.send(nour(), { text: 'Oud' }));
      h.api.failNext('chat.update', error);
      const res = await h.channel.send(nour(), { text: 'Nieuw', replace: id });
      expect(idOf(res)).not.toBe(id);
      expect(h.sent('UNOUR').map((m) => m.text)).toEqual(['Oud', 'Nieuw']);
    },
  );

  it('maps a 429 on the update as for sends, and posts nothing', async () => {
    const id = idOf(await h.channel.send(nour(), { text: 'Oud' }));
    h.api.rateLimitNext(6);
    expect(await h.channel.send(nour(), { text: 'Nieuw', replace: id })).toEqual({
      ok: false,
      permanent: false,
      retryAfterMs: 6000,
      reason: 'slack: rate limited (429)',
    });
    h.api.failNext('chat.update', 'channel_not_found');
    expect(await h.channel.send(nour(), { text: 'Nieuw', replace: id })).toEqual({
      ok: false,
      permanent: true,
      reason: 'slack: channel_not_found',
    });
    expect(posts()).toHaveLength(1);
    expect(h.sent('UNOUR').map((m) => m.text)).toEqual(['Oud']);
  });

  it('posts anew when replace is no Slack message id', async () => {
    const res = await h.channel.send(nour(), { text: 'Nieuw', replace: '42' });
    expect(updates()).toEqual([]);
    expect(res).toEqual({ ok: true, platformId: h.sent('UNOUR')[0]!.platformId });
  });
});

describe('slack edits: mapping', () => {
  it('reads `channel:ts` and bare ts, nothing else', () => {
    expect(replacedMessage('DNOUR:1763888401.000001')).toEqual({ channel: 'DNOUR', ts: '1763888401.000001' });
    expect(replacedMessage('1763888401.000001')).toEqual({ ts: '1763888401.000001' });
    for (const bad of ['', '42', 'abc', 'd1:1.2', ':1.2x']) expect(replacedMessage(bad)).toBeUndefined();
  });

  it('only message_not_found, cant_update_message and edit_window_closed mean "post anew"', () => {
    const platform = (error: string) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error } });
    for (const e of ['message_not_found', 'cant_update_message', 'edit_window_closed'])
      expect(isGone(platform(e))).toBe(true);
    expect(isGone(platform('channel_not_found'))).toBe(false);
    expect(isGone({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 })).toBe(false);
    expect(isGone(undefined)).toBe(false);
  });
});
