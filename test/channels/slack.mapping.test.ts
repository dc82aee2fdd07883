/** The Slack adapter's pure mapping: Slack payloads -> Inbound, Outbound -> Slack arguments, errors. */
import { describe, expect, it } from 'vitest';
import {
  fromAction,
  fromCommand,
  fromMention,
  fromMessage,
  fromPersonAddSubmission,
  plainText,
  slackTime,
} from '../../src/channels/slack/inbound.js';
import {
  chosenUpdate,
  chunkText,
  escapeMrkdwn,
  personAddModal,
  sendFailure,
  threadTs,
  toPostMessage,
} from '../../src/channels/slack/outbound.js';
import { groupAddress, privateAddress } from '../../src/core/channel.js';
import { TEST_TEXTS } from '../fakes/slack/harness.js';

const BOT = 'UBOT';
const at = new Date('2026-11-23T09:00:00Z');
const RLM = '\u200f';

describe('inbound', () => {
  const dm = {
    type: 'message' as const,
    channel: 'D1',
    channel_type: 'im',
    user: 'U1',
    text: 'hallo',
    ts: '1763888400.000100',
  };

  it('reads Slack timestamps and escaped text', () => {
    expect(slackTime('1763888400.000100')).toBe('2025-11-23T09:00:00.000Z');
    expect(
      plainText('a &lt;b&gt; &amp;amp; <https://x.be|site> <mailto:a@b.be> <https://y.be> <@U9> <!here>'),
    ).toBe('a <b> &amp; site a@b.be https://y.be @U9 @here');
  });

  it('a DM -> text from the user id, id from client_msg_id or channel:ts', () => {
    expect(fromMessage('slack', { ...dm, client_msg_id: 'c-1' }, BOT)).toEqual({
      kind: 'text',
      id: 'c-1',
      text: 'hallo',
      address: privateAddress('slack', 'U1'),
      receivedAt: '2025-11-23T09:00:00.000Z',
    });
    expect(fromMessage('slack', dm, BOT)!.id).toBe('D1:1763888400.000100');
  });

  it('a DM in a thread carries the thread ts; the thread parent itself does not', () => {
    expect(fromMessage('slack', { ...dm, thread_ts: '1763888300.000001' }, BOT)!.address.thread).toBe(
      '1763888300.000001',
    );
    expect(fromMessage('slack', { ...dm, thread_ts: dm.ts }, BOT)!.address.thread).toBeUndefined();
  });

  it('ignores bots, the bot itself and edits', () => {
    expect(fromMessage('slack', { ...dm, bot_id: 'B1' }, BOT)).toBeNull();
    expect(fromMessage('slack', { ...dm, user: BOT }, BOT)).toBeNull();
    expect(fromMessage('slack', { ...dm, subtype: 'message_changed' }, BOT)).toBeNull();
    expect(fromMessage('slack', { ...dm, subtype: 'message_deleted' }, BOT)).toBeNull();
    expect(fromMessage('slack', { ...dm, text: '  ' }, BOT)).toBeNull();
  });

  describe('a member in a channel, not mentioning the bot', () => {
    const inChannel = { ...dm, channel: 'C1', channel_type: 'channel', client_msg_id: 'c-7' };

    it('-> unaddressed: the member and the channel, never the text', () => {
      expect(fromMessage('slack', inChannel, BOT)).toEqual({
        kind: 'text',
        text: '',
        id: 'c-7',
        address: privateAddress('slack', 'U1'),
        receivedAt: '2025-11-23T09:00:00.000Z',
        inGroup: true,
        unaddressed: true,
        group: 'C1',
      });
      expect(fromMessage('slack', { ...inChannel, channel: 'G1', channel_type: 'mpim' }, BOT)).toMatchObject({
        unaddressed: true,
        group: 'G1',
      });
      expect(fromMessage('slack', { ...inChannel, channel: 'G2', channel_type: 'group' }, BOT)).toMatchObject(
        {
          unaddressed: true,
          group: 'G2',
        },
      );
      const { channel_type: _, ...noType } = inChannel;
      expect(fromMessage('slack', noType, BOT)).toMatchObject({ unaddressed: true, group: 'C1' });
      const inThread = { ...inChannel, thread_ts: '1763888300.000001' };
      expect(fromMessage('slack', inThread, BOT)).toMatchObject({ address: privateAddress('slack', 'U1') });
    });

    it('never passes the text, a caption or a file', () => {
      const secret = 'mijn nummer is 0470 12 34 56';
      const files = [{ id: 'F1', mimetype: 'image/png', name: 'rijbewijs.png' }];
      for (const ev of [
        { ...inChannel, text: secret },
        { ...inChannel, subtype: 'file_share', files, text: secret },
        { ...inChannel, subtype: 'file_share', files, text: '' },
        { ...inChannel, subtype: 'thread_broadcast', thread_ts: '1763888300.000001', text: secret },
      ]) {
        const m = fromMessage('slack', ev, BOT)!;
        expect(m).toMatchObject({ kind: 'text', text: '', unaddressed: true });
        expect(m).not.toHaveProperty('caption');
        expect(m).not.toHaveProperty('media');
        expect(JSON.stringify(m)).not.toMatch(/0470|F1|rijbewijs/);
      }
    });

    it('a mention of the bot is null here: its app_mention is the one handed on', () => {
      expect(fromMessage('slack', { ...inChannel, text: '<@UBOT> hulp' }, BOT)).toBeNull();
      expect(fromMessage('slack', { ...inChannel, text: 'kan <@UBOT|netwerkbot> helpen?' }, BOT)).toBeNull();
      expect(fromMessage('slack', { ...inChannel, text: 'vraag het <@UBOTTER>' }, BOT)).toMatchObject({
        unaddressed: true,
      });
      expect(fromMessage('slack', { ...inChannel, text: 'vraag het <@U2>' }, BOT)).toMatchObject({
        unaddressed: true,
      });
    });

    it('bots, the bot itself, edits, deletions, joins and empty messages stay ignored', () => {
      expect(fromMessage('slack', { ...inChannel, bot_id: 'B1' }, BOT)).toBeNull();
      expect(fromMessage('slack', { ...inChannel, subtype: 'bot_message' }, BOT)).toBeNull();
      expect(fromMessage('slack', { ...inChannel, user: BOT }, BOT)).toBeNull();
      const { user: _, ...noUser } = inChannel;
      expect(fromMessage('slack', noUser, BOT)).toBeNull();
      for (const subtype of ['message_changed', 'message_deleted', 'channel_join', 'channel_topic'])
        expect(fromMessage('slack', { ...inChannel, subtype }, BOT), subtype).toBeNull();
      expect(fromMessage('slack', { ...inChannel, text: '  ' }, BOT)).toBeNull();
    });
  });

  it('a file share -> media (first file) with the caption, no caption when empty', () => {
    const files = [{ id: 'F1', mimetype: 'application/pdf' }, { id: 'F2' }];
    expect(fromMessage('slack', { ...dm, subtype: 'file_share', files, text: 'bewijs' }, BOT)).toMatchObject({
      kind: 'media',
      media: { kind: 'document', ref: 'F1', mimeType: 'application/pdf' },
      caption: 'bewijs',
    });
    const bare = fromMessage(
      'slack',
      { ...dm, subtype: 'file_share', files: [{ id: 'F3' }], text: '' },
      BOT,
    )!;
    expect(bare).toMatchObject({ kind: 'media', media: { kind: 'other', ref: 'F3' } });
    expect(bare).not.toHaveProperty('caption');
  });

  it('an app_mention -> text without the mention, private address, inGroup', () => {
    const ev = {
      type: 'app_mention' as const,
      channel: 'C1',
      user: 'U1',
      text: '<@UBOT|netwerkbot>   hulp nodig <@UBOT>',
      ts: '1763888400.000200',
      client_msg_id: 'c-2',
    };
    expect(fromMention('slack', ev, BOT)).toEqual({
      kind: 'text',
      id: 'c-2',
      text: 'hulp nodig',
      address: privateAddress('slack', 'U1'),
      inGroup: true,
      receivedAt: '2025-11-23T09:00:00.000Z',
    });
    expect(fromMention('slack', { ...ev, bot_id: 'B2' }, BOT)).toBeNull();
  });

  it('a slash command -> command without the slash; in a DM not inGroup', () => {
    const body = {
      command: '/NetwerkBot',
      text: ' whoami ',
      user_id: 'U1',
      channel_id: 'D1',
      trigger_id: 't.1',
    };
    expect(fromCommand('slack', body, at)).toEqual({
      kind: 'command',
      id: 'cmd:t.1',
      command: 'netwerkbot',
      args: 'whoami',
      address: privateAddress('slack', 'U1'),
      receivedAt: at.toISOString(),
    });
    expect(fromCommand('slack', { ...body, channel_id: 'C1' }, at).inGroup).toBe(true);
  });

  it('a choice button -> choice with the value; other actions are ignored', () => {
    const body = {
      type: 'block_actions' as const,
      user: { id: 'U1' },
      trigger_id: 't.2',
      container: { channel_id: 'D1', message_ts: '1.1' },
      actions: [{ type: 'button', action_id: 'choice_1', value: 'en', action_ts: '1763888400.500000' }],
    };
    expect(fromAction('slack', body, at)).toEqual({
      kind: 'choice',
      id: 'act:1763888400.500000',
      choice: 'en',
      address: privateAddress('slack', 'U1'),
      receivedAt: '2025-11-23T09:00:00.500Z',
    });
    const noTs = { ...body, actions: [{ type: 'button', action_id: 'choice_0', value: 'nl' }] };
    expect(fromAction('slack', noTs, at)!.id).toBe('act:t.2');
    expect(
      fromAction('slack', { ...body, actions: [{ ...body.actions[0]!, action_id: 'other' }] }, at),
    ).toBeNull();
    expect(
      fromAction('slack', { ...body, container: { channel_id: 'C1', message_ts: '1.1' } }, at)!.inGroup,
    ).toBe(true);
  });

  it('the person add modal -> `person add <role> <name> taal=<lang> [gemeente=…]`', () => {
    const body = (name: string, municipality: string | null) => ({
      user: { id: 'U1' },
      view: {
        id: 'V1',
        private_metadata: 'C1',
        state: {
          values: {
            name: { value: { value: name } },
            role: { value: { selected_option: { value: 'buddy' } } },
            language: { value: { selected_option: { value: 'fr' } } },
            municipality: { value: { value: municipality } },
          },
        },
      },
    });
    expect(
      fromPersonAddSubmission('slack', '/netwerkbot', body('Jan  De Smet', ' Sint-Niklaas '), at),
    ).toEqual({
      kind: 'command',
      id: 'view:V1',
      command: 'netwerkbot',
      args: 'person add buddy Jan De Smet taal=fr gemeente=Sint-Niklaas',
      address: privateAddress('slack', 'U1'),
      inGroup: true,
      receivedAt: at.toISOString(),
    });
    expect(fromPersonAddSubmission('slack', '/netwerkbot', body('Jan', null), at)).toMatchObject({
      args: 'person add buddy Jan taal=fr',
    });
    expect(fromPersonAddSubmission('slack', '/netwerkbot', body('Jan', 'De  Panne'), at)).toMatchObject({
      args: 'person add buddy Jan taal=fr gemeente="De Panne"',
    });
    expect(fromPersonAddSubmission('slack', '/netwerkbot', body('  ', null), at)).toBeNull();
  });
});

