export {
  ACTIVITY_ADD_CALLBACK,
  ACTIVITY_CRITERIA,
  ACTIVITY_FIELDS,
  ACTIVITY_TAGS,
  activityAddArgs,
  activityAddModal,
  fromActivityAddSubmission,
  isActivityAddAlone,
  quoteFree,
  type ActivityField,
  type SlackActivityTexts,
} from './activity-form.js';
export { createSlackChannel, type SlackChannel, type SlackOptions } from './channel.js';
export { isGone, replacedMessage, updateInPlace, type ReplacedMessage } from './edit.js';
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
  unescapeMrkdwn,
  type SlackTexts,
} from './outbound.js';
