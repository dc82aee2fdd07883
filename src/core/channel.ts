import type { Address, Inbound, Outbound } from './messages.js';

/** What a platform can show; outbound rendering adapts to it. */
export interface ChannelCapabilities {
  /** Real buttons (Telegram inline keyboard, Slack blocks). WhatsApp: false, choices become numbered text. */
  readonly buttons: boolean;
  /** Most buttons in one message; more choices fall back to numbered text. */
  readonly maxButtons: number;
  readonly groups: boolean;
  readonly threads: boolean;
  /** True when the platform lays out right-to-left text itself; otherwise RTL marks are added. */
  readonly bidi: boolean;
  /** True when an Outbound with `replace` edits the earlier message in place. */
  readonly edit?: boolean;
}

/** Result of a send: the platform id of the message, for later edits and deduplication. */
export type SendResult =
  | { readonly ok: true; readonly platformId?: string }
  | {
      readonly ok: false;
      readonly retryAfterMs?: number;
      readonly permanent: boolean;
      readonly reason: string;
    };

/** Options of {@link Channel.send}. */
export interface SendOptions {
  /** The message's idempotency key (the outbox row id). */
  readonly key?: string;
}

/** Receives inbound messages; the runtime implements it. Resolves when the message is processed. */
export type InboundHandler = (message: Inbound) => Promise<void>;

/**
 * The Channel port. Each platform adapter conforms with a typed factory
 * (`export const createXChannel = (o: XOptions): Channel => ...`).
 */
export interface Channel {
  readonly name: string;
  readonly capabilities: ChannelCapabilities;
  /** Connects and starts delivering inbound messages to `onInbound`. */
  start(onInbound: InboundHandler): Promise<void>;
  /**
   * Delivers one message. `opts.key` is the outbox row's idempotency key, the same on every
   * attempt, also on a resend after a crash: a platform that takes an idempotency key should
   * pass it on, so it can drop the resend; adapters of platforms without one (Telegram,
   * WhatsApp Web) may ignore it. Absent for messages that are not stored (`sendNow`).
   */
  send(to: Address, message: Outbound, opts?: SendOptions): Promise<SendResult>;
  stop(): Promise<void>;
}

/**
 * The address of a private chat with a platform user. Every channel uses it for private chats
 * (and for answering a person who addressed the bot in a group), so a person's identity is the
 * same whether they write in a DM, press a button or use a slash command.
 */
export const privateAddress = (channel: string, user: string): Address => ({ channel, chat: user, user });

/**
 * `/start CODE` -> a command (its name in lower case, without the slash, and the rest trimmed);
 * anything else -> null. For channels where commands arrive as typed text (console, WhatsApp, the
 * web simulator): a name starts with a letter and may go on with letters, digits, `_` and `-`; the
 * arguments may span lines.
 */
export const parseCommand = (text: string): { command: string; args: string } | null => {
  const r = /^\/([a-z][\w-]*)(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return r ? { command: r[1]!.toLowerCase(), args: (r[2] ?? '').trim() } : null;
};

/** The address of a group (a Telegram group, a Slack channel, a WhatsApp group) to post into. */
export const groupAddress = (channel: string, chat: string, thread?: string): Address =>
  thread ? { channel, chat, user: '', thread } : { channel, chat, user: '' };

/**
 * Something about a channel's connection that admins must know (WhatsApp needs its QR code
 * scanned, lost its link, reconnects). Channels report it; the composition root tells the admins.
 */
export interface ChannelEvent {
  readonly channel: string;
  readonly kind: 'qr' | 'ready' | 'disconnected' | 'reconnecting' | 'relink_needed';
  /** The QR code's payload (kind 'qr'), to show as an image. */
  readonly qr?: string;
  /** Reconnect attempt number and wait (kind 'reconnecting'). */
  readonly attempt?: number;
  readonly retryInMs?: number;
  /** Platform reason (a state name, never a phone number). */
  readonly reason?: string;
}

/** A notice for the admins (posted to the admin channel in Slack), optionally with a PNG image. */
export interface AdminNotice {
  readonly text: string;
  readonly image?: { readonly png: Uint8Array; readonly filename: string };
}

/** Where admin notices go; the Slack channel implements it when SLACK_ADMIN_CHANNEL is set. */
export interface AdminNotifier {
  notifyAdmins(notice: AdminNotice): Promise<void>;
}
