import type { Message, Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { pressedLabel, toInbound, type InboundContext } from '../../src/channels/telegram/index.js';
import { createUpdateFactory, person, privateChat, supergroup } from '../fakes/telegram/updates.js';

const bot = { id: 7000001, username: 'netwerk_test_bot' };
const botUser = { id: bot.id, is_bot: true, first_name: 'Netwerkbot', username: bot.username };
const now = new Date('2026-11-23T10:00:00Z');
const c: InboundContext = { channel: 'telegram', bot, now };
const nour = person(111, 'Nour');
const other = person(222, 'Jan', 'jan_peeters');
const wijk = supergroup(-1001234567890, 'Wijk');
const date = Date.parse('2026-11-23T09:30:00Z') / 1000;

const setup = () => {
  const f = createUpdateFactory(() => date);
  const dm = (text: string) => f.message(privateChat(nour), nour, { text });
  const inGroup = (text: string, o: { replyTo?: Message } = {}) => f.message(wijk, nour, { text, ...o });
  const botMessage = (chat = privateChat(nour), markup?: Message['reply_markup']): Message =>
    ({
      message_id: f.nextMessageId(chat.id),
      date,
      chat,
      from: botUser,
      text: 'Klopt dit?',
      ...(markup ? { reply_markup: markup } : {}),
    }) as Message;
  return { f, dm, inGroup, botMessage };
};

describe('Telegram inbound: private chats', () => {
  it('maps text to a text message from the private address, with a stable id and the platform time', () => {
    const { dm } = setup();
    const u = dm('hallo');
    expect(toInbound(u, c)).toEqual({
      kind: 'text',
      text: 'hallo',
      id: `111:${u.message!.message_id}`,
      address: { channel: 'telegram', chat: '111', user: '111' },
      receivedAt: '2026-11-23T09:30:00.000Z',
    });
  });

  it('reads /start CODE (a t.me deep link) and other commands, lower case, without @botname', () => {
    const { dm } = setup();
    expect(toInbound(dm('/start AMINA-7K2Q'), c)).toMatchObject({
      kind: 'command',
      command: 'start',
      args: 'AMINA-7K2Q',
    });
    expect(toInbound(dm('/Uren@netwerk_test_bot  2 uur'), c)).toMatchObject({
      kind: 'command',
      command: 'uren',
      args: '2 uur',
    });
    expect(toInbound(dm('/help'), c)).toMatchObject({ kind: 'command', command: 'help', args: '' });
  });

  it('treats a slash only as a command when Telegram marked it with a bot_command entity', () => {
    const { f } = setup();
    const u = f.message(privateChat(nour), nour, { text: '/ is geen commando', entities: [] });
    expect(toInbound(u, c)).toMatchObject({ kind: 'text', text: '/ is geen commando' });
  });

  it('maps photos (largest size), voice, audio, video, documents and locations to media with caption', () => {
    const { f } = setup();
    const media = (m: Partial<Message>, caption?: string) =>
      toInbound(f.message(privateChat(nour), nour, { media: m, ...(caption ? { caption } : {}) }), c);
    const size = (id: string, w: number) => ({ file_id: id, file_unique_id: id, width: w, height: w });
    expect(media({ photo: [size('small', 90), size('big', 1280)] }, 'bewijs')).toMatchObject({
      kind: 'media',
      media: { kind: 'image', ref: 'big' },
      caption: 'bewijs',
    });
    const file = { file_id: 'f1', file_unique_id: 'u1', duration: 3 };
    expect(media({ voice: { ...file, mime_type: 'audio/ogg' } })).toMatchObject({
      media: { kind: 'audio', ref: 'f1', mimeType: 'audio/ogg' },
    });
    expect(media({ audio: { ...file, mime_type: 'audio/mpeg' } })).toMatchObject({
      media: { kind: 'audio', mimeType: 'audio/mpeg' },
    });
    expect(media({ video: { ...file, width: 1, height: 1 } })).toMatchObject({ media: { kind: 'video' } });
    expect(media({ document: { file_id: 'd1', file_unique_id: 'd', mime_type: 'application/pdf' } })).toEqual(
      expect.objectContaining({ media: { kind: 'document', ref: 'd1', mimeType: 'application/pdf' } }),
    );
    const located = media({ location: { latitude: 51.05, longitude: 3.72 } });
    expect(located).toMatchObject({ media: { kind: 'location', ref: '51.05,3.72' } });
    expect(located).not.toHaveProperty('caption');
  });

  it('maps a button press to the choice value, and a `#n` press to the typed number n', () => {
    const { f, botMessage } = setup();
    const press = f.press(nour, botMessage(), 'ja', 'q-1');
    expect(toInbound(press, c)).toEqual({
      kind: 'choice',
      choice: 'ja',
      id: 'cb:q-1',
      address: { channel: 'telegram', chat: '111', user: '111' },
      receivedAt: now.toISOString(),
    });
    expect(toInbound(f.press(nour, botMessage(), '#3'), c)).toMatchObject({ kind: 'text', text: '3' });
    expect(toInbound(f.press(nour, botMessage(), '#x'), c)).toMatchObject({ kind: 'choice', choice: '#x' });
  });

  it('finds the label of the pressed button in the message keyboard', () => {
    const { f, botMessage } = setup();
    const markup = {
      inline_keyboard: [
        [
          { text: 'Ja, klopt', callback_data: 'ja' },
          { text: 'Nee', callback_data: 'nee' },
        ],
        [{ text: 'Site', url: 'https://example.org' }],
      ],
    };
    const message = botMessage(privateChat(nour), markup);
    expect(pressedLabel(f.press(nour, message, 'nee').callback_query!)).toBe('Nee');
    expect(pressedLabel(f.press(nour, message, 'weg').callback_query!)).toBeUndefined();
    const inaccessible = { chat: message.chat, message_id: message.message_id, date: 0 } as Message;
    expect(pressedLabel(f.press(nour, inaccessible, 'ja').callback_query!)).toBeUndefined();
  });
});

describe('Telegram inbound: groups', () => {
  it('hands members chatting among themselves on as unaddressed: who and where, never the text', () => {
    const { inGroup, f } = setup();
    const u = inGroup('Wie gaat er mee?');
    expect(toInbound(u, c)).toEqual({
      kind: 'text',
      text: '',
      id: `${wijk.id}:${u.message!.message_id}`,
      address: { channel: 'telegram', chat: '111', user: '111' },
      receivedAt: '2026-11-23T09:30:00.000Z',
      inGroup: true,
      unaddressed: true,
      group: String(wijk.id),
    });
    expect(toInbound(inGroup('vraag het @jan_peeters'), c)).toMatchObject({ unaddressed: true, text: '' });
    const plain = f.message({ id: -42, type: 'group', title: 'Klein' }, nour, { text: 'hoi' });
    expect(toInbound(plain, c)).toMatchObject({ unaddressed: true, group: '-42' });
  });

  it('never passes the text or caption of an unaddressed message', () => {
    const { f } = setup();
    const secret = 'mijn nummer is 0470 12 34 56';
    const doc = { document: { file_id: 'd1', file_unique_id: 'd' } };
    const updates = [
      f.message(wijk, nour, { text: secret }),
      f.message(wijk, nour, { caption: secret, media: doc }),
      f.message(wijk, nour, { text: `/uren@andere_bot ${secret}` }),
    ];
    for (const u of updates) {
      const m = toInbound(u, c)!;
      expect(m).toMatchObject({ kind: 'text', text: '', unaddressed: true });
      expect(m).not.toHaveProperty('caption');
      expect(JSON.stringify(m)).not.toContain('0470');
    }
  });

  it('hands on media, stickers and polls as unaddressed; service messages and chats posting stay ignored', () => {
    const { f } = setup();
    const size = { file_id: 'p', file_unique_id: 'p', width: 90, height: 90 };
    expect(toInbound(f.message(wijk, nour, { media: { photo: [size] } }), c)).toMatchObject({
      unaddressed: true,
    });
    const sticker = { sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1 } };
    expect(toInbound(f.message(wijk, nour, { media: sticker as Partial<Message> }), c)).toMatchObject({
      unaddressed: true,
    });
    expect(toInbound(f.message(wijk, nour, { extra: { new_chat_members: [other] } }), c)).toBeNull();
    expect(toInbound(f.message(wijk, nour, { extra: { new_chat_title: 'Wijk 2' } }), c)).toBeNull();
    const news = { id: -1009, type: 'channel', title: 'Nieuws' };
    const telegram = person(777000, 'Telegram');
    const forward = f.message(wijk, telegram, {
      text: 'Nieuws van het kanaal',
      extra: { sender_chat: news, is_automatic_forward: true },
    });
    expect(toInbound(forward, c)).toBeNull();
    const robot = { ...person(333, 'Robot'), is_bot: true };
    expect(toInbound(f.message(wijk, robot, { text: 'ik ben een bot' }), c)).toBeNull();
  });

  it('answers an @mention privately: mention stripped, sender address, inGroup', () => {
    const { inGroup } = setup();
    const u = inGroup('@netwerk_test_bot hulp');
    expect(toInbound(u, c)).toEqual({
      kind: 'text',
      text: 'hulp',
      id: `${wijk.id}:${u.message!.message_id}`,
      address: { channel: 'telegram', chat: '111', user: '111' },
      receivedAt: '2026-11-23T09:30:00.000Z',
      inGroup: true,
    });
    expect(toInbound(inGroup('kan @Netwerk_Test_Bot  mij helpen?'), c)).toMatchObject({
      text: 'kan mij helpen?',
    });
  });

  it('counts a text_mention of the bot (no username typed) as addressing it', () => {
    const { f } = setup();
    const u = f.message(wijk, nour, {
      text: 'Netwerkbot uren',
      entities: [{ type: 'text_mention', offset: 0, length: 10, user: botUser }],
    });
    expect(toInbound(u, c)).toMatchObject({ kind: 'text', text: 'uren', inGroup: true });
  });

  it('answers a reply to one of its messages, not a reply to someone else', () => {
    const { inGroup, botMessage, f } = setup();
    expect(toInbound(inGroup('ja', { replyTo: botMessage(wijk) }), c)).toMatchObject({
      kind: 'text',
      text: 'ja',
      inGroup: true,
    });
    const fromOther = f.message(wijk, other, { text: 'hoi' }).message!;
    expect(toInbound(inGroup('ja', { replyTo: fromOther }), c)).toMatchObject({
      unaddressed: true,
      text: '',
    });
  });

  it('takes /commands for itself; one for another bot is chatter (unaddressed)', () => {
    const { inGroup, dm } = setup();
    expect(toInbound(inGroup('/uren'), c)).toMatchObject({
      kind: 'command',
      command: 'uren',
      inGroup: true,
      address: { chat: '111', user: '111' },
    });
    expect(toInbound(inGroup('/uren@netwerk_test_bot'), c)).toMatchObject({ command: 'uren' });
    expect(toInbound(inGroup('/uren@andere_bot'), c)).toMatchObject({ unaddressed: true, text: '' });
    expect(toInbound(dm('/uren@andere_bot'), c)).toBeNull();
  });

  it('reads a mention in a media caption', () => {
    const { f } = setup();
    const doc = { document: { file_id: 'd1', file_unique_id: 'd' } };
    const u = f.message(wijk, nour, { caption: '@netwerk_test_bot bewijs', media: doc });
    expect(toInbound(u, c)).toMatchObject({ kind: 'media', caption: 'bewijs', inGroup: true });
    expect(toInbound(f.message(wijk, nour, { caption: 'foto', media: doc }), c)).toEqual(
      expect.objectContaining({ kind: 'text', text: '', unaddressed: true }),
    );
  });
});

