/**
 * Editing an earlier message of the bot in place (`Outbound.replace`) with `chat.update`, and
 * which of Slack's answers mean "post it anew instead".
 */
import type { webApi } from '@slack/bolt';
import type { Address, Outbound } from '../../core/messages.js';
import { toPostMessage } from './outbound.js';

type WebClient = InstanceType<typeof webApi.WebClient>;

/** A message to update: its conversation when the id names one, and its ts. */
export interface ReplacedMessage {
  readonly channel?: string;
  readonly ts: string;
}

/**
 * Reads a `replace`: the `<conversation>:<ts>` a send returned, or a bare ts (then the message is
 * looked for in the address's conversation). Undefined when it is neither.
 */
export const replacedMessage = (replace: string): ReplacedMessage | undefined => {
  const colon = replace.lastIndexOf(':');
  const ts = replace.slice(colon + 1);
  const channel = colon > 0 ? replace.slice(0, colon) : undefined;
  if (!/^\d+\.\d+$/.test(ts) || (channel !== undefined && !/^[A-Z0-9]+$/.test(channel))) return undefined;
  return channel ? { channel, ts } : { ts };
};

/** Slack's answers for a message that is gone or may no longer be changed. */
const GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

/** True when a failed `chat.update` means the message must be posted anew. */
export const isGone = (err: unknown): boolean => {
  const e = (err ?? {}) as { code?: string; data?: { error?: string } };
  return e.code === 'slack_webapi_platform_error' && GONE.has(e.data?.error ?? '');
};

/** User ids (`U…`, `W…`): Slack delivers a post to one into the app's DM with that user. */
const isUserId = (id: string): boolean => /^[UW][A-Z0-9]+$/.test(id);

/**
 * The conversation id of an `Address.chat`: a user id becomes the id of the app's DM with them
 * (`D…`, found with `conversations.open`), as `chat.update` and file uploads need a conversation;
 * any other id is one already. Undefined when Slack opens the DM without naming it.
 */
export const conversationOf = async (client: WebClient, chat: string): Promise<string | undefined> =>
  isUserId(chat) ? (await client.conversations.open({ users: chat })).channel?.id : chat;

/**
 * Updates the message `m.replace` names to show `m` (text and blocks as a post would have).
 * Resolves true when it was updated, false when it must be posted anew (gone, not editable any
 * more, or `replace` is no Slack message id); rejects with the Web API error for every other
 * failure (rate limits, network, channel_not_found...), for the caller to map as for sends.
 * A bare ts sent to a person is looked up in their DM, found with `conversations.open`.
 */
export const updateInPlace = async (client: WebClient, to: Address, m: Outbound): Promise<boolean> => {
  const target = m.replace ? replacedMessage(m.replace) : undefined;
  if (!target) return false;
  const channel = target.channel ?? (await conversationOf(client, to.chat));
  if (!channel) return false;
  const { text, blocks } = toPostMessage(to, m);
  try {
    await client.chat.update({ channel, ts: target.ts, text, blocks });
    return true;
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
};
