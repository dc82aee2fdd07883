import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const run = runCli;

describe('command line', () => {
  it('adds a gemeente and a person, and the printed code works in a scripted chat that survives restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-cli-'));
    const env = { DATA_DIR: dir, DEMO_DATA: 'false' };
    expect((await run(['municipality', 'add', '--id', 'gent', '--name', 'Gent'], env)).out).toBe(
      'Gemeente Gent is toegevoegd (id: gent).\n',
    );
    const added = await run(
      ['person', 'add', '--name', 'Nour', '--role', 'newcomer', '--gemeente', 'gent'],
      env,
    );
    expect(added.code).toBe(0);
    const code = /Code: (\w{4}-\w{4})/.exec(added.out)?.[1];
    expect(code).toBeDefined();
    expect(added.out).toMatch(/De code is 14 dagen geldig, tot/);

    const first = await run(['chat', '--data', dir], {}, `nour: hallo\nnour: ${code}\nnour: 1\n`);
    expect(first.code).toBe(0);
    const replies = first.out.split('\n').filter((l) => l.startsWith('-> '));
    expect(replies[0]).toMatch(/^-> nour: Hallo! Dit is Netwerkbot/);
    expect(replies[1]).toBe('-> nour: Hallo Nour! 👋 Welke taal wil je? Stuur een cijfer.');
    expect(first.out).toContain('   1. Nederlands');
    expect(replies.at(-1)).toBe('-> nour: Ga je akkoord? Stuur een cijfer.');

    // a second process continues the same conversation from the file store
    const second = await run(['chat', '--data', dir], {}, 'nour: 1\n');
    expect(second.out.split('\n')[0]).toBe('-> nour: Dank je! Welkom bij Netwerkbot. 🎉');

    const again = await run(['person', 'invite', '--person', 'nour'], env);
    expect(again.out).toMatch(/^Nieuwe code voor Nour\.\nCode: \w{4}-\w{4}\n/);
    expect((await run(['person', 'invite', '--person', 'niemand'], env)).err).toBe(
      'Die persoon ken ik niet: niemand.\n',
    );
  }, 60_000);

  it('explains bad options and bad rows without storing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-cli-'));
    const r = await run(['person', 'add', '--name', 'X', '--role', 'chef', '--gemeente', 'nergens'], {
      DATA_DIR: dir,
      DEMO_DATA: 'false',
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('Deze persoon is niet toegevoegd. Verbeter dit:');
    expect(r.err).toMatch(/• role: /);
    const bad = await run(['frobnicate'], { DATA_DIR: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Die opdracht ken ik niet: frobnicate.');
  }, 60_000);

  it('refuses a corrupt database with a clear message and leaves the file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-cli-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'snapshot.jsonl'), '{"format":"netwerkbot-snap');
    const r = await run(['chat', '--data', dir], {}, 'x: hallo\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/STORE_CORRUPT: .*snapshot\.jsonl/);
    expect(readFileSync(join(dir, 'snapshot.jsonl'), 'utf8')).toBe('{"format":"netwerkbot-snap');
  }, 60_000);

  it('stops on a bad configuration value with the variable and the fix', async () => {
    const r = await run(['chat'], { INVITE_TTL_DAYS: '500' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /CONFIG_INVALID: Configuration problems:\n {2}INVITE_TTL_DAYS="500": .*Fix it in \.env/,
    );
  }, 60_000);
});