describe('outbound', () => {
  it('escapes mrkdwn and posts to the user id for a private address', () => {
    const p = toPostMessage(privateAddress('slack', 'U1'), { text: 'a < b & c > d' });
    expect(p).toEqual({
      channel: 'U1',
      text: 'a &lt; b &amp; c &gt; d',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a &lt; b &amp; c &gt; d' } }],
    });
    expect(escapeMrkdwn('&<>')).toBe('&amp;&lt;&gt;');
  });

  it('choices -> buttons choice_<i> with values; fallback text numbered', () => {
    const long = 'L'.repeat(100);
    const p = toPostMessage(groupAddress('slack', 'C1', '1763888400.000100'), {
      text: 'Klopt dit?',
      choices: [
        { value: 'yes', label: 'Ja' },
        { value: 'no', label: long },
      ],
    });
    expect(p.channel).toBe('C1');
    expect(p.thread_ts).toBe('1763888400.000100');
    expect(p.text).toBe('Klopt dit?\n1. Ja\n2. ' + long);
    expect(p.blocks[1]).toEqual({
      type: 'actions',
      block_id: 'choices',
      elements: [
        {
          type: 'button',
          action_id: 'choice_0',
          value: 'yes',
          text: { type: 'plain_text', text: 'Ja', emoji: true },
        },
        {
          type: 'button',
          action_id: 'choice_1',
          value: 'no',
          text: { type: 'plain_text', text: 'L'.repeat(74) + '…', emoji: true },
        },
      ],
    });
  });

  it('more than 25 choices, or a value over 2000 chars -> numbered text, no buttons', () => {
    const many = Array.from({ length: 26 }, (_, i) => ({ value: `${i}`, label: `O${i}` }));
    const p = toPostMessage(privateAddress('slack', 'U1'), { text: 'Kies', choices: many });
    expect(p.blocks.map((b) => b.type)).toEqual(['section']);
    expect(p.blocks[0]).toMatchObject({ text: { text: expect.stringContaining('26. O25') } });
    const big = toPostMessage(privateAddress('slack', 'U1'), {
      text: 'Kies',
      choices: [{ value: 'x'.repeat(2001), label: 'X' }],
    });
    expect(big.blocks.map((b) => b.type)).toEqual(['section']);
  });

  it('right-to-left text gets marks in blocks and fallback', () => {
    const p = toPostMessage(privateAddress('slack', 'U1'), {
      text: 'مرحبا\n2',
      direction: 'rtl',
      choices: [{ value: 'a', label: 'نعم' }],
    });
    expect(p.blocks[0]).toMatchObject({ text: { text: `${RLM}مرحبا\n${RLM}2` } });
    for (const l of p.text.split('\n')) expect(l.startsWith(RLM)).toBe(true);
  });

  it('long text is split into sections of at most 3000 chars at line ends', () => {
    const text = Array.from({ length: 100 }, (_, i) => `regel ${i} `.padEnd(60, '.')).join('\n');
    const p = toPostMessage(privateAddress('slack', 'U1'), { text });
    expect(p.blocks.length).toBeGreaterThan(1);
    const texts = p.blocks.map((b) => (b as { text: { text: string } }).text.text);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
    expect(texts.join('')).toBe(text);
    expect(chunkText('x'.repeat(7000)).map((c) => c.length)).toEqual([3000, 3000, 1000]);
  });

  it('an image URL becomes an image block', () => {
    const p = toPostMessage(privateAddress('slack', 'U1'), {
      text: 'Kaart',
      media: { kind: 'image', ref: 'https://example.org/kaart.png' },
    });
    expect(p.blocks[1]).toEqual({
      type: 'image',
      image_url: 'https://example.org/kaart.png',
      alt_text: 'Kaart',
    });
  });

  it('threads accept a bare ts or a platformId', () => {
    expect(threadTs('1763888400.000100')).toBe('1763888400.000100');
    expect(threadTs('C1:1763888400.000100')).toBe('1763888400.000100');
  });

  it('the chosen update keeps the text, drops the buttons and adds → label', () => {
    const posted = toPostMessage(privateAddress('slack', 'U1'), {
      text: 'Klopt <dit>?',
      choices: [{ value: 'y', label: 'Ja & Amen' }],
    });
    const u = chosenUpdate(posted, 'Ja & Amen');
    expect(u.text).toBe('Klopt &lt;dit&gt;?\n\n→ Ja &amp; Amen');
    expect(u.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(u.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '→ Ja &amp; Amen' }] });
    const rtl = chosenUpdate(
      toPostMessage(privateAddress('slack', 'U1'), {
        text: 'نعم؟',
        direction: 'rtl',
        choices: [{ value: 'y', label: 'نعم' }],
      }),
      'نعم',
    );
    expect(rtl.text.split('\n').at(-1)).toBe(`${RLM}→ نعم`);
  });

  it('the person add modal has the four fields, nl preselected, labels within limits', () => {
    const v = personAddModal({ ...TEST_TEXTS, personAddTitle: 'Een veel te lange titel voor Slack' }, 'D1');
    expect(v.title.text.length).toBeLessThanOrEqual(24);
    expect(v.private_metadata).toBe('D1');
    expect(v.blocks.map((b) => b.block_id)).toEqual(['name', 'role', 'language', 'municipality']);
    expect(v.blocks[2]).toMatchObject({ element: { initial_option: { value: 'nl' } } });
  });
});

describe('send failures', () => {
  it.each([
    [
      { code: 'slack_webapi_rate_limited_error', retryAfter: 7 },
      { permanent: false, retryAfterMs: 7000 },
    ],
    [{ code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } }, { permanent: true }],
    [{ code: 'slack_webapi_platform_error', data: { error: 'is_archived' } }, { permanent: true }],
    [{ code: 'slack_webapi_platform_error', data: { error: 'internal_error' } }, { permanent: false }],
    [{ code: 'slack_webapi_http_error', statusCode: 502 }, { permanent: false }],
    [{ code: 'slack_webapi_http_error', statusCode: 404 }, { permanent: true }],
    [{ code: 'slack_webapi_request_error' }, { permanent: false }],
    [new Error('boom'), { permanent: false }],
    [undefined, { permanent: false }],
  ])('%o -> %o', (err, expected) => {
    expect(sendFailure(err)).toMatchObject({ ok: false, ...expected });
  });
});
