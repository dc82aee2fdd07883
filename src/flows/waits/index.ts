import type { WaitType } from '../schema.js';
import { choice } from './choice.js';
import { number } from './number.js';
import { text } from './text.js';
import type { WaitHandler } from './types.js';

/** One handler per wait type; a type without a handler does not compile. */
export const waitHandlers = { choice, number, text } satisfies { [T in WaitType]: WaitHandler<T> };

export type { WaitHandler, WaitMatch } from './types.js';
