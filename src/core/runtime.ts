import type { DomainAction } from './actions.js';
import type { SideCommand } from './commands.js';
import type { Clock, Ids } from './clock.js';
import { newConversation, restoreConversation, SEEN_LIMIT, type ConversationState } from './conversation.js';
import type { Effect, Template } from './effects.js';
import { isCodedError } from './errors.js';
import { KeyedQueue } from './keyed-queue.js';
import type { Log } from './log.js';
import { addressKey, hashTag, type Address, type Inbound, type Outbound } from './messages.js';
import { pendingOutbox, type CoreSchema, type PersonCore } from './records.js';
import { step, type StepInput, type StepOutput } from './step.js';
import type { Json, ReadTx, Store, WriteTx } from './store.js';
import type { FlowSet, StepEnv, WordMatcher } from '../flows/context.js';

/** Delivery side of the outbox, as the runtime sees it. */
export interface Dispatch {
  /** New pending outbox records were committed. */
  wake(): void;
  /** Sends without storing anything (replies to unknown senders). */
  sendNow(to: Address, message: Outbound): Promise<void>;
}

export interface RuntimeOptions<S extends CoreSchema> {
  readonly store: Store<S>;
  readonly flows: FlowSet;
  readonly words: WordMatcher;
  readonly actions: Readonly<Record<string, DomainAction<S>>>;
  readonly render: (
    template: Template,
    lng: string | null,
    profile: Readonly<Record<string, Json>>,
  ) => Outbound;
  /** Names the texts may use for a person ({{name}}, {{coach}}, {{gemeente}}). */
  readonly profile: (tx: ReadTx<S>, personId: string) => Record<string, Json>;
  readonly inviteCode: (text: string) => string | null;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly dispatch: Dispatch;
  readonly log: Log;
  readonly maxMisses?: number;
  /**
   * A member wrote in a group without addressing the bot (`Inbound.unaddressed`): what to tell
   * them privately, if anything. Nothing about them is stored by the runtime.
   */
  readonly groupChatter?: (tx: WriteTx<S>, m: Inbound, now: Date) => readonly Template[];
  /** Staff commands by name (`/netwerkbot ...`), answered without moving the conversation's flow. */
  readonly commands?: Readonly<Record<string, SideCommand<S>>>;
  /**
   * A human handover: an inbound that belongs to a conversation between a person and their coach
   * (the person's message, the coach's reply in its thread) is passed on by this hook instead of
   * reaching the flows. It queues what it sends in `tx`; null lets the flows handle the message.
   * Runs after side commands (a close button is a staff command) and after deduplication.
   */
  readonly relay?: (
    tx: WriteTx<S>,
    m: Inbound,
    c: { readonly now: Date; readonly ids: Ids },
  ) => RelayResult | null;
}

/** What {@link RuntimeOptions.relay} did with a message it took. */
export interface RelayResult {
  /** Outbox rows it queued (the dispatcher is woken when more than zero). */
  readonly queued: number;
}

export interface Runtime {
  /** Processes one inbound message: deduplicated, in order per conversation, atomically saved. */
  handle(message: Inbound): Promise<void>;
  /**
   * Starts a flow for whoever is at `address` (a known identity), on top of what they were doing
   * (they come back to it); nothing happens when they are in that flow already.
   */
  startFlow(address: Address, flow: string, vars?: Readonly<Record<string, Json>>): Promise<void>;
  /** Fires the timeouts that are due. Call it periodically; it also catches up after downtime. */
  tick(): Promise<number>;
  /** Resolves when all queued turns have finished. */
  idle(): Promise<void>;
}

const MAX_ROUNDS = 50;
/** How deep flows may start flows for other people (a report -> a confirmation request). */
const MAX_DEPTH = 3;

/** A short, non-reversible tag for a conversation in logs (no chat ids in logs). */
export const logTag = (key: string): string => hashTag(key);

