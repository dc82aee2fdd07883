import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, ROOT } from '../../src/app.js';
import { isCodedError } from '../../src/core/errors.js';
import { flowJsonSchema, loadFlows, parseFlow } from '../../src/flows/index.js';

const dirWith = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'flows-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (isCodedError(e, 'FLOW_INVALID')) return e.context['problems'] as string[];
    throw e;
  }
  throw new Error('expected FLOW_INVALID');
};

const good = `id: demo
version: 1
start: ask
nodes:
  ask:
    wait:
      type: choice
      prompt: 'common:coach_offer'
      options:
        - { value: 'yes', label: 'common:yes', next: done }
  done:
    actions:
      - { type: send, text: 'common:coach_no_thanks' }
`;

describe('flow files', () => {
  it('loads the shipped flows with all their cross-checks', () => {
    const { flows } = loadContent();
    expect(flows.get('onboarding')?.start).toBe('language');
    expect(flows.all.length).toBeGreaterThanOrEqual(10);
  });

  it('names file, line, column and path of a wrong node reference', () => {
    const [p] = parseFlow('flows/x.yaml', good.replace('next: done', 'next: finish')).problems;
    expect(p).toBe(
      'flows/x.yaml:10:54 nodes.ask.wait.options.0.next: node "finish" does not exist in flow "demo" (nodes: ask, done)',
    );
  });

  it('names the path of an unknown action type and of a missing field', () => {
    const problems = parseFlow(
      'f.yaml',
      good.replace('type: send', 'type: shout').replace("prompt: 'common:coach_offer'", ''),
    ).problems;
    expect(problems).toHaveLength(2);
    expect(problems).toContain(
      'f.yaml:13:17 nodes.done.actions.0.type: unknown type "shout"; expected one of: send, set, call, start_flow, goto, end',
    );
    expect(problems).toContain('f.yaml:7:7 nodes.ask.wait.prompt: missing; expected string');
  });

  it('rejects text that is not an i18n key, and unknown fields', () => {
    const problems = parseFlow(
      'f.yaml',
      good.replace("text: 'common:coach_no_thanks'", "text: 'Hallo!', colour: red"),
    ).problems;
    expect(problems.join('\n')).toMatch(/nodes\.done\.actions\.0\.text: an i18n key/);
    expect(problems.join('\n')).toMatch(/nodes\.done\.actions\.0: .*colour/);
  });

  it('reports YAML syntax errors with their line', () => {
    const [p] = parseFlow('f.yaml', 'id: x\nnodes: [\n').problems;
    expect(p).toMatch(/^f\.yaml:\d+:\d+ cannot be read as YAML\/JSON/);
  });

  it('checks i18n keys, domain actions, start_flow targets, duplicates and required flows', () => {
    const dir = dirWith({
      'a.yaml': good
        .replace('common:coach_no_thanks', 'common:nope')
        .replace(
          "{ type: send, text: 'common:nope' }",
          "{ type: send, text: 'common:nope' }\n      - { type: call, action: fly }\n      - { type: start_flow, flow: ghost }",
        ),
      'b.json': JSON.stringify({ id: 'demo', version: 1, start: 's', nodes: { s: {} } }),
    });
    const problems = problemsOf(() =>
      loadFlows(dir, {
        knownKey: (k) => k !== 'common:nope',
        knownActions: ['walk'],
        requiredFlows: ['menu'],
      }),
    );
    const all = problems.join('\n');
    expect(all).toMatch(/b\.json id: flow id "demo" is also used by .*a\.yaml/);
    const dir2 = dirWith({ 'a.yaml': readFileSync(join(dir, 'a.yaml'), 'utf8') });
    const p2 = problemsOf(() =>
      loadFlows(dir2, {
        knownKey: (k) => k !== 'common:nope',
        knownActions: ['walk'],
        requiredFlows: ['menu'],
      }),
    ).join('\n');
    expect(p2).toMatch(/a\.yaml nodes\.done\.actions\.0\.text: i18n key "common:nope" is missing/);
    expect(p2).toMatch(
      /a\.yaml nodes\.done\.actions\.1\.action: unknown domain action "fly" \(known: walk\)/,
    );
    expect(p2).toMatch(/a\.yaml nodes\.done\.actions\.2\.flow: flow "ghost" does not exist/);
    expect(p2).toMatch(/flow "menu" is required/);
  });

  it('keeps flows/flow.schema.json in step with the schema (npm run schema)', () => {
    const committed = JSON.parse(readFileSync(`${ROOT}flows/flow.schema.json`, 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(flowJsonSchema())));
  });
});
