import type { Inbound } from '../../core/messages.js';

/** Builds an inbound text message for a memory-channel user (private chat). */
export const textFrom = (channel: string, user: string, text: string, id: string, at: Date): Inbound => ({
  kind: 'text',
  id,
  text,
  address: { channel, chat: user, user },
  receivedAt: at.toISOString(),
});
