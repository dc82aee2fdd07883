import type { ActionType } from '../schema.js';
import type { ActionHandler } from './types.js';
import { call } from './call.js';
import { end } from './end.js';
import { goto } from './goto.js';
import { send } from './send.js';
import { set } from './set.js';
import { startFlow } from './start-flow.js';

/** One handler per action type; a type without a handler does not compile. */
export const actionHandlers = {
  send,
  set,
  call,
  start_flow: startFlow,
  goto,
  end,
} satisfies { [T in ActionType]: ActionHandler<T> };

export type { ActionHandler } from './types.js';
