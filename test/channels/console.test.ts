import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleChannel, parseScriptLine, toInbound } from '../../src/channels/console/index.js';
import type { Inbound } from '../../src/core/messages.js';

describe('console channel', () => {
  it('reads script lines and commands', () => {
    expect(parseScriptLine('Amina: 2 uur')).toEqual({ user: 'amina', text: '2 uur' });
    expect(parseScriptLine('  # comment')).toBeNull();
    expect(parseScriptLine('')).toBeNull();
    const at = new Date('2026-11-23T09:00:00Z');
    expect(toInbound('amina', '/start K7QP-2MXA', 'c1', at)).toMatchObject({
      kind: 'command',
      command: 'start',
      args: 'K7QP-2MXA',
    });
    expect(toInbound('amina', 'hallo', 'c2', at)).toMatchObject({
      kind: 'text',
      text: 'hallo',
      address: { channel: 'console', user: 'amina' },
    });
  });

  it('handles each line before the next, writes replies with numbered choices and RTL marks, ends with the input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d: Buffer) => (printed += d.toString()));
    const ch = createConsoleChannel({
      input,
      output,
      mode: 'script',
      now: () => new Date('2026-11-23T09:00:00Z'),
    });
    const got: string[] = [];
    await ch.start(async (m: Inbound) => {
      got.push(m.kind === 'text' ? m.text : m.kind);
      await ch.send(m.address, {
        text: `echo ${got.length}`,
        choices: [{ value: 'y', label: 'نعم' }],
        direction: 'rtl',
      });
    });
    input.end('amina: een\nsara: twee\n');
    await ch.done;
    expect(got).toEqual(['een', 'twee']);
    expect(printed).toBe('-> amina: \u200fecho 1\n   \u200f1. نعم\n-> sara: \u200fecho 2\n   \u200f1. نعم\n');
  });
});
