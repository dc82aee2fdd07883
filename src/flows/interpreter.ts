import { CodedError } from '../core/errors.js';
import type { ActionResult } from '../core/effects.js';
import type { Inbound } from '../core/messages.js';
import type { Json } from '../core/store.js';
import { actionHandlers, type ActionHandler } from './actions/index.js';
import { sendEffect, type RunContext } from './context.js';
import type { Action, Flow, FlowNode, Wait } from './schema.js';
import { waitHandlers, type WaitHandler, type WaitMatch } from './waits/index.js';

/** Most node transitions in one step; more means a flow loops without waiting for anyone. */
const MAX_TRANSITIONS = 200;
const MAX_STACK = 5;

const runAction = (a: Action, ctx: RunContext) =>
  (actionHandlers[a.type] as ActionHandler<typeof a.type>)(a, ctx);
const waitHandler = (w: Wait) => waitHandlers[w.type] as WaitHandler<typeof w.type>;

const DURATION_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const durationMs = (d: string): number =>
  Number(d.slice(0, -1)) * DURATION_MS[d.slice(-1) as keyof typeof DURATION_MS];

const flowOf = (ctx: RunContext, id: string): Flow => {
  const f = ctx.env.flows.get(id);
  if (!f)
    throw new CodedError('FLOW_INVALID', `flow "${id}" is not loaded; add flows/${id}.yaml`, {
      context: { flow: id },
    });
  return f;
};

const nodeOf = (flow: Flow, id: string): FlowNode => {
  const n = flow.nodes[id];
  if (!n)
    throw new CodedError('FLOW_INVALID', `flow "${flow.id}" has no node "${id}"`, {
      context: { flow: flow.id, node: id },
    });
  return n;
};

/** Sends the wait's question and starts waiting, with its timeout if any. */
const startWaiting = (ctx: RunContext, w: Wait): void => {
  ctx.effects.push(sendEffect('self', promptOf(ctx, w)));
  const now = ctx.env.now;
  ctx.state.pending = {
    kind: 'input',
    misses: 0,
    since: now.toISOString(),
    timeoutAt: w.timeout ? new Date(now.getTime() + durationMs(w.timeout.after)).toISOString() : null,
  };
};

export const promptOf = (ctx: RunContext, w: Wait) => {
  const t = waitHandler(w).prompt(w, ctx);
  return { ...t, params: { ...ctx.state.vars, ...t.params } };
};

/** Runs a node's actions from `from`, then waits, moves on, or ends the flow. */
export const enterNode = (ctx: RunContext, flowId: string, nodeId: string, from = 0): void => {
  let flow = flowOf(ctx, flowId);
  let node = nodeOf(flow, nodeId);
  let i = from;
  for (let transitions = 0; ; transitions++) {
    if (transitions > MAX_TRANSITIONS) {
      throw new CodedError(
        'FLOW_INVALID',
        `flow "${flow.id}" loops at node "${nodeId}" without waiting for input`,
        {
          context: { flow: flow.id, node: nodeId },
        },
      );
    }
    ctx.state.flow = flow.id;
    ctx.state.node = nodeId;
    ctx.state.pending = null;
    let jumped = false;
    for (; i < node.actions.length; i++) {
      const control = runAction(node.actions[i]!, ctx);
      if (control.kind === 'continue') continue;
      if (control.kind === 'suspend') {
        ctx.state.pending = { kind: 'call', action: i };
        return;
      }
      if (control.kind === 'end') return endFlow(ctx);
      if (control.kind === 'goto') {
        nodeId = control.node;
      } else {
        if (control.push)
          ctx.state.stack = [...ctx.state.stack, { flow: flow.id, node: nodeId }].slice(-MAX_STACK);
        else ctx.state.stack = [];
        flow = flowOf(ctx, control.flow);
        nodeId = flow.start;
      }
      node = nodeOf(flow, nodeId);
      i = 0;
      jumped = true;
      break;
    }
    if (jumped) continue;
    if (node.wait) return startWaiting(ctx, node.wait);
    if (!node.next) return endFlow(ctx);
    nodeId = node.next;
    node = nodeOf(flow, nodeId);
    i = 0;
  }
};

