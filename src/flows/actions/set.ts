import type { ActionHandler } from './types.js';
import { resolveValue } from '../context.js';

/** Sets a conversation variable to a literal or to another variable (`$name`). */
export const set: ActionHandler<'set'> = (a, ctx) => {
  ctx.state.vars = { ...ctx.state.vars, [a.var]: resolveValue(a.value, ctx.state.vars) };
  return { kind: 'continue' };
};
