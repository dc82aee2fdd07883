export { createTelegramChannel, type TelegramChannel, type TelegramOptions } from './channel.js';
export { editFailure, editInPlace, replacedMessageId, toTelegramEdit, type TelegramEdit } from './edit.js';
export {
  messageId,
  pressedLabel,
  toInbound,
  withoutMention,
  type BotIdentity,
  type InboundContext,
} from './inbound.js';
export {
  callbackData,
  keyboard,
  pressedText,
  sendFailure,
  splitText,
  toTelegram,
  type TelegramSend,
} from './outbound.js';
