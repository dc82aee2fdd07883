import type { Channel, ChannelCapabilities, InboundHandler, SendResult } from '../../core/channel.js';
import type { Address, Inbound, Outbound } from '../../core/messages.js';

export interface MemoryChannelOptions {
  readonly name?: string;
  readonly capabilities?: Partial<ChannelCapabilities>;
}

export interface SentMessage {
  readonly to: Address;
  readonly message: Outbound;
}

/** An in-memory channel for tests and simulators: inject inbound messages, read what was sent. */
export interface MemoryChannel extends Channel {
  readonly sent: SentMessage[];
  /** Delivers an inbound message as the platform would; resolves when it was handled. */
  receive(message: Inbound): Promise<void>;
  /** The next `n` sends fail with this result (to test retries). */
  failNext(n: number, result: Extract<SendResult, { ok: false }>): void;
}

export const createMemoryChannel = (o: MemoryChannelOptions = {}): MemoryChannel => {
  let handler: InboundHandler | null = null;
  const sent: SentMessage[] = [];
  let failures: { n: number; result: Extract<SendResult, { ok: false }> } | null = null;
  let seq = 0;
  return {
    name: o.name ?? 'memory',
    capabilities: {
      buttons: false,
      maxButtons: 0,
      groups: true,
      threads: false,
      bidi: false,
      ...o.capabilities,
    },
    sent,
    start: async (h) => {
      handler = h;
    },
    stop: async () => {
      handler = null;
    },
    receive: async (m) => {
      if (!handler) throw new Error('memory channel not started');
      await handler(m);
    },
    failNext: (n, result) => {
      failures = { n, result };
    },
    send: async (to, message) => {
      if (failures && failures.n > 0) {
        failures.n--;
        return failures.result;
      }
      sent.push({ to, message });
      return { ok: true, platformId: `m${++seq}` };
    },
  };
};
