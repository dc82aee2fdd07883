import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { ROOT } from '../../src/app.js';
import { runCli as runCliInProcess } from '../../src/cli/run.js';

/** What a CLI run ended with: the exit code and everything written on its output and error streams. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `npm run cli -- <args>` in this process (src/cli/run.ts), with `input` on its standard
 * input and `env` over this process's environment (LOG_LEVEL silent unless `env` says otherwise).
 * process.env is not touched. `start` needs a process of its own: it goes to runCliProcess.
 */
export const runCli = async (args: string[], env: Record<string, string>, input = ''): Promise<CliResult> => {
  if (args[0] === 'start') return runCliProcess(args, env, input);
  let out = '';
  let err = '';
  // Written synchronously, in order: lines from `out` and chunks streamed by `chat`/`parse-hours`.
  const stdout = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  const stdin = new PassThrough();
  stdin.end(input);
  const code = await runCliInProcess(args, {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    out: (line) => void stdout.write(`${line}\n`),
    err: (line) => void (err += `${line}\n`),
    stdin,
    stdout,
  });
  return { code, out, err };
};

/**
 * Runs the real binary: `tsx src/cli/index.ts <args>` (what `npm run cli` runs) in a child process,
 * with `input` on standard input. For what only a process shows: its exit code, start-up failures,
 * `start`. Each run costs seconds of start-up: prefer runCli.
 */
export const runCliProcess = (args: string[], env: Record<string, string>, input = ''): Promise<CliResult> =>
  new Promise((resolve) => {
    const child = execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'src/cli/index.ts'), ...args],
      { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, cwd: ROOT },
      (err, out, errOut) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out, err: errOut }),
    );
    child.stdin?.end(input);
  });

/**
 * A fresh data directory (no demo data, Dutch CLI texts, Brussels time, plus `extra` settings)
 * holding gemeente Wetteren, and `run(...args)` for the CLI over it; `person(name, role, ...more)`
 * adds someone to Wetteren. Fails the test when the set-up fails.
 */
export const wetterenCli = async (prefix: string, extra: Record<string, string> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), `nb-${prefix}-`));
  const env = {
    DATA_DIR: dir,
    DEMO_DATA: 'false',
    CLI_LANGUAGE: 'nl',
    TIMEZONE: 'Europe/Brussels',
    ...extra,
  };
  const run = (...args: string[]) => runCli(args, env);
  const ok = async (r: Promise<CliResult>) => {
    const done = await r;
    if (done.code !== 0) throw new Error(`CLI set-up failed (${done.code}): ${done.err}`);
    return done;
  };
  await ok(run('municipality', 'add', '--id', 'wetteren', '--name', 'Wetteren'));
  const person = (name: string, role: string, ...more: string[]) =>
    ok(run('person', 'add', '--name', name, '--role', role, '--gemeente', 'wetteren', ...more));
  return { dir, env, run, person };
};
