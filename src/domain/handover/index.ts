/** Human handover: a person (or a buddy with a question) talks with their coach through the bot. */
export { closeHandover, openHandover, openHandoverOf, type OpenResult } from './handovers.js';
export { HOLD_KIND, holdDuringHandover } from './hold.js';
export { onHandoverRowSettled } from './post.js';
export { createHandoverRelay, type HandoverRelayOptions } from './relay.js';
export type { Handover } from './types.js';
