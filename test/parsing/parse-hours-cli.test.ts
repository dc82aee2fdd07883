import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/app.js';
import { parseHoursCommand } from '../../src/cli/parse-hours.js';

const NOW = '2026-11-23T10:00:00Z';

/** Runs the command over in-memory streams. */
const run = async (input: string, o: { now?: string; tz?: string } = { now: NOW }) => {
  const [inp, out, err] = [new PassThrough(), new PassThrough(), new PassThrough()];
  let text = '';
  let error = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  err.on('data', (d: Buffer) => (error += d.toString()));
  inp.end(input);
  const code = await parseHoursCommand({ ...o, input: inp, output: out, error: err });
  return { code, text, error };
};

describe('parse-hours command', () => {
  it('answers each line with one JSON object, exactly these keys in this order', async () => {
    const r = await run(
      [
        'vandaag 2 uur met Amina naar de bib',
        'gisteren 3u kringwinkel',
        '2 hours yesterday',
        'ساعتين امس',
        '',
        '2',
        'dinsdag 2u30',
        'van 14u tot 16u30',
        'hallo',
        'morgen 1 uur',
        '31/02 1u',
        '30 uur',
        'x'.repeat(1001),
      ].join('\n'),
    );
    expect(r.code).toBe(0);
    expect(r.error).toBe('');
    expect(r.text).toBe(
      [
        '{"ok":true,"minutes":120,"date":"2026-11-23"}',
        '{"ok":true,"minutes":180,"date":"2026-11-22"}',
        '{"ok":true,"minutes":120,"date":"2026-11-22"}',
        '{"ok":true,"minutes":120,"date":"2026-11-22"}',
        '{"ok":false,"reason":"empty"}',
        '{"ok":true,"minutes":120,"date":"2026-11-23"}',
        '{"ok":true,"minutes":150,"date":"2026-11-17"}',
        '{"ok":true,"minutes":150,"date":"2026-11-23"}',
        '{"ok":false,"reason":"no_duration"}',
        '{"ok":false,"reason":"future"}',
        '{"ok":false,"reason":"invalid_date"}',
        '{"ok":false,"reason":"implausible"}',
        '{"ok":false,"reason":"too_long"}',
        '',
      ].join('\n'),
    );
  });

  it('reads Windows line ends and a last line without one', async () => {
    const r = await run('2u\r\n\r\n3u');
    expect(r.text.split('\n')).toEqual([
      '{"ok":true,"minutes":120,"date":"2026-11-23"}',
      '{"ok":false,"reason":"empty"}',
      '{"ok":true,"minutes":180,"date":"2026-11-23"}',
      '',
    ]);
  });

  it('answers a line as soon as it arrives', async () => {
    const [inp, out] = [new PassThrough(), new PassThrough()];
    const done = parseHoursCommand({ now: NOW, input: inp, output: out, error: new PassThrough() });
    inp.write('1u\n');
    const [first] = (await once(out, 'data')) as [Buffer];
    expect(first.toString()).toBe('{"ok":true,"minutes":60,"date":"2026-11-23"}\n');
    inp.end();
    expect(await done).toBe(0);
  });

  it('uses --tz for "today"', async () => {
    const late = '2026-11-22T23:30:00Z';
    expect((await run('vandaag 1u', { now: late })).text).toBe(
      '{"ok":true,"minutes":60,"date":"2026-11-23"}\n',
    );
    expect((await run('vandaag 1u', { now: late, tz: 'UTC' })).text).toBe(
      '{"ok":true,"minutes":60,"date":"2026-11-22"}\n',
    );
  });

  it.each([
    [{ now: 'gisteren' }, /^--now must be an ISO-8601 time/],
    [{ now: '2026-13-45T10:00:00Z' }, /^--now must be an ISO-8601 time/],
    [{ now: '23/11/2026' }, /^--now must be an ISO-8601 time/],
    [{ now: NOW, tz: 'Mars/Olympus' }, /^--tz must be an IANA time zone/],
    [{ now: NOW, tz: '' }, /^--tz must be an IANA time zone/],
  ])('refuses %j with one line and exit code 2', async (o, message) => {
    const r = await run('2u\n', o);
    expect(r.code).toBe(2);
    expect(r.text).toBe('');
    expect(r.error).toMatch(message);
    expect(r.error.trim().split('\n')).toHaveLength(1);
  });

  it('works end to end: npm run cli -- parse-hours --now ...', async () => {
    const child = execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'src/cli/index.ts'), 'parse-hours', '--now', NOW, '--tz', 'Europe/Brussels'],
      { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } },
    );
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stdin?.end('gisteren 2u30\n\n۲ ساعت دیروز\nbla\n');
    const [code] = (await once(child, 'close')) as [number];
    expect(code).toBe(0);
    expect(stdout).toBe(
      '{"ok":true,"minutes":150,"date":"2026-11-22"}\n' +
        '{"ok":false,"reason":"empty"}\n' +
        '{"ok":true,"minutes":120,"date":"2026-11-22"}\n' +
        '{"ok":false,"reason":"no_duration"}\n',
    );
  }, 30_000);
});
