import type { ActionHandler } from './types.js';

/** Ends the flow (and returns to the calling flow if there is one). */
export const end: ActionHandler<'end'> = () => ({ kind: 'end' });
