import type { Message, Update, User } from 'grammy/types';
import { groupAddress, privateAddress } from '../../../src/core/channel.js';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/index.js';
import { waitFor, type ChannelHarness, type PlatformMessage } from '../harness.js';
import { createFakeTelegram, type FakeTelegram } from './server.js';
import { person, supergroup } from './updates.js';

/** A stable number for a name (FNV-1a), so a test user keeps their id across harnesses. */
const hash = (s: string): number => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
};

const userIdOf = (name: string): number => 100_000_000 + (hash(name) % 900_000_000);
/** Supergroup ids look like -100xxxxxxxxxx. */
const groupIdOf = (name: string): number => -(1_000_000_000_000 + (hash(`group:${name}`) % 1_000_000_000));

/** A Telegram chat as the harness contract describes it. */
const platformMessage = (m: Message): PlatformMessage => ({
  chat: String(m.chat.id),
  text: m.text ?? m.caption ?? '',
  buttons: (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text),
  platformId: String(m.message_id),
});

export interface TelegramHarness extends ChannelHarness {
  readonly channel: TelegramChannel;
  readonly server: FakeTelegram;
  user(name: string): User;
}

/**
 * The real Telegram channel in polling mode against the fake Bot API server. `settle()` waits
 * until the update queue is empty and grammY confirmed the last batch with a later getUpdates,
 * which it sends only after the channel's handler resolved for every update of that batch.
 */
export const createTelegramHarness = async (): Promise<TelegramHarness> => {
  const server = await createFakeTelegram();
  const channel = createTelegramChannel({ token: server.token, apiRoot: server.apiRoot });
  let last: Update | undefined;
  const user = (name: string): User => person(userIdOf(name), name[0]!.toUpperCase() + name.slice(1));
  const group = (name: string) => supergroup(groupIdOf(name), name);
  const deliver = async (u: Update) => {
    last = u;
    await waitFor(() => server.delivered(u.update_id), `Telegram update ${u.update_id} to be fetched`);
  };
  const sent = (chat: string) => server.sent(chat).map(platformMessage);
  const userSays = (name: string, text: string) => deliver(server.userSays(user(name), text));

  return {
    channel,
    server,
    user,
    userId: (name) => String(userIdOf(name)),
    groupId: (name) => String(groupIdOf(name)),
    privateAddress: (name) => privateAddress(channel.name, String(userIdOf(name))),
    groupAddress: (name) => groupAddress(channel.name, String(groupIdOf(name))),
    userSays,
    userPicks: async (name, index) => {
      const chat = userIdOf(name);
      const ask = server.sent(chat).findLast((m) => m.reply_markup?.inline_keyboard.length);
      if (!ask) return userSays(name, String(index + 1));
      await deliver(server.press(user(name), chat, ask.message_id, index));
    },
    memberSays: (g, name, text, opts) => deliver(server.memberSays(group(g), user(name), text, opts)),
    redeliverLast: async () => {
      if (!last) throw new Error('nothing delivered yet');
      const again = server.redeliver(last.update_id);
      // Handed out again: wait until that fetch happened and the handler finished.
      await waitFor(() => server.idle(), `redelivery of ${again.update_id}`);
    },
    settle: () => waitFor(() => server.idle(), 'the Telegram update queue to be handled'),
    sent,
    rateLimitNext: (seconds) => server.rateLimitNext(seconds),
    close: async () => {
      await channel.stop();
      await server.close();
    },
  };
};
