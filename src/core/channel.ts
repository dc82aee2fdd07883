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
  send(to: Address, message: Outbound): Promise<SendResult>;
  stop(): Promise<void>;
}
