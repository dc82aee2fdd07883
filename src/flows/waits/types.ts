import type { Template } from '../../core/effects.js';
import type { Inbound } from '../../core/messages.js';
import type { Json } from '../../core/store.js';
import type { RunContext } from '../context.js';
import type { Wait, WaitType } from '../schema.js';

/** The answer matched: the value to store and the node to go to. */
export type WaitMatch =
  | { readonly ok: true; readonly value: Json; readonly next: string | undefined; readonly var?: string }
  | { readonly ok: false };

/** How one kind of wait asks its question and reads the answer. Pure. */
export interface WaitHandler<T extends WaitType> {
  prompt(wait: Extract<Wait, { type: T }>, ctx: RunContext): Template;
  match(wait: Extract<Wait, { type: T }>, input: Inbound, ctx: RunContext): WaitMatch;
}
