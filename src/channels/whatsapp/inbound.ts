import { parseCommand, privateAddress } from '../../core/channel.js';
import type { Inbound, MediaRef } from '../../core/messages.js';
import type { WaMessage } from './client.js';

/** What the mapping needs besides the message: the channel's name and the bot's own id. */
export interface InboundContext {
  readonly channel: string;
  /** The bot's own WhatsApp id (`client.info.wid._serialized`), to recognise @-mentions of it. */
  readonly self?: string | undefined;
}

const MEDIA: Readonly<Record<string, MediaRef['kind']>> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  ptt: 'audio',
  document: 'document',
  location: 'location',
  sticker: 'other',
};

/** True for a group chat id (`...@g.us`). */
const isGroupId = (id: string): boolean => id.endsWith('@g.us');

/** True for a person's id: a phone-number id (`...@c.us`) or a linked id (`...@lid`). */
const isPersonId = (id: string): boolean => id.endsWith('@c.us') || id.endsWith('@lid');

/** The part before the `@` of a WhatsApp id, as it appears in an @-mention in the text. */
const userPart = (id: string): string => id.slice(0, id.indexOf('@'));

/** True when the message @-mentions the bot (by its id, or the same number under another suffix). */
const mentionsSelf = (m: WaMessage, self: string | undefined): boolean =>
  !!self && m.mentionedIds.some((id) => id === self || userPart(id) === userPart(self));

/** Removes the leading @-mentions of the bot (`@32470000000 hulp` -> `hulp`). */
const withoutMention = (text: string, self: string): string => {
  const mention = `@${userPart(self)}`;
  let t = text.trimStart();
  while (t.startsWith(mention) && !/\d/.test(t.charAt(mention.length)))
    t = t.slice(mention.length).trimStart();
  return t;
};

/**
 * A member's group message that does not address the bot: who (the author's private address) and
 * where (the group id), never the text or caption. Null when the bot cannot tell: it does not know
 * its own id yet and someone was @-mentioned (maybe the bot).
 */
const unaddressed = (m: WaMessage, author: string, ctx: InboundContext): Inbound | null => {
  if (!ctx.self && m.mentionedIds.length > 0) return null;
  if (m.type === 'chat' && !(m.body ?? '').trim()) return null;
  return {
    kind: 'text',
    text: '',
    id: m.id._serialized,
    address: privateAddress(ctx.channel, author),
    receivedAt: new Date(m.timestamp * 1000).toISOString(),
    inGroup: true,
    unaddressed: true,
    group: m.from,
  };
};

/**
 * Maps a whatsapp-web.js message to the core's Inbound, or null when the bot must ignore it: its
 * own messages, status updates, empty texts, unsupported types (calls, revokes, polls...) and
 * other chats than people and groups. A group message that addresses the bot (an @-mention of it
 * or a /command) gets the author's PRIVATE address and `inGroup: true`, so the answer goes to them
 * alone; other members' group messages become `unaddressed` texts without their text.
 */
export const toInbound = (m: WaMessage, ctx: InboundContext): Inbound | null => {
  if (m.fromMe || m.isStatus || m.from === 'status@broadcast') return null;
  const media = MEDIA[m.type];
  if (m.type !== 'chat' && !media) return null;

  let user: string;
  let inGroup = false;
  let text = m.body ?? '';
  // A location's body is a base64 thumbnail, not something the person typed.
  if (m.type === 'location') text = '';
  if (isGroupId(m.from)) {
    if (!m.author || !isPersonId(m.author)) return null;
    const mentioned = mentionsSelf(m, ctx.self);
    if (mentioned) text = withoutMention(text, ctx.self!);
    if (!mentioned && !text.startsWith('/')) return unaddressed(m, m.author, ctx);
    user = m.author;
    inGroup = true;
  } else if (isPersonId(m.from)) {
    user = m.from;
  } else return null;

  const base = {
    id: m.id._serialized,
    address: privateAddress(ctx.channel, user),
    receivedAt: new Date(m.timestamp * 1000).toISOString(),
    ...(inGroup ? { inGroup: true } : {}),
  };
  if (media) {
    const caption = text.trim();
    return {
      ...base,
      kind: 'media',
      media: { kind: media, ref: m.id._serialized },
      ...(caption ? { caption } : {}),
    };
  }
  if (!text.trim()) return null;
  const cmd = parseCommand(text);
  if (cmd) return { ...base, kind: 'command', ...cmd };
  return { ...base, kind: 'text', text };
};
