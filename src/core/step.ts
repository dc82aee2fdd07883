import type { ActionResult, Effect } from './effects.js';
import type { Inbound } from './messages.js';
import type { Json } from './store.js';
import { restoreConversation, type ConversationState } from './conversation.js';
import { sendEffect, type RunContext, type StepEnv } from '../flows/context.js';
import {
  answer,
  currentWait,
  endFlow,
  enterFlow,
  promptOf,
  resumeAfterCall,
  timeOut,
} from '../flows/interpreter.js';

/** What can happen to a conversation. */
export type StepInput =
  | { readonly kind: 'message'; readonly message: Inbound }
  | { readonly kind: 'result'; readonly result: ActionResult }
  | { readonly kind: 'timeout' }
  | {
      readonly kind: 'start';
      readonly flow: string;
      readonly vars?: Readonly<Record<string, Json>>;
      /** Come back to the current question when the flow ends (a flow started by someone else). */
      readonly push?: boolean;
    };

export interface StepOutput {
  readonly state: ConversationState;
  readonly effects: readonly Effect[];
}

/** Flows the step itself relies on; the loader checks they exist. */
export const SYSTEM_FLOWS = [
  'link',
  'onboarding',
  'help',
  'language',
  'broadcast-stop',
  'broadcast-start',
  'coach-contact',
  'handover',
  'menu',
];

/**
 * Global commands: they work from any state, typed as a word in any shipped language or as a
 * slash command. `push` flows return to where the person was.
 */
const GLOBALS: readonly { words: string; commands: readonly string[]; flow: string; push: boolean }[] = [
  { words: 'common:kw.help', commands: ['help', 'hulp'], flow: 'help', push: true },
  { words: 'common:kw.menu', commands: ['menu', 'start'], flow: 'menu', push: false },
  { words: 'common:kw.stop', commands: ['stop'], flow: 'broadcast-stop', push: true },
  { words: 'common:kw.start', commands: ['aan', 'subscribe'], flow: 'broadcast-start', push: true },
  { words: 'common:kw.hours', commands: ['uren', 'hours'], flow: 'my-hours', push: true },
  { words: 'common:kw.language', commands: ['language', 'taal', 'lang'], flow: 'language', push: true },
  // A conversation with the coach (a human handover); the bot is quiet until the coach closes it.
  { words: 'handover:kw.coach', commands: ['coach'], flow: 'handover', push: true },
];

const globalFor = (m: Inbound, env: StepEnv) => {
  if (m.kind === 'command') return GLOBALS.find((g) => g.commands.includes(m.command));
  if (m.kind !== 'text') return undefined;
  return GLOBALS.find((g) => env.words.is(g.words, m.text));
};

const codeIn = (m: Inbound, env: StepEnv): string | null => {
  if (m.kind === 'text') return env.inviteCode(m.text);
  if (m.kind === 'command' && m.command === 'start' && m.args) return env.inviteCode(m.args);
  return null;
};

/**
 * The pure step: `(state, input, env) -> (state, effects)`. It never sends, saves or reads the
 * clock; the runtime does that with what it returns. A saved state from an unknown version or
 * pointing at a flow or node that no longer exists restarts cleanly.
 */
export const step = (saved: ConversationState, input: StepInput, env: StepEnv): StepOutput => {
  const restored = restoreConversation(JSON.parse(JSON.stringify(saved)) as unknown, env.now).state;
  const ctx: RunContext = { state: { ...restored }, effects: [], env };
  if (env.person) ctx.state.personId = env.person.id;
  if (ctx.state.flow && !env.flows.get(ctx.state.flow)?.nodes[ctx.state.node ?? '']) {
    Object.assign(ctx.state, { flow: null, node: null, pending: null, stack: [], vars: {} });
  }

  switch (input.kind) {
    case 'start':
      enterFlow(ctx, input.flow, input.push === true && ctx.state.pending?.kind === 'input', input.vars);
      break;
    case 'result':
      resumeAfterCall(ctx, input.result);
      break;
    case 'timeout':
      timeOut(ctx);
      break;
    case 'message':
      onMessage(ctx, input.message);
      break;
  }
  ctx.state.updatedAt = env.now.toISOString();
  return { state: ctx.state, effects: ctx.effects };
};

const onMessage = (ctx: RunContext, m: Inbound): void => {
  const { env } = ctx;
  if (!env.person) {
    const code = codeIn(m, env);
    if (code === null) {
      ctx.effects.push(sendEffect('self', { key: 'common:unknown_sender' }));
      return;
    }
    enterFlow(ctx, 'link', false, { code });
    return;
  }
  if (ctx.state.pending?.kind === 'call') return; // the runtime finishes calls within a turn
  const g = globalFor(m, env);
  if (g) {
    enterFlow(ctx, g.flow, g.push);
    return;
  }
  if (!currentWait(ctx)) {
    // The menu reads the text too: "gisteren 2u bib" goes straight to reporting hours.
    enterFlow(ctx, 'menu', false, {
      text: m.kind === 'text' ? m.text : m.kind === 'media' ? (m.caption ?? null) : null,
    });
    return;
  }
  if (answer(ctx, m).ok) return;
  miss(ctx);
};

/** Input the flow did not understand: re-prompt with the valid answers, or after enough misses offer the coach. */
const miss = (ctx: RunContext): void => {
  const p = ctx.state.pending;
  const w = currentWait(ctx);
  if (p?.kind !== 'input' || !w) return endFlow(ctx);
  const misses = p.misses + 1;
  const offered =
    ctx.state.flow === 'coach-contact' || ctx.state.stack.some((s) => s.flow === 'coach-contact');
  if (misses >= ctx.env.maxMisses && !offered) {
    ctx.state.pending = { ...p, misses: 0 };
    ctx.effects.push(sendEffect('self', { key: 'common:not_understood' }));
    enterFlow(ctx, 'coach-contact', true, { reason: 'stuck' });
    return;
  }
  ctx.state.pending = { ...p, misses };
  ctx.effects.push(sendEffect('self', { key: 'common:not_understood' }));
  ctx.effects.push(sendEffect('self', promptOf(ctx, w)));
};
