export {
  createMemoryChannel,
  type MemoryChannel,
  type MemoryChannelOptions,
  type SentMessage,
} from './channel.js';
export { textFrom } from './inbound.js';
export { readable } from './outbound.js';