/** Starts a flow at its start node; `push` remembers where to come back to. */
export const enterFlow = (
  ctx: RunContext,
  flowId: string,
  push: boolean,
  vars: Readonly<Record<string, Json>> = {},
): void => {
  if (push && ctx.state.flow && ctx.state.node) {
    ctx.state.stack = [...ctx.state.stack, { flow: ctx.state.flow, node: ctx.state.node }].slice(-MAX_STACK);
  } else if (!push) {
    ctx.state.stack = [];
    ctx.state.vars = {};
  }
  ctx.state.vars = { ...ctx.state.vars, ...vars };
  enterNode(ctx, flowId, flowOf(ctx, flowId).start);
};

/** Ends the current flow: back to the caller's waiting node, or idle. */
export const endFlow = (ctx: RunContext): void => {
  const back = ctx.state.stack.at(-1);
  ctx.state.stack = ctx.state.stack.slice(0, -1);
  if (!back) {
    Object.assign(ctx.state, { flow: null, node: null, pending: null, vars: {} });
    return;
  }
  const flow = ctx.env.flows.get(back.flow);
  const node = flow?.nodes[back.node];
  if (!flow || !node) return endFlow(ctx);
  ctx.state.flow = flow.id;
  ctx.state.node = back.node;
  if (node.wait) return startWaiting(ctx, node.wait);
  if (node.next) return enterNode(ctx, flow.id, node.next);
  return endFlow(ctx);
};

/** Continues after a domain action: stores its data, follows its route, or runs the next action. */
export const resumeAfterCall = (ctx: RunContext, result: ActionResult): void => {
  const { flow, node, pending } = ctx.state;
  if (!flow || !node || pending?.kind !== 'call') return;
  const a = flowOf(ctx, flow).nodes[node]?.actions[pending.action];
  if (!a || a.type !== 'call') return endFlow(ctx);
  const data = result.data;
  ctx.state.vars = {
    ...ctx.state.vars,
    outcome: result.outcome,
    ...(a.result ? { [a.result]: data ?? null } : {}),
    ...(a.assign && data && typeof data === 'object' && !Array.isArray(data) ? data : {}),
  };
  const target = a.routes?.[result.outcome] ?? a.routes?.['default'];
  if (target) return enterNode(ctx, flow, target);
  enterNode(ctx, flow, node, pending.action + 1);
};

/** The wait the conversation is on, if any. */
export const currentWait = (ctx: RunContext): Wait | undefined => {
  const { flow, node, pending } = ctx.state;
  if (!flow || !node || pending?.kind !== 'input') return undefined;
  return ctx.env.flows.get(flow)?.nodes[node]?.wait;
};

/** Tries the input against the current wait; on a match, stores it and moves on. */
export const answer = (ctx: RunContext, input: Inbound): WaitMatch => {
  const w = currentWait(ctx);
  if (!w) return { ok: false };
  const m = waitHandler(w).match(w, input, ctx);
  if (!m.ok) return m;
  const target = m.var ?? ('var' in w ? w.var : undefined);
  if (target) ctx.state.vars = { ...ctx.state.vars, [target]: m.value };
  if (m.next) enterNode(ctx, ctx.state.flow!, m.next);
  else endFlow(ctx);
  return m;
};

/** Takes the wait's timeout route when its time has come. */
export const timeOut = (ctx: RunContext): boolean => {
  const w = currentWait(ctx);
  const p = ctx.state.pending;
  if (!w?.timeout || p?.kind !== 'input' || !p.timeoutAt || Date.parse(p.timeoutAt) > ctx.env.now.getTime())
    return false;
  enterNode(ctx, ctx.state.flow!, w.timeout.next);
  return true;
};
