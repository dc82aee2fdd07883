import { groupAddress, privateAddress, type InboundHandler } from '../../../src/core/channel.js';
import { createWhatsAppChannel, type WaMessage } from '../../../src/channels/whatsapp/index.js';
import type { ChannelHarness } from '../harness.js';
import { createFakeWhatsAppClient, waMessage, type FakeWhatsAppClient } from './fake-client.js';

/** Stable digits for a name (a fake phone number or group number). */
const digits = (name: string, width: number): string => {
  let h = 7;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 10 ** width;
  return h.toString().padStart(width, '0');
};

/**
 * The WhatsApp channel over the fake client, driven as WhatsApp users would. Sends are not paced
 * (pace 0) and the fake is linked at start; picks are typed numbers, as on a real phone.
 */
export const createWhatsAppHarness = async (): Promise<
  ChannelHarness & { client: () => FakeWhatsAppClient }
> => {
  const clients: FakeWhatsAppClient[] = [];
  let client = createFakeWhatsAppClient();
  const channel = createWhatsAppChannel({
    // A fresh fake per (re)connect, as whatsapp-web.js needs a new Client after a lost link.
    createClient: () => {
      client = clients.length === 0 ? client : createFakeWhatsAppClient();
      clients.push(client);
      return client;
    },
    pace: { minMs: 0, jitterMs: 0 },
    printQr: () => {},
  });
  // Count the handler calls in flight so settle() knows when every delivered message was handled.
  const inFlight = new Set<Promise<void>>();
  const tracked = {
    ...channel,
    start: (h: InboundHandler) =>
      channel.start((m) => {
        const p = h(m).finally(() => inFlight.delete(p));
        inFlight.add(p);
        return p;
      }),
  };
  let last: WaMessage | undefined;
  const deliver = async (m: WaMessage) => {
    last = m;
    client.receive(m);
  };
  const userId = (name: string) => `324${digits(name, 8)}@c.us`;
  const groupId = (name: string) => `120363${digits(name, 12)}@g.us`;

  return {
    channel: tracked,
    client: () => client,
    userId,
    groupId,
    privateAddress: (name) => privateAddress(channel.name, userId(name)),
    groupAddress: (name) => groupAddress(channel.name, groupId(name)),
    userSays: (name, text) => deliver(waMessage({ from: userId(name), body: text })),
    userPicks: (name, index) => deliver(waMessage({ from: userId(name), body: String(index + 1) })),
    memberSays: (group, name, text, { mention }) => {
      const self = client.self;
      return deliver(
        waMessage({
          from: groupId(group),
          author: userId(name),
          body: mention ? `@${self.split('@')[0]} ${text}` : text,
          mentionedIds: mention ? [self] : [],
        }),
      );
    },
    redeliverLast: async () => {
      if (last) client.receive(last);
    },
    settle: async () => {
      await new Promise((r) => setImmediate(r));
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    sent: (chat) =>
      clients
        .flatMap((c) => c.sentTo(chat))
        .map((s) => ({ chat: s.chatId, text: s.content, buttons: [], platformId: s.id })),
    rateLimitNext: (sec) => client.rateLimitNext(sec),
    close: () => channel.stop(),
  };
};
