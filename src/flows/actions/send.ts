import type { ActionHandler } from './types.js';
import { resolveParams, sendEffect } from '../context.js';

/** Sends a message by i18n key, to the person or to their coach. */
export const send: ActionHandler<'send'> = (a, ctx) => {
  ctx.effects.push(sendEffect(a.to, { key: a.text, params: resolveParams(a.params, ctx.state.vars) }));
  return { kind: 'continue' };
};
