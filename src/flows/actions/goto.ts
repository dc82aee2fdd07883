import type { ActionHandler } from './types.js';

/** Jumps to another node of the same flow. */
export const goto: ActionHandler<'goto'> = (a) => ({ kind: 'goto', node: a.node });
