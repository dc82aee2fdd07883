import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/app.js';

describe('npm start without tokens', () => {
  it('serves the simulator next to the console and prints its address; /quit closes it', async () => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/main.ts')], {
      env: { ...process.env, LOG_LEVEL: 'silent', STORE: 'memory', WEB_PORT: '0' },
      cwd: ROOT,
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    try {
      const end = Date.now() + 20_000;
      while (!/Simulator en dashboard: (http:\/\/127\.0\.0\.1:\d+)/.test(out) && Date.now() < end)
        await new Promise((r) => setTimeout(r, 50));
      const url = /Simulator en dashboard: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('aria-label="Bericht van Amina"');
      child.stdin.write('/quit\n');
      expect(await exited).toBe(0);
      await expect(fetch(`${url}/`)).rejects.toThrow();
    } finally {
      child.kill();
    }
  }, 40_000);
});
