import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/app.js';

/** Runs `npm run cli -- <args>` in a child process (through tsx), with `input` on standard input. */
export const runCli = (
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<{ code: number; out: string; err: string }> =>
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
