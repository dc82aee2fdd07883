export { activityParams } from './compose.js';
export type { Render } from './fanout.js';
export { broadcastJobs, DIGEST_CRON, newBroadcast } from './jobs.js';
export { groupsOf, subscribersOf } from './recipients.js';
export { activityForReply, comingCount, recordRsvp } from './rsvp.js';
export { groupChatterHint } from './hints.js';
export { onBroadcastRowSettled } from './status.js';
