import type { ConversationState } from '../core/conversation.js';
import type { Effect, Template } from '../core/effects.js';
import type { Json } from '../core/store.js';
import type { Flow } from './schema.js';

/** The flows a step can use, by id. */
export interface FlowSet {
  get(id: string): Flow | undefined;
}

/** Matches typed words against keyword lists (i18n keys) in every shipped language. */
export interface WordMatcher {
  /** True when `text` is one of the words listed under `key` in any language. */
  is(key: string, text: string): boolean;
}

/** What a step may know of the world; all of it passed in, nothing read from outside. */
export interface StepEnv {
  readonly now: Date;
  readonly flows: FlowSet;
  readonly person: { readonly id: string; readonly role: string } | null;
  readonly words: WordMatcher;
  /** Misses before the person is offered contact with their coach. */
  readonly maxMisses: number;
  /** A normalised invite code when `text` looks like one, else null. */
  readonly inviteCode: (text: string) => string | null;
}

/**
 * The mutable working copy a step builds its result in. The step clones the saved state into it,
 * so the step stays pure at its boundary.
 */
export interface RunContext {
  state: Mutable<ConversationState>;
  readonly effects: Effect[];
  readonly env: StepEnv;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What an action tells the interpreter to do next. */
export type Control =
  | { readonly kind: 'continue' }
  | { readonly kind: 'goto'; readonly node: string }
  | { readonly kind: 'suspend' }
  | { readonly kind: 'end' }
  | { readonly kind: 'enter'; readonly flow: string; readonly push: boolean };

/** Resolves `$name` parameters against the conversation's variables. */
export const resolveParams = (
  params: Readonly<Record<string, string | number | boolean>> | undefined,
  vars: Readonly<Record<string, Json>>,
): Record<string, Json> => {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = resolveValue(v, vars);
  return out;
};

export const resolveValue = (v: Json, vars: Readonly<Record<string, Json>>): Json => {
  if (typeof v !== 'string' || !v.startsWith('$')) return v;
  const [head, ...path] = v.slice(1).split('.');
  let out: Json | undefined = vars[head ?? ''];
  for (const k of path) out = out && typeof out === 'object' && !Array.isArray(out) ? out[k] : undefined;
  return out ?? null;
};

export const sendEffect = (to: 'self' | 'coach', template: Template): Effect => ({
  type: 'send',
  to,
  template,
});
