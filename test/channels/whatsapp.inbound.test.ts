import { describe, expect, it } from 'vitest';
import { toInbound } from '../../src/channels/whatsapp/inbound.js';
import { parseCommand } from '../../src/core/channel.js';
import { BOT_ID, waMessage } from '../fakes/whatsapp/fake-client.js';

const ctx = { channel: 'whatsapp', self: BOT_ID };
const AMINA = '32470111222@c.us';
const GROUP = '120363000000000001@g.us';

describe('whatsapp inbound: private chats', () => {
  it('maps a text to the private address, with the platform id and timestamp', () => {
    const m = waMessage({ from: AMINA, body: 'hallo', timestamp: 1_795_424_400 });
    expect(toInbound(m, ctx)).toEqual({
      kind: 'text',
      text: 'hallo',
      id: m.id._serialized,
      address: { channel: 'whatsapp', chat: AMINA, user: AMINA },
      receivedAt: new Date(1_795_424_400_000).toISOString(),
    });
  });

  it('gives the same id for the same message delivered twice', () => {
    const m = waMessage({ from: AMINA, body: 'hallo' });
    expect(toInbound({ ...m }, ctx)!.id).toBe(toInbound(m, ctx)!.id);
  });

  it('accepts linked ids (@lid) as people', () => {
    const lid = '123456789012345@lid';
    expect(toInbound(waMessage({ from: lid, body: 'hoi' }), ctx)).toMatchObject({
      address: { chat: lid, user: lid },
    });
  });

  it('uses the configured channel name', () => {
    expect(toInbound(waMessage({ from: AMINA, body: 'x' }), { channel: 'wa2' })!.address.channel).toBe('wa2');
  });

  it('reads /commands: lower case, without the slash, arguments trimmed', () => {
    expect(toInbound(waMessage({ from: AMINA, body: '/Start  ABC-123 ' }), ctx)).toMatchObject({
      kind: 'command',
      command: 'start',
      args: 'ABC-123',
    });
    expect(parseCommand('/help')).toEqual({ command: 'help', args: '' });
    expect(parseCommand('/ ja')).toBeNull();
    expect(parseCommand('2/3')).toBeNull();
  });

  it('ignores its own messages, status updates and empty texts', () => {
    expect(toInbound(waMessage({ from: AMINA, body: 'x', fromMe: true }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: AMINA, body: 'x', isStatus: true }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: 'status@broadcast', body: 'x' }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: AMINA, body: '' }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: AMINA, body: '  \n ' }), ctx)).toBeNull();
  });

  it('ignores types it does not handle and chats that are neither people nor groups', () => {
    for (const type of ['revoked', 'call_log', 'e2e_notification', 'poll_creation', 'vcard', 'notification'])
      expect(toInbound(waMessage({ from: AMINA, body: 'x', type }), ctx), type).toBeNull();
    expect(toInbound(waMessage({ from: '120363000000000009@newsletter', body: 'x' }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: '1234567@broadcast', body: 'x' }), ctx)).toBeNull();
  });
});

describe('whatsapp inbound: media', () => {
  it('maps media to a reference (the message id) with its caption', () => {
    const m = waMessage({ from: AMINA, type: 'image', hasMedia: true, body: 'bewijs van deelname' });
    expect(toInbound(m, ctx)).toMatchObject({
      kind: 'media',
      media: { kind: 'image', ref: m.id._serialized },
      caption: 'bewijs van deelname',
      address: { chat: AMINA, user: AMINA },
    });
  });

  it('maps each media type to its kind, without a caption when there is none', () => {
    const kinds = { video: 'video', audio: 'audio', ptt: 'audio', document: 'document', sticker: 'other' };
    for (const [type, kind] of Object.entries(kinds)) {
      const r = toInbound(waMessage({ from: AMINA, type, hasMedia: true }), ctx);
      expect(r, type).toMatchObject({ kind: 'media', media: { kind } });
      expect(r, type).not.toHaveProperty('caption');
    }
  });

  it("does not take a location's thumbnail body for a caption", () => {
    const r = toInbound(waMessage({ from: AMINA, type: 'location', body: '/9j/4AAQSkZJRgABAQ' }), ctx);
    expect(r).toMatchObject({ kind: 'media', media: { kind: 'location' } });
    expect(r).not.toHaveProperty('caption');
  });
});

