import { describe, expect, it } from 'vitest';
import { parseCommand, toInbound } from '../../src/channels/whatsapp/inbound.js';
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

  it('ignores members chatting among themselves', () => {
    expect(toInbound(waMessage({ from: GROUP, author: AMINA, body: 'Wie gaat er mee?' }), ctx)).toBeNull();
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

  it('ignores a mention of someone else', () => {
    const other = '32470999888@c.us';
    const m = waMessage({ from: GROUP, author: AMINA, body: '@32470999888 kom je?', mentionedIds: [other] });
    expect(toInbound(m, ctx)).toBeNull();
  });

  it('does not recognise mentions when it does not know its own id yet', () => {
    const m = waMessage({ from: GROUP, author: AMINA, body: `${mention} hulp`, mentionedIds: [BOT_ID] });
    expect(toInbound(m, { channel: 'whatsapp' })).toBeNull();
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

  it('ignores group messages without an author, and media that does not address the bot', () => {
    expect(toInbound(waMessage({ from: GROUP, body: '/help' }), ctx)).toBeNull();
    expect(toInbound(waMessage({ from: GROUP, author: AMINA, type: 'image', body: 'foto' }), ctx)).toBeNull();
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
