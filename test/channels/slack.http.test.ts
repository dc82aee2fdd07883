/**
 * The Slack channel end to end in HTTP mode: signed requests into Bolt's own receiver, the real
 * Web API client against the loopback fake.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackChannel } from '../../src/channels/slack/index.js';
import type { Log } from '../../src/core/log.js';
import type { Inbound } from '../../src/core/messages.js';
import { createSlackHarness, TEST_BOT_TOKEN, TEST_TEXTS, type SlackHarness } from '../fakes/slack/harness.js';
import {
  blockActions,
  channelMessage,
  clientMsgId,
  dmFileShare,
  dmMessage,
  eventEnvelope,
  freshTs,
  slashCommand,
  viewSubmission,
} from '../fakes/slack/payloads.js';
import { createFakeSlackApi, type FakeSlackApi } from '../fakes/slack/web-api.js';

const RLM = '\u200f';

/** A log that keeps every line, to prove what never gets logged. */
const recordingLog = () => {
  const lines: string[] = [];
  const rec = (level: string) => (fields: Record<string, unknown>, msg: string) =>
    lines.push(`${level} ${msg} ${JSON.stringify(fields)}`);
  const log: Log = { debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
  return { log, lines };
};

describe('slack channel over HTTP', () => {
  let h: SlackHarness;
  let got: Inbound[];
  /** The Web API methods called so far, at the moment each inbound reached the handler. */
  let callsAtReceipt: string[][];
  let logged: ReturnType<typeof recordingLog>;

  beforeEach(async () => {
    logged = recordingLog();
    h = await createSlackHarness({ adminChannel: 'C0ADMIN', log: logged.log });
    got = [];
    callsAtReceipt = [];
    await h.channel.start(async (m) => {
      got.push(m);
      callsAtReceipt.push(h.api.calls.map((c) => c.method));
    });
  });
  afterEach(async () => {
    await h.close();
  });

  const dm = (name: string, text: string, extra: { thread_ts?: string } = {}) =>
    eventEnvelope(
      h.workspace,
      dmMessage(h.workspace, { user: h.userId(name), channel: h.dmOf(name), text, ...extra }),
    );

  it('listens on a real port and checks the bot token with auth.test at start', () => {
    expect(h.slack.port).toBeGreaterThan(0);
    const auth = h.api.calls.find((c) => c.method === 'auth.test')!;
    expect(auth.token).toBe(TEST_BOT_TOKEN);
    expect(h.api.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
  });

  describe('request signatures (Bolt answers 401 itself)', () => {
    const body = () => ({ kind: 'event' as const, json: dm('nour', 'hallo') });

    it('processes a correctly signed request', async () => {
      const res = await h.post(body(), { handled: true });
      await h.settle();
      expect(res.status).toBe(200);
      expect(got).toHaveLength(1);
    });

    it.each([
      ['a wrong signature', { secret: 'not-the-secret' }],
      ['no signature', { unsigned: true }],
      ['a timestamp 6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ])('refuses %s with 401 and never calls the handler', async (_what, opts) => {
      const res = await h.post(body(), opts);
      await h.settle();
      expect(res.status).toBe(401);
      expect(got).toHaveLength(0);
    });

    it('refuses a signature over another body', async () => {
      const b = body();
      const res = await fetch(h.eventsUrl(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
          'x-slack-signature': 'v0=' + '0'.repeat(64),
        },
        body: JSON.stringify(b.json),
      });
      expect(res.status).toBe(401);
      expect(got).toHaveLength(0);
    });
  });

  it('answers url_verification with the challenge', async () => {
    const res = await h.post({
      kind: 'event',
      json: { token: 'legacy', challenge: 'c4Ll3nG3-xyz', type: 'url_verification' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'c4Ll3nG3-xyz' });
    expect(got).toHaveLength(0);
  });

  it('a DM becomes text from the private address (the user id, not the D… channel)', async () => {
    const json = dm('nour', 'Ik heb 2 uur &amp; meer gewerkt, zie <https://bib.be|de bib>');
    await h.post({ kind: 'event', json }, { handled: true });
    await h.settle();
    const ev = json['event'] as { ts: string; client_msg_id: string };
    expect(got).toEqual([
      {
        kind: 'text',
        id: ev.client_msg_id,
        text: 'Ik heb 2 uur & meer gewerkt, zie de bib',
        address: { channel: 'slack', chat: 'UNOUR', user: 'UNOUR' },
        receivedAt: new Date(Number(ev.ts) * 1000).toISOString(),
      },
    ]);
  });

  it('a Slack retry (x-slack-retry-num) is acknowledged and carries the same inbound id', async () => {
    const body = { kind: 'event' as const, json: dm('amina', 'hallo') };
    const first = await h.post(body, { handled: true });
    const retry = await h.post(body, { handled: true, retryNum: 1 });
    await h.settle();
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(got).toHaveLength(2);
    expect(got[1]!.id).toBe(got[0]!.id);
  });

  it('a shared file becomes media with its caption', async () => {
    const json = eventEnvelope(
      h.workspace,
      dmFileShare(h.workspace, {
        user: h.userId('nour'),
        channel: h.dmOf('nour'),
        text: 'bewijs van deelname',
        file: { id: 'F0PROOF', mimetype: 'image/png', name: 'bewijs.png' },
      }),
    );
    await h.post({ kind: 'event', json }, { handled: true });
    await h.settle();
    expect(got[0]).toMatchObject({
      kind: 'media',
      media: { kind: 'image', ref: 'F0PROOF', mimeType: 'image/png' },
      caption: 'bewijs van deelname',
      address: h.privateAddress('nour'),
    });
    const ev = json['event'] as { ts: string };
    expect(got[0]!.id).toBe(`${h.dmOf('nour')}:${ev.ts}`);
  });

  it('ignores the bot’s own messages and edits', async () => {
    const own = { ...dmMessage(h.workspace, { user: h.api.botUserId, channel: h.dmOf('nour'), text: 'x' }) };
    const bot = {
      ...dmMessage(h.workspace, { user: 'UOTHER', channel: h.dmOf('nour'), text: 'x' }),
      bot_id: 'B2',
    };
    const edit = {
      ...dmMessage(h.workspace, { user: h.userId('nour'), channel: h.dmOf('nour'), text: 'x' }),
      subtype: 'message_changed',
    };
    for (const ev of [own, bot, edit]) await h.post({ kind: 'event', json: eventEnvelope(h.workspace, ev) });
    await h.settle();
    expect(got).toEqual([]);
  });

  describe('members in a channel', () => {
    it('a message without a mention becomes unaddressed: who and where, never the text', async () => {
      await h.memberSays('wijk', 'nour', 'Mijn nummer is 0470 12 34 56', { mention: false });
      await h.settle();
      expect(got).toEqual([
        expect.objectContaining({
          kind: 'text',
          text: '',
          address: h.privateAddress('nour'),
          inGroup: true,
          unaddressed: true,
          group: h.groupId('wijk'),
        }),
      ]);
      expect(JSON.stringify(got)).not.toContain('0470');
      expect(logged.lines.join('\n')).not.toContain('0470');
    });

    it('a mention arrives once, from its app_mention, and not also as unaddressed chatter', async () => {
      await h.memberSays('wijk', 'nour', 'hulp', { mention: true });
      await h.settle();
      // Bolt acknowledges before its listeners run: give a stray delivery of the message event time.
      await new Promise((r) => setTimeout(r, 20));
      expect(got).toEqual([
        expect.objectContaining({
          kind: 'text',
          text: 'hulp',
          inGroup: true,
          address: h.privateAddress('nour'),
        }),
      ]);
      expect(got[0]).not.toHaveProperty('unaddressed');
    });

    it('edits and joins in a channel stay ignored', async () => {
      for (const subtype of ['message_changed', 'channel_join']) {
        const message = channelMessage(h.workspace, {
          user: h.userId('nour'),
          channel: h.groupId('wijk'),
          text: 'x',
          ts: freshTs(),
          client_msg_id: clientMsgId(),
        });
        const ev = { ...message, subtype };
        await h.post({ kind: 'event', json: eventEnvelope(h.workspace, ev) });
      }
      await h.settle();
      await new Promise((r) => setTimeout(r, 20));
      expect(got).toEqual([]);
    });
  });

  describe('threads', () => {
    it('a message in a DM thread carries the thread ts; a reply goes into that thread', async () => {
      const parent = await h.channel.send(h.privateAddress('nour'), { text: 'Hoeveel uur?' });
      expect(parent).toMatchObject({ ok: true });
      const parentTs = h.api.messages('UNOUR')[0]!.ts;
      expect(parent.ok && parent.platformId).toBe(`DNOUR:${parentTs}`);

      await h.post({ kind: 'event', json: dm('nour', '2 uur', { thread_ts: parentTs }) }, { handled: true });
      await h.settle();
      expect(got[0]!.address).toEqual({ channel: 'slack', chat: 'UNOUR', user: 'UNOUR', thread: parentTs });

      await h.channel.send(got[0]!.address, { text: 'Genoteerd.' });
      const reply = h.sent('UNOUR').at(-1)!;
      expect(reply).toMatchObject({ text: 'Genoteerd.', thread: parentTs });
    });

    it('posts into a group thread given the platformId of the parent', async () => {
      const parent = await h.channel.send(h.groupAddress('wijk'), { text: 'Taalcafé' });
      if (!parent.ok) throw new Error('send failed');
      await h.channel.send({ ...h.groupAddress('wijk'), thread: parent.platformId! }, { text: 'Om 14u' });
      const [first, second] = h.sent('CWIJK');
      expect(second).toMatchObject({ text: 'Om 14u', thread: first!.platformId.split(':')[1] });
    });
  });

  it('the slash command becomes a command inbound and is acknowledged at once', async () => {
    const fields = slashCommand(h.workspace, {
      user: h.userId('coach'),
      channel: 'CWIJK',
      command: '/netwerkbot',
      text: '  hours  nour ',
    });
    const res = await h.post({ kind: 'command', fields }, { handled: true });
    await h.settle();
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(got).toEqual([
      {
        kind: 'command',
        id: `cmd:${fields['trigger_id']}`,
        command: 'netwerkbot',
        args: 'hours  nour',
        address: h.privateAddress('coach'),
        inGroup: true,
        receivedAt: expect.any(String),
      },
    ]);
  });

  it('`person add` alone opens the modal; its submission becomes the person add command', async () => {
    const fields = slashCommand(h.workspace, {
      user: h.userId('coach'),
      channel: h.dmOf('coach'),
      command: '/netwerkbot',
      text: 'person add',
    });
    const res = await h.post({ kind: 'command', fields });
    expect(res.status).toBe(200);
    await waitForCall(h.api, 'views.open');
    await h.settle();
    expect(got).toEqual([]);
    const open = h.api.calls.find((c) => c.method === 'views.open')!;
    expect(open.args['trigger_id']).toBe(fields['trigger_id']);
    const view = open.args['view'] as {
      type: string;
      callback_id: string;
      blocks: Record<string, unknown>[];
    };
    expect(view.type).toBe('modal');
    const byId = Object.fromEntries(view.blocks.map((b) => [b['block_id'], b]));
    expect(Object.keys(byId)).toEqual(['name', 'role', 'language', 'municipality']);
    expect(byId['name']).toMatchObject({ type: 'input', element: { type: 'plain_text_input' } });
    expect(byId['role']).toMatchObject({ element: { type: 'static_select' } });
    const roleOptions = (byId['role']!['element'] as { options: { value: string }[] }).options;
    expect(roleOptions.map((x) => x.value)).toEqual(['newcomer', 'buddy', 'contact', 'coach']);
    expect(byId['language']).toMatchObject({
      element: { type: 'static_select', initial_option: { value: 'nl', text: { text: 'Nederlands' } } },
    });
    expect(byId['municipality']).toMatchObject({ optional: true, element: { type: 'plain_text_input' } });

    const submit = (municipality: string | null, viewId: string) =>
      h.post(
        {
          kind: 'interaction',
          payload: viewSubmission(h.workspace, {
            user: h.userId('coach'),
            view: view as unknown as Record<string, unknown>,
            viewId,
            values: {
              name: { value: { type: 'plain_text_input', value: '  Nour  El Amrani ' } },
              role: { value: { type: 'static_select', selected_option: { value: 'newcomer' } } },
              language: { value: { type: 'static_select', selected_option: { value: 'ar' } } },
              municipality: { value: { type: 'plain_text_input', value: municipality } },
            },
          }),
        },
        { handled: true },
      );
    const ack = await submit('Gent', 'V1');
    expect(ack.status).toBe(200);
    expect(ack.json).toEqual({ response_action: 'clear' });
    await submit(null, 'V2');
    await h.settle();
    expect(got.map((m) => m.kind === 'command' && m.args)).toEqual([
      'person add newcomer Nour El Amrani taal=ar gemeente=Gent',
      'person add newcomer Nour El Amrani taal=ar',
    ]);
    expect(got[0]).toMatchObject({
      kind: 'command',
      command: 'netwerkbot',
      id: 'view:V1',
      address: h.privateAddress('coach'),
    });
  });

  it('a button press edits the message in place (text + chosen label, no buttons), then hands on the choice', async () => {
    const choices = [
      { value: 'yes', label: 'Ja, klopt' },
      { value: 'no', label: 'Nee' },
    ];
    await h.channel.send(h.privateAddress('nour'), { text: '2 uur bij <de bib> & co?', choices });
    expect(h.sent('UNOUR')[0]!.buttons).toEqual(['Ja, klopt', 'Nee']);
    await h.userPicks('nour', 0);
    await h.settle();
    const [msg] = h.sent('UNOUR');
    expect(msg!.buttons).toEqual([]);
    expect(msg!.text).toBe('2 uur bij <de bib> & co?\n\n→ Ja, klopt');
    const update = h.api.calls.find((c) => c.method === 'chat.update')!;
    expect(update.args['channel']).toBe('DNOUR');
    expect(update.args['ts']).toBe(h.api.messages('UNOUR')[0]!.ts);
    expect(got).toEqual([
      {
        kind: 'choice',
        choice: 'yes',
        id: expect.stringMatching(/^act:\d+\.\d+$/),
        address: h.privateAddress('nour'),
        receivedAt: expect.any(String),
      },
    ]);
    // The message was edited before the handler saw the choice.
    expect(callsAtReceipt[0]).toContain('chat.update');
  });

  it('acknowledges other block actions and events without handing them on', async () => {
    await h.channel.send(h.privateAddress('nour'), { text: 'Kies', choices: [{ value: 'a', label: 'A' }] });
    const message = h.api.messages('UNOUR')[0]!;
    const payload = blockActions(h.workspace, { user: h.userId('nour'), message, actionId: 'choice_0' });
    const actions = payload['actions'] as Record<string, unknown>[];
    const other = { ...payload, actions: [{ ...actions[0], action_id: 'open_link', type: 'button' }] };
    const started = Date.now();
    const res = await h.post({ kind: 'interaction', payload: other });
    const reaction = {
      type: 'reaction_added',
      user: 'UNOUR',
      reaction: 'thumbsup',
      event_ts: '1763888400.1',
    };
    const ev = await h.post({ kind: 'event', json: eventEnvelope(h.workspace, reaction) });
    await h.settle();
    expect([res.status, ev.status]).toEqual([200, 200]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(got).toEqual([]);
    expect(h.api.calls.some((c) => c.method === 'chat.update')).toBe(false);
  });

  it('more than 25 choices become numbered text without buttons', async () => {
    const choices = Array.from({ length: 26 }, (_, i) => ({ value: `v${i}`, label: `Optie ${i + 1}` }));
    await h.channel.send(h.privateAddress('nour'), { text: 'Kies', choices });
    const [msg] = h.sent('UNOUR');
    expect(msg!.buttons).toEqual([]);
    expect(msg!.text.split('\n').slice(0, 3)).toEqual(['Kies', '1. Optie 1', '2. Optie 2']);
  });

  it('right-to-left text gets a mark on each line, also in the fallback text', async () => {
    await h.channel.send(h.privateAddress('nour'), { text: 'مرحبا\n2 ساعات', direction: 'rtl' });
    const stored = h.api.messages('UNOUR')[0]!;
    for (const l of stored.text.split('\n')) expect(l.startsWith(RLM)).toBe(true);
    for (const l of h.sent('UNOUR')[0]!.text.split('\n')) expect(l.startsWith(RLM)).toBe(true);
  });

  describe('send failures', () => {
    it('maps a 429 to a retryable failure with Retry-After, without waiting', async () => {
      h.rateLimitNext(30);
      const started = Date.now();
      const res = await h.channel.send(h.privateAddress('nour'), { text: 'x' });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res).toEqual({ ok: false, permanent: false, retryAfterMs: 30_000, reason: expect.any(String) });
    });

    it.each([
      ['channel_not_found', true],
      ['not_in_channel', true],
      ['invalid_auth', true],
      ['internal_error', false],
    ])('{ok:false, error:%s} -> permanent %s', async (error, permanent) => {
      h.api.failNext('chat.postMessage', error);
      const res = await h.channel.send(h.groupAddress('wijk'), { text: 'x' });
      expect(res).toMatchObject({ ok: false, permanent, reason: `slack: ${error}` });
    });

    it('a 5xx is retryable', async () => {
      h.api.httpErrorNext(503);
      const res = await h.channel.send(h.groupAddress('wijk'), { text: 'x' });
      expect(res).toMatchObject({ ok: false, permanent: false });
    });

    it('an unreachable Slack is retryable and send never throws', async () => {
      const api = await createFakeSlackApi();
      const url = api.url;
      await api.close();
      const c = createSlackChannel({ botToken: TEST_BOT_TOKEN, apiUrl: url, texts: TEST_TEXTS });
      const res = await c.send(h.privateAddress('nour'), { text: 'x' });
      expect(res).toMatchObject({ ok: false, permanent: false });
    });
  });

  describe('admin notices', () => {
    it('posts the text to the admin channel', async () => {
      await h.slack.notifyAdmins({ text: 'WhatsApp is verbonden.' });
      expect(h.sent('C0ADMIN').map((m) => m.text)).toEqual(['WhatsApp is verbonden.']);
    });

    it('uploads an image with the text as its comment (files.uploadV2)', async () => {
      const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
      await h.slack.notifyAdmins({ text: 'Scan deze QR-code', image: { png, filename: 'whatsapp-qr.png' } });
      const methods = h.api.calls.map((c) => c.method);
      expect(methods).toEqual(
        expect.arrayContaining(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']),
      );
      const get = h.api.calls.find((c) => c.method === 'files.getUploadURLExternal')!;
      expect(get.args).toMatchObject({ filename: 'whatsapp-qr.png', length: String(png.length) });
      const complete = h.api.calls.find((c) => c.method === 'files.completeUploadExternal')!;
      expect(complete.args).toMatchObject({ channel_id: 'C0ADMIN', initial_comment: 'Scan deze QR-code' });
      const [fileId] = [...h.api.uploads.keys()];
      expect(h.api.uploads.get(fileId!)).toBeGreaterThanOrEqual(png.length);
      expect(h.api.messages('C0ADMIN')[0]).toMatchObject({
        text: 'Scan deze QR-code',
        files: [{ id: fileId }],
      });
    });

    it('does nothing without an admin channel, and a failure is logged, not thrown', async () => {
      const h2 = await createSlackHarness();
      await h2.channel.start(async () => undefined);
      try {
        await h2.slack.notifyAdmins({ text: 'x' });
        expect(h2.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
      } finally {
        await h2.close();
      }
      h.api.failNext('chat.postMessage', 'channel_not_found');
      await expect(h.slack.notifyAdmins({ text: 'x' })).resolves.toBeUndefined();
      expect(logged.lines.some((l) => l.includes('channel_not_found'))).toBe(true);
    });
  });

  it('logs carry no message texts, names or tokens', async () => {
    await h.post({ kind: 'event', json: dm('nour', 'geheim-bericht-42') }, { handled: true });
    await h.settle();
    await h.channel.send(h.privateAddress('nour'), { text: 'geheim-antwoord-42' });
    h.rateLimitNext(1);
    await h.channel.send(h.privateAddress('nour'), { text: 'geheim-antwoord-43' });
    await h.post({ kind: 'event', json: dm('nour', 'x') }, { secret: 'wrong' });
    const all = logged.lines.join('\n');
    expect(all).toMatch(/signature/);
    expect(all).toMatch(/rate limited/);
    expect(all).not.toMatch(/geheim|xoxb-|UNOUR|DNOUR/);
  });
});

const waitForCall = async (api: FakeSlackApi, method: string) => {
  const until = Date.now() + 3000;
  while (!api.calls.some((c) => c.method === method)) {
    if (Date.now() > until) throw new Error(`no ${method} call`);
    await new Promise((r) => setTimeout(r, 5));
  }
};
