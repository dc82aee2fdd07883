import type { ActionHandler } from './types.js';

/** Starts another flow; with `return: true` this flow resumes waiting here when that one ends. */
export const startFlow: ActionHandler<'start_flow'> = (a) => ({
  kind: 'enter',
  flow: a.flow,
  push: a.return,
});
