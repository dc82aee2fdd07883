export {
  createWhatsAppChannel,
  type WhatsAppChannel,
  type WhatsAppOptions,
  type WhatsAppState,
} from './channel.js';
export {
  checkChromium,
  createWwebjsClient,
  type WaMessage,
  type WhatsAppClient,
  type WwebjsClientOptions,
} from './client.js';
export { toInbound, type InboundContext } from './inbound.js';
export { NOT_CONNECTED, scrubReason, sendFailure, toWhatsApp, type WaSend } from './outbound.js';
