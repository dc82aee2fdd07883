import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCodedError, type CodedError } from '../../src/core/errors.js';
import { loadCampaigns } from '../../src/flows/campaign-loader.js';
import { loadFlows } from '../../src/flows/loader.js';

const dirWith = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'campaigns-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
const campaign = (id: string) =>
  `id: ${id}\nversion: 1\nevents:\n  - { id: call, anchor: match, do: { type: task, task: call_both } }\n`;
const errorOf = (fn: () => unknown): CodedError => {
  try {
    fn();
  } catch (e) {
    if (isCodedError(e, 'FLOW_INVALID')) return e;
    throw e;
  }
  throw new Error('expected FLOW_INVALID');
};

describe('loadCampaigns', () => {
  it('loads every *.yaml / *.yml of a directory by id, and nothing else', () => {
    const dir = dirWith({
      'a.yaml': campaign('a'),
      'b.yml': campaign('b'),
      'notes.txt': 'not a campaign',
      'c.json': '{}',
    });
    expect([...loadCampaigns(dir).keys()]).toEqual(['a', 'b']);
  });

  it('stops with one FLOW_INVALID naming each broken file and each id used twice', () => {
    const dir = dirWith({
      'a.yaml': campaign('a'),
      'b.yaml': campaign('a'),
      'c.yaml': 'id: c\nversion: 1\nevents: nope\n',
    });
    const e = errorOf(() => loadCampaigns(dir));
    const problems = e.context['problems'] as string[];
    expect(problems).toEqual([
      expect.stringMatching(/b\.yaml id: campaign id "a" is used twice$/),
      expect.stringMatching(/c\.yaml:3:\d+ events: /),
    ]);
    expect(e.message).toBe(
      `Campaign definitions have problems; fix them and start again:\n  ${problems.join('\n  ')}`,
    );
  });
});

describe('loadFlows', () => {
  it('words its FLOW_INVALID for flows, a duplicate naming the file that has the id first', () => {
    const flow = 'id: demo\nversion: 1\nstart: s\nnodes:\n  s: {}\n';
    const dir = dirWith({ 'a.yaml': flow, 'b.yml': flow, 'c.schema.json': '{}' });
    const e = errorOf(() => loadFlows(dir));
    const problems = e.context['problems'] as string[];
    expect(problems).toEqual([
      expect.stringMatching(/b\.yml id: flow id "demo" is also used by \S*a\.yaml$/),
    ]);
    expect(e.message).toBe(
      `Flow definitions have problems; fix them and start again:\n  ${problems.join('\n  ')}`,
    );
  });
});
