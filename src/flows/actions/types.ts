import type { Control, RunContext } from '../context.js';
import type { Action, ActionType } from '../schema.js';

/** Runs one action of a node. Pure apart from changing the run context it is given. */
export type ActionHandler<T extends ActionType> = (
  action: Extract<Action, { type: T }>,
  ctx: RunContext,
) => Control;