describe('whatsapp inbound: groups', () => {
  const mention = `@${BOT_ID.split('@')[0]}`;

  it('hands members chatting among themselves on as unaddressed: the author and the group, no text', () => {
    const m = waMessage({ from: GROUP, author: AMINA, body: 'Wie gaat er mee?' });
    expect(toInbound(m, ctx)).toEqual({
      kind: 'text',
      text: '',
      id: m.id._serialized,
      address: { channel: 'whatsapp', chat: AMINA, user: AMINA },
      receivedAt: new Date(m.timestamp * 1000).toISOString(),
      inGroup: true,
      unaddressed: true,
      group: GROUP,
    });
    const lid = '123456789012345@lid';
    expect(toInbound(waMessage({ from: GROUP, author: lid, body: 'hoi' }), ctx)).toMatchObject({
      unaddressed: true,
      address: { chat: lid, user: lid },
    });
  });

  it('never passes the text or caption of an unaddressed message', () => {
    const secret = 'mijn nummer is 0470 12 34 56';
    const messages = [
      waMessage({ from: GROUP, author: AMINA, body: secret }),
      waMessage({ from: GROUP, author: AMINA, type: 'image', hasMedia: true, body: secret }),
      waMessage({ from: GROUP, author: AMINA, type: 'document', hasMedia: true, body: secret }),
      waMessage({ from: GROUP, author: AMINA, body: ` ${secret} /help` }),
    ];
    for (const m of messages) {
      const got = toInbound(m, ctx)!;
      expect(got).toMatchObject({ kind: 'text', text: '', unaddressed: true });
      expect(got).not.toHaveProperty('caption');
      expect(JSON.stringify(got)).not.toContain('0470');
    }
  });

  it('keeps ignoring its own group messages, unsupported types and empty texts in a group', () => {
    expect(toInbound(waMessage({ from: GROUP, author: AMINA, body: 'x', fromMe: true }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: GROUP, author: AMINA, body: '  ' }), ctx)).toBeNull();
    for (const type of ['revoked', 'gp2', 'e2e_notification', 'poll_creation', 'vcard', 'notification'])
      expect(toInbound(waMessage({ from: GROUP, author: AMINA, body: 'x', type }), ctx), type).toBeNull();
  });

  it('answers an @-mention of the bot privately: the author, inGroup, the mention removed', () => {
    const m = waMessage({ from: GROUP, author: AMINA, body: `${mention} hulp`, mentionedIds: [BOT_ID] });
    expect(toInbound(m, ctx)).toEqual({
      kind: 'text',
      text: 'hulp',
      inGroup: true,
      id: m.id._serialized,
      address: { channel: 'whatsapp', chat: AMINA, user: AMINA },
      receivedAt: new Date(m.timestamp * 1000).toISOString(),
    });
  });

  it('hands a mention of someone else on as unaddressed', () => {
    const other = '32470999888@c.us';
    const m = waMessage({ from: GROUP, author: AMINA, body: '@32470999888 kom je?', mentionedIds: [other] });
    expect(toInbound(m, ctx)).toMatchObject({ unaddressed: true, text: '', group: GROUP });
  });

  it('ignores mentions while it does not know its own id yet (maybe of itself); other chatter is unaddressed', () => {
    const m = waMessage({ from: GROUP, author: AMINA, body: `${mention} hulp`, mentionedIds: [BOT_ID] });
    expect(toInbound(m, { channel: 'whatsapp' })).toBeNull();
    const plain = waMessage({ from: GROUP, author: AMINA, body: 'hoi' });
    expect(toInbound(plain, { channel: 'whatsapp' })).toMatchObject({ unaddressed: true, text: '' });
  });

  it('takes a /command in a group, with or without a mention, from the author', () => {
    expect(toInbound(waMessage({ from: GROUP, author: AMINA, body: '/uren 2u' }), ctx)).toMatchObject({
      kind: 'command',
      command: 'uren',
      args: '2u',
      inGroup: true,
      address: { chat: AMINA, user: AMINA },
    });
    const m = waMessage({ from: GROUP, author: AMINA, body: `${mention} /help`, mentionedIds: [BOT_ID] });
    expect(toInbound(m, ctx)).toMatchObject({ kind: 'command', command: 'help', inGroup: true });
  });

  it('ignores group messages without a person as author; media that does not address the bot is unaddressed', () => {
    expect(toInbound(waMessage({ from: GROUP, body: '/help' }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: GROUP, body: 'hoi' }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: GROUP, author: '1234567@broadcast', body: 'hoi' }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: GROUP, author: AMINA, type: 'image', body: 'foto' }), ctx)).toEqual(
      expect.objectContaining({ kind: 'text', text: '', unaddressed: true, group: GROUP }),
    );
    const located = waMessage({ from: GROUP, author: AMINA, type: 'location', body: 'base64thumb' });
    expect(toInbound(located, ctx)).toMatchObject({ unaddressed: true, text: '' });
    const m = waMessage({
      from: GROUP,
      author: AMINA,
      type: 'image',
      hasMedia: true,
      body: `${mention} bewijs`,
      mentionedIds: [BOT_ID],
    });
    expect(toInbound(m, ctx)).toMatchObject({ kind: 'media', caption: 'bewijs', inGroup: true });
  });

  it('ignores a bare mention with no text', () => {
    const m = waMessage({ from: GROUP, author: AMINA, body: `${mention}  `, mentionedIds: [BOT_ID] });
    expect(toInbound(m, ctx)).toBeNull();
  });
});
