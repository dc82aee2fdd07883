import { describe, expect, it } from 'vitest';
import { newConversation, type ConversationState } from '../../src/core/conversation.js';
import type { Effect } from '../../src/core/effects.js';
import type { Inbound } from '../../src/core/messages.js';
import { step, type StepInput } from '../../src/core/step.js';
import { normalizeWord } from '../../src/parsing/normalize.js';
import { flow as flowSchema, flowSetOf, type StepEnv } from '../../src/flows/index.js';

const f = (def: unknown) => flowSchema.parse(def);
const yesNo = {
  type: 'choice',
  prompt: 't:ask',
  options: [
    { value: 'y', label: 't:yes', keywords: 't:kw.yes', next: 'yes' },
    { value: 'n', label: 't:no', next: 'no' },
  ],
};
const flows = flowSetOf([
  f({
    id: 'menu',
    version: 1,
    start: 'ask',
    nodes: {
      ask: { wait: yesNo },
      yes: { actions: [{ type: 'send', text: 't:yes_said' }] },
      no: { actions: [{ type: 'send', text: 't:no_said' }] },
    },
  }),
  f({ id: 'help', version: 1, start: 'a', nodes: { a: { actions: [{ type: 'send', text: 't:help' }] } } }),
  f({
    id: 'coach-contact',
    version: 1,
    start: 'offer',
    nodes: { offer: { wait: { ...yesNo, prompt: 't:coach' } }, yes: {}, no: {} },
  }),
  f({
    id: 'calls',
    version: 1,
    start: 'c',
    nodes: {
      c: {
        actions: [
          { type: 'set', var: 'x', value: 42 },
          { type: 'call', action: 'check', args: { v: '$x' }, result: 'r', routes: { bad: 'bad' } },
          { type: 'send', text: 't:after', params: { r: '$r' } },
        ],
      },
      bad: { actions: [{ type: 'send', text: 't:bad' }] },
    },
  }),
  f({
    id: 'timed',
    version: 1,
    start: 'w',
    nodes: {
      w: {
        wait: {
          type: 'text',
          prompt: 't:say',
          var: 's',
          next: 'done',
          timeout: { after: '2h', next: 'late' },
        },
      },
      done: {},
      late: { actions: [{ type: 'send', text: 't:late' }] },
    },
  }),
  f({
    id: 'nested',
    version: 1,
    start: 'n',
    nodes: {
      n: { wait: { type: 'number', prompt: 't:n', min: 1, max: 10, var: 'n', next: 'ok' } },
      ok: { actions: [{ type: 'send', text: 't:ok', params: { n: '$n' } }] },
    },
  }),
  f({ id: 'loop', version: 1, start: 'a', nodes: { a: { next: 'b' }, b: { next: 'a' } } }),
  f({
    id: 'dynamic',
    version: 1,
    start: 'load',
    nodes: {
      load: { actions: [{ type: 'call', action: 'people', assign: true }], next: 'pick' },
      pick: {
        wait: {
          type: 'choice',
          prompt: 't:who',
          options_from: 'people',
          var: 'who',
          next: 'done',
          other: { var: 'free', next: 'free' },
          options: [{ value: 'none', label: 't:nobody', next: 'done' }],
        },
      },
      done: { actions: [{ type: 'send', text: 't:picked', params: { who: '$who', first: '$people.0' } }] },
      free: { actions: [{ type: 'send', text: 't:free', params: { text: '$free', name: '$me.name' } }] },
    },
  }),
]);

const words = {
  is: (key: string, text: string) =>
    (key === 't:kw.yes' && ['ja', 'yes', 'نعم'].includes(normalizeWord(text))) ||
    (key === 'common:kw.help' && normalizeWord(text) === 'hulp'),
};
const env = (over: Partial<StepEnv> = {}): StepEnv => ({
  now: new Date('2026-11-23T10:00:00Z'),
  flows,
  person: { id: 'p1', role: 'newcomer' },
  words,
  maxMisses: 3,
  inviteCode: (t) => (/^CODE\d$/.test(t) ? t : null),
  ...over,
});
const text = (t: string): StepInput => ({
  kind: 'message',
  message: { kind: 'text', id: t, text: t, address: { channel: 'c', chat: 'u', user: 'u' }, receivedAt: '' },
});
const keys = (effects: readonly Effect[]) =>
  effects.map((e) => (e.type === 'send' ? e.template.key : e.type === 'call' ? `call:${e.action}` : e.type));
