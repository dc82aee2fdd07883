import { createHash } from 'node:crypto';

/**
 * Channel-agnostic message types. Every channel maps its platform's updates to {@link Inbound}
 * and renders {@link Outbound}; nothing here knows a platform.
 */

/** Where a message comes from or goes to. `chat` is a private chat or a group; `user` the sender. */
export interface Address {
  readonly channel: string;
  readonly chat: string;
  readonly user: string;
  readonly thread?: string;
}

/**
 * A short, non-reversible tag of a key (a conversation, an address): for logs, outbox keys and
 * records about people the bot must not be able to read back (no chat ids stored or logged).
 */
export const hashTag = (key: string, length = 10): string =>
  createHash('sha256').update(key).digest('hex').slice(0, length);

/**
 * The channel name of a WhatsApp number: `whatsapp`, or `whatsapp-<account>` when a region runs
 * several numbers (WHATSAPP_ACCOUNT), each in a process of its own.
 */
export const whatsAppChannelName = (account?: string | null): string =>
  account ? `whatsapp-${account}` : 'whatsapp';

/** Whether a channel name is one of the WhatsApp numbers. */
export const isWhatsAppChannel = (channel: string): boolean =>
  channel === 'whatsapp' || channel.startsWith('whatsapp-');

/** A stable string for an address, used as the conversation key and identity key. */
export const addressKey = (a: Address): string =>
  [a.channel, a.chat, a.user, a.thread ?? ''].map((p) => p.replaceAll('|', '%7C')).join('|');

export interface MediaRef {
  readonly kind: 'image' | 'audio' | 'video' | 'document' | 'location' | 'other';
  /** Platform reference (file id, URL); never the bytes. */
  readonly ref: string;
  readonly mimeType?: string;
}

interface InboundBase {
  /** Platform message id; the runtime deduplicates on (channel, id). */
  readonly id: string;
  readonly address: Address;
  /** ISO timestamp given by the platform, or by the channel on receipt. */
  readonly receivedAt: string;
  /** True when the message was sent in a group chat rather than a private chat. */
  readonly inGroup?: boolean;
  /**
   * A member wrote in a group without addressing the bot. The channel passes no text (it is not
   * the bot's business), only who wrote where: `address` is the member's private chat, `group`
   * the group's chat id. The core may tell them once a day how to reach the bot privately.
   */
  readonly unaddressed?: true;
  readonly group?: string;
}

/** Free text typed by a person. */
export interface InboundText extends InboundBase {
  readonly kind: 'text';
  readonly text: string;
}
/** A button press (Telegram inline keyboard, Slack block action); `choice` is the option's value. */
export interface InboundChoice extends InboundBase {
  readonly kind: 'choice';
  readonly choice: string;
}
/** A slash command such as `/start CODE`; `command` without the slash, lower case. */
export interface InboundCommand extends InboundBase {
  readonly kind: 'command';
  readonly command: string;
  readonly args: string;
}
/** A picture, voice note or file, with its caption if any. */
export interface InboundMedia extends InboundBase {
  readonly kind: 'media';
  readonly media: MediaRef;
  readonly caption?: string;
}

export type Inbound = InboundText | InboundChoice | InboundCommand | InboundMedia;

/** One option of a numbered choice. `value` comes back in {@link InboundChoice}. */
export interface OutboundChoice {
  readonly value: string;
  readonly label: string;
}

/** Rendered text, ready for a channel. Choices are shown as buttons or as a numbered list. */
export interface Outbound {
  readonly text: string;
  readonly choices?: readonly OutboundChoice[];
  readonly media?: MediaRef;
  /** Writing direction of the text's language; channels without bidi support add marks. */
  readonly direction?: 'ltr' | 'rtl';
  /**
   * The platform id of an earlier message of the bot in the same chat that this one replaces
   * (a broadcast's status with its progress and RSVP count). Channels that can edit update it in
   * place; others post it as a new message.
   */
  readonly replace?: string;
}

/** Text of an inbound message, whatever its kind (the caption for media). */
export const inboundText = (m: Inbound): string => {
  switch (m.kind) {
    case 'text':
      return m.text;
    case 'choice':
      return m.choice;
    case 'command':
      return `/${m.command}${m.args ? ` ${m.args}` : ''}`;
    case 'media':
      return m.caption ?? '';
  }
};
