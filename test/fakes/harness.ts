import type { Channel } from '../../src/core/channel.js';
import type { Address } from '../../src/core/messages.js';

/** A message as the platform holds it (after any edits the bot made). */
export interface PlatformMessage {
  /** Platform chat id (a Telegram chat id, a Slack user/channel id, a WhatsApp `...@c.us`/`@g.us`). */
  readonly chat: string;
  /** The text as the platform shows it (numbered choices included on platforms without buttons). */
  readonly text: string;
  /** Button labels in order; empty when the platform shows none. */
  readonly buttons: readonly string[];
  readonly thread?: string;
  readonly platformId: string;
}

/**
 * One platform behind a real adapter, driven as its users would: the same script runs against
 * Telegram (fake Bot API server), Slack (fake Web API + signed requests) and WhatsApp (fake client).
 * Every method that delivers an update resolves once the channel has accepted it; call
 * `settle()` to wait until the channel has handed everything to its inbound handler and the
 * handler has resolved.
 */
export interface ChannelHarness {
  readonly channel: Channel;
  /** The platform user id the harness uses for a test user name (stable per name). */
  userId(name: string): string;
  /** The platform id of a group (a Telegram group, a Slack channel, a WhatsApp `@g.us`). */
  groupId(name: string): string;
  /** The core address of a private chat with this user. */
  privateAddress(name: string): Address;
  /** The core address of a group. */
  groupAddress(name: string): Address;
  /** The user types text in their private chat with the bot. */
  userSays(name: string, text: string): Promise<void>;
  /** The user picks choice `index` (0-based) of the last bot message to them that had choices:
   *  presses the button where there are buttons, types the number otherwise. */
  userPicks(name: string, index: number): Promise<void>;
  /** A member writes in a group; `mention` addresses the bot (an @-mention). */
  memberSays(group: string, name: string, text: string, opts: { mention: boolean }): Promise<void>;
  /** The platform delivers the last inbound update once more (a retry or a redelivery). */
  redeliverLast(): Promise<void>;
  /** Waits until every delivered update was handed to the channel's handler and it resolved. */
  settle(): Promise<void>;
  /** What the bot sent into a chat, oldest first, as the platform stores it now. */
  sent(chat: string): readonly PlatformMessage[];
  /** The platform answers the bot's next send with HTTP 429 and this retry-after (seconds). */
  rateLimitNext(retryAfterSeconds: number): void;
  close(): Promise<void>;
}

export type HarnessFactory = () => Promise<ChannelHarness>;

/** Polls until `check` holds (for asynchronous platform loops); fails with `what` after `ms`. */
export const waitFor = async (check: () => boolean, what: string, ms = 3000): Promise<void> => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};