const start = (flow: string, e = env()) => step(newConversation('p1', e.now), { kind: 'start', flow }, e);

describe('step', () => {
  it('asks, then routes a numbered answer', () => {
    const a = start('menu');
    expect(keys(a.effects)).toEqual(['t:ask']);
    expect(a.state.pending).toMatchObject({ kind: 'input', misses: 0 });
    const b = step(a.state, text('2'), env());
    expect(keys(b.effects)).toEqual(['t:no_said']);
    expect(b.state.flow).toBeNull();
  });

  it('accepts Arabic-Indic and Persian digits, keywords and button values', () => {
    const a = start('menu');
    expect(keys(step(a.state, text('٢'), env()).effects)).toEqual(['t:no_said']);
    expect(keys(step(a.state, text('۱'), env()).effects)).toEqual(['t:yes_said']);
    expect(keys(step(a.state, text('Ja!'), env()).effects)).toEqual(['t:yes_said']);
    const press: StepInput = {
      kind: 'message',
      message: {
        kind: 'choice',
        choice: 'n',
        id: 'b',
        address: { channel: 'c', chat: 'u', user: 'u' },
        receivedAt: '',
      },
    };
    expect(keys(step(a.state, press, env()).effects)).toEqual(['t:no_said']);
  });

  it('re-prompts what it did not understand, and offers the coach after three misses', () => {
    let s = start('menu').state;
    const one = step(s, text('banaan'), env());
    expect(keys(one.effects)).toEqual(['common:not_understood', 't:ask']);
    expect(one.effects[1]).toMatchObject({ template: { choices: [{ value: 'y' }, { value: 'n' }] } });
    s = step(one.state, text('peer'), env()).state;
    const three = step(s, text('appel'), env());
    expect(keys(three.effects)).toEqual(['common:not_understood', 't:coach']);
    expect(three.state.flow).toBe('coach-contact');
    expect(three.state.stack).toEqual([{ flow: 'menu', node: 'ask' }]);
    expect(three.state.vars).toMatchObject({ reason: 'stuck' });
    // declining brings the person back to the question they were stuck on
    const back = step(three.state, text('2'), env());
    expect(keys(back.effects)).toEqual(['t:ask']);
    expect(back.state).toMatchObject({ flow: 'menu', node: 'ask', stack: [] });
  });

  it('global commands work from any state and return to it', () => {
    const s = start('menu').state;
    const h = step(s, text('hulp'), env());
    expect(keys(h.effects)).toEqual(['t:help', 't:ask']);
    expect(h.state).toMatchObject({ flow: 'menu', node: 'ask' });
  });

  it('suspends on a call and resumes with its result, following routes', () => {
    const a = start('calls');
    expect(a.effects).toEqual([{ type: 'call', action: 'check', args: { v: 42 } }]);
    expect(a.state.pending).toEqual({ kind: 'call', action: 1 });
    const ok = step(a.state, { kind: 'result', result: { outcome: 'ok', data: 'fine' } }, env());
    expect(ok.effects).toEqual([
      { type: 'send', to: 'self', template: { key: 't:after', params: { r: 'fine' } } },
    ]);
    const bad = step(a.state, { kind: 'result', result: { outcome: 'bad' } }, env());
    expect(keys(bad.effects)).toEqual(['t:bad']);
  });

  it('takes a timeout route only when due', () => {
    const a = start('timed');
    expect(a.state.pending).toMatchObject({ timeoutAt: '2026-11-23T12:00:00.000Z' });
    expect(
      keys(step(a.state, { kind: 'timeout' }, env({ now: new Date('2026-11-23T11:59:00Z') })).effects),
    ).toEqual([]);
    const late = step(a.state, { kind: 'timeout' }, env({ now: new Date('2026-11-23T12:00:01Z') }));
    expect(keys(late.effects)).toEqual(['t:late']);
  });

  it('checks numbers against their bounds', () => {
    const a = start('nested');
    expect(keys(step(a.state, text('11'), env()).effects)).toEqual(['common:not_understood', 't:n']);
    const ok = step(a.state, text('٧'), env());
    expect(ok.effects).toEqual([{ type: 'send', to: 'self', template: { key: 't:ok', params: { n: 7 } } }]);
  });

  it('an unknown sender gets one explanation; an invite code starts the link flow', () => {
    const e = env({ person: null });
    const s = newConversation(null, e.now);
    expect(keys(step(s, text('hallo'), e).effects)).toEqual(['common:unknown_sender']);
    const withLink = env({
      person: null,
      flows: flowSetOf([
        ...flows.all,
        f({
          id: 'link',
          version: 1,
          start: 'r',
          nodes: { r: { actions: [{ type: 'call', action: 'redeem_invite', args: { code: '$code' } }] } },
        }),
      ]),
    });
    expect(step(s, text('CODE1'), withLink).effects).toEqual([
      { type: 'call', action: 'redeem_invite', args: { code: 'CODE1' } },
    ]);
  });

  it('restarts cleanly from an unknown state version or a removed node', () => {
    const odd = { v: 99, something: 'else', personId: 'p1', seen: ['x'] } as unknown as ConversationState;
    const r = step(odd, text('hallo'), env());
    expect(r.state).toMatchObject({ v: 1, personId: 'p1', flow: 'menu', node: 'ask', seen: ['x'] });
    const gone = { ...start('menu').state, node: 'removed' };
    expect(step(gone, text('1'), env()).state).toMatchObject({ flow: 'menu', node: 'ask' });
  });

  it('stops a flow that loops without waiting', () => {
    expect(() => start('loop')).toThrow(/loops/);
  });

  it('gives the same result when state is JSON round-tripped between turns', () => {
    const inputs: StepInput[] = [text('x'), text('y'), text('2'), text('hulp'), text('1')];
    const run = (roundTrip: boolean) => {
      let s = start('menu').state;
      const out: string[] = [];
      for (const i of inputs) {
        if (roundTrip) s = JSON.parse(JSON.stringify(s)) as ConversationState;
        const r = step(s, i, env());
        out.push(...keys(r.effects));
        s = r.state;
      }
      return { out, s };
    };
    const plain = run(false);
    const tripped = run(true);
    expect(tripped.out).toEqual(plain.out);
    expect(tripped.s).toEqual(plain.s);
    expect(plain.out.length).toBeGreaterThan(4);
  });

  it('offers choices from a variable, copies result fields into variables, and passes free text on', () => {
    const a = start('dynamic');
    expect(a.effects).toEqual([{ type: 'call', action: 'people', args: {} }]);
    const b = step(
      a.state,
      {
        kind: 'result',
        result: { outcome: 'ok', data: { people: [{ value: 'p7', text: 'Sara' }], me: { name: 'Amina' } } },
      },
      env(),
    );
    expect(b.effects).toEqual([
      {
        type: 'send',
        to: 'self',
        template: {
          key: 't:who',
          params: expect.objectContaining({ people: [{ value: 'p7', text: 'Sara' }] }),
          choices: [
            { value: 'p7', text: 'Sara' },
            { value: 'none', label: 't:nobody' },
          ],
        },
      },
    ]);
    expect(step(b.state, text('1'), env()).effects).toEqual([
      { type: 'send', to: 'self', template: { key: 't:picked', params: { who: 'p7', first: null } } },
    ]);
    expect(keys(step(b.state, text('2'), env()).effects)).toEqual(['t:picked']);
    const free = step(b.state, text('gisteren 2 uur'), env());
    expect(free.effects).toEqual([
      {
        type: 'send',
        to: 'self',
        template: { key: 't:free', params: { text: 'gisteren 2 uur', name: 'Amina' } },
      },
    ]);
  });

  it('does not change the state it was given', () => {
    const s = start('menu').state;
    const copy = JSON.parse(JSON.stringify(s)) as unknown;
    step(s, text('1'), env());
    expect(s).toEqual(copy);
  });
});

export type { Inbound };
