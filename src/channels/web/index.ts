export { createWebChannel, type WebChannel, type WebChannelOptions, type WebEvent } from './channel.js';
export { toInbound, type WebInput } from './inbound.js';
export { toWebMessage, type WebAuthor, type WebChoice, type WebMessage } from './outbound.js';