describe('Telegram inbound: ignored updates and stable ids', () => {
  it('ignores bots, edited messages, channel posts and service messages', () => {
    const { f, dm } = setup();
    const robot = { ...person(333, 'Robot'), is_bot: true };
    expect(toInbound(f.message(privateChat(robot), robot, { text: 'hallo' }), c)).toBeNull();
    const message = dm('hallo').message!;
    expect(toInbound(f.wrap('edited_message', { ...message, edit_date: date + 5 } as Message), c)).toBeNull();
    const news = { id: -1009, type: 'channel', title: 'Nieuws' } as const;
    expect(toInbound(f.wrap('channel_post', { ...message, chat: news } as Message), c)).toBeNull();
    const joined = f.message(wijk, nour, { extra: { new_chat_members: [nour] } });
    expect(toInbound(joined, c)).toBeNull();
    expect(
      toInbound(f.message(privateChat(nour), nour, { extra: { pinned_message: message } }), c),
    ).toBeNull();
    expect(toInbound({ update_id: 1, poll: {} } as unknown as Update, c)).toBeNull();
    expect(toInbound(f.press(robot, message, 'ja'), c)).toBeNull();
  });

  it('gives a redelivered update the same id, and the same message_id in another chat another id', () => {
    const { f, dm } = setup();
    const u = dm('hallo');
    const again = JSON.parse(JSON.stringify(u)) as Update;
    expect(toInbound(again, { ...c, now: new Date() })!.id).toBe(toInbound(u, c)!.id);
    const sameNumber = f.message(wijk, nour, {
      text: '@netwerk_test_bot hallo',
      extra: { message_id: u.message!.message_id },
    });
    expect(toInbound(sameNumber, c)!.id).not.toBe(toInbound(u, c)!.id);
    const press = f.press(nour, u.message!, 'ja', 'q-9');
    expect(toInbound(press, { ...c, now: new Date() })!.id).toBe(toInbound(press, c)!.id);
  });
});
