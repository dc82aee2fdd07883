import type { Channel, SendResult } from '../../src/core/channel.js';
import type { Clock } from '../../src/core/clock.js';
import type { Address, Outbound } from '../../src/core/messages.js';
import type { CoreSchema, OutboxRecord } from '../../src/core/records.js';
import { createMemoryStore } from '../../src/store/index.js';

/** A private chat and a group on a channel. */
export const dm = (channel: string, chat: string): Address => ({ channel, chat, user: chat });
export const group = (channel: string, chat: string): Address => ({ channel, chat, user: '' });

/** An outbox row as the runtime (reply) or the fan-out (broadcast) writes it. */
export const row = (
  id: string,
  to: Address,
  text: string,
  at: string,
  extra: Partial<OutboxRecord> = {},
): OutboxRecord => ({
  v: 1,
  id,
  to,
  message: { text },
  createdAt: at,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: at,
  ...extra,
});

/** `n` broadcast rows of broadcast `b`, one per private chat, written `at`. */
export const broadcastRows = (
  channel: string,
  b: string,
  n: number,
  at: string,
  extra: Partial<OutboxRecord> = {},
) =>
  Array.from({ length: n }, (_, i) =>
    row(`bc:${b}:${String(i).padStart(5, '0')}`, dm(channel, `u${i}`), `${b} ${i}`, at, {
      kind: 'broadcast',
      broadcastId: b,
      ...extra,
    }),
  );

export const outboxStore = () =>
  createMemoryStore<CoreSchema>({ schemaVersion: 1, migrations: [], collections: ['outbox', 'counts'] });

export interface Sent {
  readonly to: Address;
  readonly text: string;
  readonly key: string | undefined;
  readonly at: number;
}

/** A channel that records every send with its key and (injected) time; `answer` may refuse one. */
export interface RecordingChannel extends Channel {
  readonly sent: Sent[];
  answer: ((to: Address, message: Outbound, n: number) => SendResult | undefined) | null;
  /** Runs before each send resolves (to write a reply in the middle of a broadcast). */
  during: ((n: number) => void | Promise<void>) | null;
}

export const recordingChannel = (name: string, clock: Clock): RecordingChannel => {
  let n = 0;
  const ch: RecordingChannel = {
    name,
    capabilities: { buttons: false, maxButtons: 0, groups: true, threads: false, bidi: false },
    sent: [],
    answer: null,
    during: null,
    start: async () => {},
    stop: async () => {},
    send: async (to, message, opts) => {
      const i = n++;
      await ch.during?.(i);
      const refused = ch.answer?.(to, message, i);
      if (refused) return refused;
      ch.sent.push({ to, text: message.text, key: opts?.key, at: clock.now().getTime() });
      return { ok: true, platformId: `${name}-${i}` };
    },
  };
  return ch;
};

export const texts = (c: RecordingChannel) => c.sent.map((s) => s.text);
