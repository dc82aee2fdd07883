export { createSlackChannel, type SlackChannel, type SlackOptions } from './channel.js';
export {
  fromAction,
  fromCommand,
  fromMention,
  fromMessage,
  fromPersonAddSubmission,
  plainText,
  slackTime,
} from './inbound.js';
export {
  chosenUpdate,
  escapeMrkdwn,
  personAddModal,
  platformIdOf,
  sendFailure,
  toPostMessage,
  type SlackTexts,
} from './outbound.js';