/** The core runtime: load state, apply the pure step, run its effects, save, in one transaction. */
export const createRuntime = <S extends CoreSchema>(o: RuntimeOptions<S>): Runtime => {
  const queue = new KeyedQueue();
  const maxMisses = o.maxMisses ?? 3;

  const personOf = (tx: ReadTx<S>, address: Address): PersonCore | null => {
    const id = tx.get('identities', addressKey(address)) as S['identities'] | undefined;
    return id ? ((tx.get('people', id.personId) as PersonCore | undefined) ?? null) : null;
  };

  const envFor = (person: PersonCore | null, now: Date): StepEnv => ({
    now,
    flows: o.flows,
    words: o.words,
    maxMisses,
    inviteCode: o.inviteCode,
    person: person ? { id: person.id, role: person.role } : null,
  });

  const addresses = (tx: ReadTx<S>, personId: string): Address[] =>
    (tx.list('identities', (i) => (i as S['identities']).personId === personId) as S['identities'][]).map(
      (i) => i.address,
    );

  const enqueue = (tx: WriteTx<S>, to: Address, message: Outbound, now: Date, statusOf?: string) => {
    const id = o.ids.next('ob');
    const rec = pendingOutbox(id, to, message, now, statusOf ? { statusOf } : {});
    tx.put('outbox', id, rec as S['outbox']);
  };

  /** Runs effects in order; a call's result goes back into the step, whose new effects follow. */
  const runTurn = (
    tx: WriteTx<S>,
    address: Address,
    state: ConversationState,
    input: StepInput,
    now: Date,
    depth = 0,
  ) => {
    let person = personOf(tx, address);
    let out: StepOutput = step(state, input, envFor(person, now));
    const ephemeral: Outbound[] = [];
    let queued = 0;
    const others = (effects: readonly Effect[]) => (queued += forOthers(tx, effects, now, depth));
    for (let round = 0; ; round++) {
      let call: Extract<Effect, { type: 'call' }> | undefined;
      for (const e of out.effects) {
        if (e.type === 'call') call = e;
        else if (e.type !== 'send') others([e]);
        else if (!person) ephemeral.push(o.render(e.template, null, {}));
        else queued += sendTo(tx, e, person, address, now);
      }
      if (!call || round >= MAX_ROUNDS) break;
      const action = o.actions[call.action];
      const result = action
        ? action(
            {
              tx,
              now,
              ids: o.ids,
              personId: person?.id ?? null,
              address,
              messageId: input.kind === 'message' ? input.message.id : null,
              vars: out.state.vars,
            },
            call.args,
          )
        : { outcome: 'unknown_action' };
      others(result.effects ?? []);
      person = personOf(tx, address);
      out = step(out.state, { kind: 'result', result }, envFor(person, now));
    }
    return { state: out.state, ephemeral, queued, person };
  };

  /** Runs the effects meant for other people (notify, start); returns how many messages were queued. */
  const forOthers = (tx: WriteTx<S>, effects: readonly Effect[], now: Date, depth: number): number => {
    let queued = 0;
    for (const e of effects) {
      if (e.type === 'notify') queued += notify(tx, e.personId, e.template, now);
      else if (e.type === 'start' && depth < MAX_DEPTH) queued += startFor(tx, e, now, depth + 1);
    }
    return queued;
  };

  /** True when the conversation is in `flow` or will come back to it. */
  const inFlow = (state: ConversationState, flow: string) =>
    state.flow === flow || state.stack.some((p) => p.flow === flow);

  /** The chat where a person was last linked: where messages for them go. */
  const latestAddress = (tx: ReadTx<S>, personId: string): Address | undefined =>
    addresses(tx, personId).at(-1);

  const notify = (tx: WriteTx<S>, personId: string, template: Template, now: Date): number => {
    const target = tx.get('people', personId) as PersonCore | undefined;
    const to = latestAddress(tx, personId);
    if (!target || !to) return 0;
    enqueue(tx, to, o.render(template, target.lang, o.profile(tx, target.id)), now);
    return 1;
  };

  /**
   * Starts a flow in another person's conversation within this transaction (the store serialises
   * transactions, so their state cannot change underneath); they return to what they were doing.
   */
  const startFor = (
    tx: WriteTx<S>,
    e: Extract<Effect, { type: 'start' }>,
    now: Date,
    depth: number,
  ): number => {
    const to = latestAddress(tx, e.personId);
    if (!to) return 0;
    const key = addressKey(to);
    const current = loadState(tx, key, e.personId, now);
    // Already in that flow (e.g. answering earlier confirmation requests): it picks this up too.
    if (inFlow(current, e.flow)) return 0;
    const turn = runTurn(
      tx,
      to,
      current,
      { kind: 'start', flow: e.flow, vars: e.vars ?? {}, push: true },
      now,
      depth,
    );
    save(tx, key, to, turn.state);
    return turn.queued;
  };

  const sendTo = (
    tx: WriteTx<S>,
    e: Extract<Effect, { type: 'send' }>,
    person: PersonCore,
    self: Address,
    now: Date,
  ) => {
    const target =
      e.to === 'self'
        ? person
        : person.coachId
          ? (tx.get('people', person.coachId) as PersonCore | undefined)
          : undefined;
    if (!target) return 0;
    const profile = {
      ...o.profile(tx, target.id),
      ...(e.to === 'coach' ? { person: o.profile(tx, person.id)['name'] ?? null } : {}),
    };
    const message = o.render(e.template, target.lang, profile);
    const to = e.to === 'self' ? self : latestAddress(tx, target.id);
    if (!to) return 0;
    enqueue(tx, to, message, now);
    return 1;
  };

  const save = (tx: WriteTx<S>, key: string, address: Address, state: ConversationState, seenId?: string) => {
    const seen = seenId ? [...state.seen.filter((s) => s !== seenId), seenId].slice(-SEEN_LIMIT) : state.seen;
    tx.put('conversations', key, { v: 1, address, state: { ...state, seen } } as S['conversations']);
    const p = state.pending;
    if (p?.kind === 'input' && p.timeoutAt)
      tx.put('timers', key, { v: 1, key, dueAt: p.timeoutAt } as S['timers']);
    else if (tx.get('timers', key)) tx.delete('timers', key);
  };

  const loadState = (tx: ReadTx<S>, key: string, personId: string | null, now: Date) => {
    const rec = tx.get('conversations', key) as S['conversations'] | undefined;
    return rec ? restoreConversation(rec.state, now).state : newConversation(personId, now);
  };

  const afterCommit = async (address: Address, r: { ephemeral: Outbound[]; queued: number }) => {
    if (r.queued) o.dispatch.wake();
    for (const m of r.ephemeral) await o.dispatch.sendNow(address, m);
  };

  const apologise = async (address: Address, key: string, err: unknown) => {
    o.log.error(
      {
        conv: logTag(key),
        code: isCodedError(err) ? err.code : 'BUG',
        err: isCodedError(err) ? err.message : String(err),
      },
      'turn failed',
    );
    const lang = await o.store.read((tx) => personOf(tx, address)?.lang ?? null).catch(() => null);
    const msg = o.render({ key: 'common:error' }, lang, {});
    await o.dispatch.sendNow(address, msg).catch(() => undefined);
  };

  /** A side command: its replies and effects, the flow state untouched (only the message id is kept). */
  const runCommand = (
    tx: WriteTx<S>,
    m: Extract<Inbound, { kind: 'command' }>,
    command: SideCommand<S>,
    state: ConversationState,
    now: Date,
  ) => {
    const person = personOf(tx, m.address);
    const result = command(
      { tx, now, ids: o.ids, personId: person?.id ?? null, address: m.address, messageId: m.id, vars: {} },
      m.args,
    );
    const ephemeral: Outbound[] = [];
    let queued = 0;
    for (const [i, t] of result.replies.entries()) {
      if (person) {
        const statusOf = i === 0 ? result.statusOf : undefined;
        enqueue(tx, m.address, o.render(t, person.lang, o.profile(tx, person.id)), now, statusOf);
        queued++;
      } else ephemeral.push(o.render(t, null, {}));
    }
    queued += forOthers(tx, result.effects ?? [], now, 0);
    // A flow the command started for the typist (a note after "Klaar") was saved in this chat's
    // conversation: keep it rather than the state loaded before. A command that deleted this
    // chat's conversation (an erasure: it named the erased person) must not get it back either.
    const self = person && result.effects?.some((e) => e.type === 'start' && e.personId === person.id);
    const gone = !!person && !tx.get('conversations', addressKey(m.address));
    const after = self || gone ? loadState(tx, addressKey(m.address), person.id, now) : state;
    return { state: after, ephemeral, queued, person };
  };

  /**
   * The side command an inbound names: a typed one (`/netwerkbot hours Amina`), or a button whose
   * value is one (the coach digest's `/netwerkbot task done t_1`); null for anything else.
   */
  const sideCommandOf = (
    m: Inbound,
  ): { message: Extract<Inbound, { kind: 'command' }>; command: SideCommand<S> } | null => {
    if (m.kind === 'command') {
      const command = o.commands?.[m.command];
      return command ? { message: m, command } : null;
    }
    if (m.kind !== 'choice' || !m.choice.startsWith('/')) return null;
    const [, name = '', args = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(m.choice) ?? [];
    const command = o.commands?.[name.toLocaleLowerCase()];
    if (!command) return null;
    const { choice: _choice, kind: _kind, ...base } = m;
    return { message: { ...base, kind: 'command', command: name.toLocaleLowerCase(), args }, command };
  };

  /** Group chatter: at most a private hint, outside any conversation. */
  const handleChatter = async (m: Inbound): Promise<void> => {
    const r = await o.store.transact((tx) => {
      const replies = o.groupChatter?.(tx, m, o.clock.now()) ?? [];
      const lang = personOf(tx, m.address)?.lang ?? null;
      return replies.map((t) => o.render(t, lang, {}));
    });
    for (const msg of r) await o.dispatch.sendNow(m.address, msg);
  };

  const handle = (m: Inbound): Promise<void> => {
    if (m.unaddressed)
      return handleChatter(m).catch((err: unknown) =>
        o.log.error({ err: err instanceof Error ? err.message : String(err) }, 'group chatter failed'),
      );
    const key = addressKey(m.address);
    return queue.run(key, async () => {
      try {
        const r = await o.store.transact((tx) => {
          const now = o.clock.now();
          const person = personOf(tx, m.address);
          const state = loadState(tx, key, person?.id ?? null, now);
          if (state.seen.includes(m.id)) return null;
          const side = sideCommandOf(m);
          const relayed = side ? null : (o.relay?.(tx, m, { now, ids: o.ids }) ?? null);
          if (relayed) {
            // Passed on to a person or coach: only the message id is kept, against redelivery.
            save(tx, key, m.address, state, m.id);
            return { ephemeral: [], queued: relayed.queued };
          }
          const turn = side
            ? runCommand(tx, side.message, side.command, state, now)
            : runTurn(tx, m.address, state, { kind: 'message', message: m }, now);
          // Nothing is stored about people who are not (yet) linked.
          if (turn.person) save(tx, key, m.address, turn.state, m.id);
          return turn;
        });
        if (r === null) o.log.debug({ conv: logTag(key) }, 'duplicate message ignored');
        else await afterCommit(m.address, r);
      } catch (err) {
        await apologise(m.address, key, err);
      }
    });
  };

  const startFlow = (
    address: Address,
    flow: string,
    vars: Readonly<Record<string, Json>> = {},
  ): Promise<void> => {
    const key = addressKey(address);
    return queue.run(key, async () => {
      const r = await o.store.transact((tx) => {
        const now = o.clock.now();
        const person = personOf(tx, address);
        if (!person) return null;
        const current = loadState(tx, key, person.id, now);
        if (inFlow(current, flow)) return null;
        const turn = runTurn(tx, address, current, { kind: 'start', flow, vars, push: true }, now);
        save(tx, key, address, turn.state);
        return turn;
      });
      if (r) await afterCommit(address, r);
    });
  };

  const tick = async (): Promise<number> => {
    const now = o.clock.now();
    const due = await o.store.read((tx) =>
      (tx.list('timers', (t) => Date.parse((t as S['timers']).dueAt) <= now.getTime()) as S['timers'][]).map(
        (t) => t.key,
      ),
    );
    await Promise.all(
      due.map((key) =>
        queue
          .run(key, async () => {
            const r = await o.store.transact((tx) => {
              const t = o.clock.now();
              // The list above may be stale: an answer since (here or in another process) cleared it.
              const timer = tx.get('timers', key) as S['timers'] | undefined;
              if (!timer || Date.parse(timer.dueAt) > t.getTime()) return null;
              const rec = tx.get('conversations', key) as S['conversations'] | undefined;
              if (!rec) {
                tx.delete('timers', key);
                return null;
              }
              const turn = runTurn(
                tx,
                rec.address,
                restoreConversation(rec.state, t).state,
                { kind: 'timeout' },
                t,
              );
              save(tx, key, rec.address, turn.state);
              return { turn, address: rec.address };
            });
            if (r) await afterCommit(r.address, r.turn);
          })
          .catch((err: unknown) => o.log.error({ conv: logTag(key), err: String(err) }, 'timeout failed')),
      ),
    );
    return due.length;
  };

  return { handle, startFlow, tick, idle: () => queue.idle() };
};
