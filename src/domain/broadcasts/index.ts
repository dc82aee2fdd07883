export {
  activityParams,
  activityTemplate,
  digestTemplates,
  ITEMS_PER_MESSAGE,
  localized,
} from './compose.js';
export { fanOut, settleBroadcastMessage, type FanOutDeps, type Render } from './fanout.js';
export { broadcastJobs, DIGEST_CRON, newBroadcast, type BroadcastJobDeps } from './jobs.js';
export { gemeentenOf, groupsOf, subscribersOf, type Subscriber } from './recipients.js';
export { activityForReply, comingCount, recordRsvp, OFFER_DAYS, type RsvpResult } from './rsvp.js';
export { digestSelection } from './select.js';
export { groupChatterHint } from './hints.js';
export { onBroadcastRowSettled, queueStatusUpdate } from './status.js';
