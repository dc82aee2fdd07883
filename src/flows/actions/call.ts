import type { ActionHandler } from './types.js';
import { resolveParams } from '../context.js';

/**
 * Asks the runtime to run a named domain action and suspends; the interpreter resumes with its
 * result (see `resumeAfterCall`). The step never runs domain code itself.
 */
export const call: ActionHandler<'call'> = (a, ctx) => {
  ctx.effects.push({ type: 'call', action: a.action, args: resolveParams(a.args, ctx.state.vars) });
  return { kind: 'suspend' };
};
