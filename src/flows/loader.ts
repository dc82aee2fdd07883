import { z } from 'zod';
import type { FlowSet } from './context.js';
import { action, flow as flowSchema, wait, type Flow } from './schema.js';
import { loadDefinitions, parseYamlWith, valueAt, type DocPath, type LoadedFile } from './yaml.js';

/** What the loader checks flows against besides the schema. */
export interface FlowCheckOptions {
  /** True when the i18n key exists in the default language. */
  readonly knownKey?: (key: string) => boolean;
  /** Names of the domain actions that `call` may use. */
  readonly knownActions?: readonly string[];
  /** Flows that must exist (the ones the runtime starts by itself). */
  readonly requiredFlows?: readonly string[];
}

/** A loaded set of flows, by id. */
export interface LoadedFlows extends FlowSet {
  readonly all: readonly Flow[];
}

type Path = DocPath;
interface Problem {
  readonly path: Path;
  readonly message: string;
}

/** Parses and validates one flow file's text; returns the flow or its problems with line numbers. */
export const parseFlow = (file: string, text: string): { flow?: Flow; problems: string[] } => {
  const r = parseYamlWith(file, text, flowSchema, explain);
  if (!r.value) return { problems: r.problems };
  const problems = checkReferences(r.value).map((p) => `${r.where(p.path)}: ${p.message}`);
  return problems.length ? { problems } : { flow: r.value, problems };
};

const ACTION_TYPES = action.options.map((o) => o.shape.type.value);
const WAIT_TYPES = wait.options.map((o) => o.shape.type.value);

const explain = (i: z.core.$ZodIssue, input: unknown): string => {
  const path = i.path as Path;
  const got = valueAt(input, path);
  if (i.code === 'invalid_union' && path.at(-1) === 'type') {
    const types = path.includes('wait') && !path.includes('actions') ? WAIT_TYPES : ACTION_TYPES;
    return `unknown type ${JSON.stringify(got)}; expected one of: ${types.join(', ')}`;
  }
  if (got === undefined && i.code === 'invalid_type') return `missing; expected ${i.expected}`;
  return i.message;
};

/** Node references inside one flow: every `next`, route, goto and timeout must name a node. */
const checkReferences = (f: Flow): Problem[] => {
  const problems: Problem[] = [];
  const known = Object.keys(f.nodes);
  const ref = (path: Path, id: string | undefined) => {
    if (id !== undefined && !f.nodes[id])
      problems.push({
        path,
        message: `node "${id}" does not exist in flow "${f.id}" (nodes: ${known.join(', ')})`,
      });
  };
  ref(['start'], f.start);
  for (const [nid, n] of Object.entries(f.nodes)) {
    const base = ['nodes', nid];
    ref([...base, 'next'], n.next);
    n.actions.forEach((a, i) => {
      if (a.type === 'goto') ref([...base, 'actions', i, 'node'], a.node);
      if (a.type === 'call')
        for (const [o, t] of Object.entries(a.routes ?? {})) ref([...base, 'actions', i, 'routes', o], t);
    });
    const w = n.wait;
    if (!w) continue;
    ref([...base, 'wait', 'next'], w.next);
    ref([...base, 'wait', 'timeout', 'next'], w.timeout?.next);
    if (w.type === 'choice')
      w.options.forEach((o, i) => ref([...base, 'wait', 'options', i, 'next'], o.next));
  }
  return problems;
};

/** References across flows and to the outside: start_flow targets, domain actions, i18n keys. */
const checkOutside = (flows: ReadonlyMap<string, LoadedFile<Flow>>, o: FlowCheckOptions): string[] => {
  const problems: string[] = [];
  for (const { value: f, file } of flows.values()) {
    const at = (path: Path, msg: string) => problems.push(`${file} ${path.join('.')}: ${msg}`);
    const key = (path: Path, k: string | undefined) => {
      if (k !== undefined && o.knownKey && !o.knownKey(k))
        at(path, `i18n key "${k}" is missing in locales/nl`);
    };
    for (const [nid, n] of Object.entries(f.nodes)) {
      const base = ['nodes', nid];
      n.actions.forEach((a, i) => {
        const p = [...base, 'actions', i];
        if (a.type === 'send') key([...p, 'text'], a.text);
        if (a.type === 'start_flow' && !flows.has(a.flow))
          at([...p, 'flow'], `flow "${a.flow}" does not exist`);
        if (a.type === 'call' && o.knownActions && !o.knownActions.includes(a.action))
          at([...p, 'action'], `unknown domain action "${a.action}" (known: ${o.knownActions.join(', ')})`);
      });
      if (!n.wait) continue;
      key([...base, 'wait', 'prompt'], n.wait.prompt);
      if (n.wait.type === 'choice')
        n.wait.options.forEach((opt, i) => {
          key([...base, 'wait', 'options', i, 'label'], opt.label);
          key([...base, 'wait', 'options', i, 'keywords'], opt.keywords);
        });
    }
  }
  for (const r of o.requiredFlows ?? [])
    if (!flows.has(r)) problems.push(`flow "${r}" is required but no file defines it`);
  return problems;
};

/**
 * Loads every `*.yaml`, `*.yml` and `*.json` flow in `dir` (except `*.schema.json`). Any problem
 * stops with one FLOW_INVALID error listing each problem as `file:line:col path: what is wrong`.
 */
export const loadFlows = (dir: string, o: FlowCheckOptions = {}): LoadedFlows => {
  const flows = loadDefinitions<Flow>(dir, {
    what: 'Flow',
    accept: (f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'),
    parse: (file, text) => {
      const r = parseFlow(file, text);
      return r.flow ? { value: r.flow, problems: r.problems } : { problems: r.problems };
    },
    duplicate: (file, id, first) => `${file} id: flow id "${id}" is also used by ${first}`,
    check: (all) => checkOutside(all, o),
  });
  return flowSetOf([...flows.values()].map((v) => v.value));
};

/** A FlowSet over already validated flows (tests build them in code). */
export const flowSetOf = (all: readonly Flow[]): LoadedFlows => {
  const byId = new Map(all.map((f) => [f.id, f]));
  return { all, get: (id) => byId.get(id) };
};

/** The JSON Schema of a flow file, for editor completion (`npm run schema`). */
export const flowJsonSchema = (): unknown => z.toJSONSchema(flowSchema, { io: 'input' });
