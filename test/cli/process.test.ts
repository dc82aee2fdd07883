import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/app.js';
import { runCli as runInProcess } from '../../src/cli/run.js';
import { runCli, runCliProcess } from '../helpers/cli.js';

/** `npm run --silent cli -- <args>`: the real binary, as a coach types it. */
const npmRunCli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'cli', '--', ...args],
      { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, cwd: ROOT },
      (err, out, errOut) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out, err: errOut }),
    );
  });

describe('the CLI binary (child processes: few on purpose)', () => {
  it('npm run cli adds a gemeente end to end, and the next run finds it', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'nb-cli-proc-')), DEMO_DATA: 'false' };
    const r = await npmRunCli(['municipality', 'add', '--id', 'gent', '--name', 'Gent'], env);
    expect(r).toEqual({ code: 0, out: 'Gemeente Gent is toegevoegd (id: gent).\n', err: '' });
    // The lock of the finished process is gone: an in-process run opens the same store.
    const again = await runCli(['municipality', 'add', '--id', 'gent', '--name', 'Gent'], env);
    expect(again).toEqual({ code: 1, out: '', err: 'Gemeente gent bestaat al.\n' });
  }, 60_000);

  it('exits 1 on a bad configuration and 2 on an unknown command, with the text runCli gives', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'nb-cli-proc-')), INVITE_TTL_DAYS: '500' };
    const bad = await runCliProcess(['person', 'invite', '--person', 'x'], env);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^\nCONFIG_INVALID: Configuration problems:\n {2}INVITE_TTL_DAYS="500"/);
    expect(await runCli(['person', 'invite', '--person', 'x'], env)).toEqual(bad);

    const unknown = await runCliProcess(['frobnicate'], { DATA_DIR: env.DATA_DIR });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Die opdracht ken ik niet: frobnicate.');
    expect(await runCli(['frobnicate'], { DATA_DIR: env.DATA_DIR })).toEqual(unknown);
  }, 60_000);
});

describe('runCli in-process', () => {
  it('leaves no process state behind: listeners, exit code, timers, store locks', async () => {
    const events = ['exit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection'] as const;
    const listeners = () => events.map((e) => process.listenerCount(e));
    // The test's own timeout timer may be among them: no more after than before.
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = { listeners: listeners(), exitCode: process.exitCode, timers: timers() };
    const dir = mkdtempSync(join(tmpdir(), 'nb-cli-leak-'));
    const chat = await runCli(['chat', '--data', dir], {}, 'amina: hallo\nlotte: /netwerkbot help\n');
    expect(chat.code).toBe(0);
    expect(chat.out).toMatch(/^-> amina: /m);
    const hours = await runCli(['parse-hours', '--now', '2026-11-23T10:00:00Z'], {}, '2u\n');
    expect(hours.out).toBe('{"ok":true,"minutes":120,"date":"2026-11-23"}\n');
    expect((await runCli(['parse-hours', '--tz', 'Mars/Olympus'], {}, '2u\n')).code).toBe(2);
    // The chat closed and unlocked the store: the next run opens it again.
    expect((await runCli(['export', 'hours', '--data', dir], {})).code).toBe(0);
    expect({ listeners: listeners(), exitCode: process.exitCode }).toEqual({
      listeners: before.listeners,
      exitCode: before.exitCode,
    });
    expect(timers()).toBeLessThanOrEqual(before.timers);
  }, 60_000);

  it('logs on the error lines of the run, not on the standard error of the test process', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'nb-cli-log-')), DEMO_DATA: 'false' };
    const r = await runCli(['municipality', 'add', '--id', 'gent', '--name', 'Gent'], {
      ...env,
      LOG_LEVEL: 'debug',
    });
    expect(r.code).toBe(0);
    const logs = r.err
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string });
    expect(logs.map((l) => l.msg)).toContain('store: store.open');
  });

  it('refuses start (it needs its own process) with exit 1 and says how to run it', async () => {
    let err = '';
    const code = await runInProcess(['start'], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      out: () => {},
      err: (line) => void (err += `${line}\n`),
      stdin: new PassThrough(),
      stdout: new PassThrough(),
    });
    expect(code).toBe(1);
    expect(err).toContain('npm run cli -- start');
  });
});
