import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseHoursCommand } from '../../src/cli/parse-hours.js';

const run = runCli;

const collect = async (input: string, o: { now?: string; tz?: string } = {}) => {
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  let error = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  err.on('data', (d: Buffer) => (error += d.toString()));
  const inp = new PassThrough();
  inp.end(input);
  const code = await parseHoursCommand({ ...o, input: inp, output: out, error: err });
  return { code, lines: text.trim().split('\n').filter(Boolean), error };
};

describe('parse-hours', () => {
  it('writes one JSON object per line, a bare number counting as hours', async () => {
    const r = await collect('gisteren 2u30\n3\nNaN\n\nmorgen 1 uur\n', { now: '2026-11-23T10:00:00+01:00' });
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      '{"ok":true,"minutes":150,"date":"2026-11-22"}',
      '{"ok":true,"minutes":180,"date":"2026-11-23"}',
      '{"ok":false,"reason":"no_duration"}',
      '{"ok":false,"reason":"empty"}',
      '{"ok":false,"reason":"future"}',
    ]);
  });

  it('uses the time zone for "today" and refuses bad options', async () => {
    // 23:30 UTC on the 22nd is already the 23rd in Brussels
    expect((await collect('vandaag 1u', { now: '2026-11-22T23:30:00Z' })).lines).toEqual([
      '{"ok":true,"minutes":60,"date":"2026-11-23"}',
    ]);
    expect((await collect('vandaag 1u', { now: '2026-11-22T23:30:00Z', tz: 'UTC' })).lines).toEqual([
      '{"ok":true,"minutes":60,"date":"2026-11-22"}',
    ]);
    expect((await collect('1u', { now: 'gisteren' })).code).toBe(2);
    expect((await collect('1u', { tz: 'Mars/Olympus' })).error).toMatch(/--tz must be an IANA time zone/);
  });

  it('works end to end through npm run cli', async () => {
    const r = await run(['parse-hours', '--now', '2026-11-23T10:00:00Z'], {}, 'ساعتين امس\n');
    expect(r.out).toBe('{"ok":true,"minutes":120,"date":"2026-11-22"}\n');
  }, 30_000);
});

describe('export hours and coach corrections', () => {
  it('exports every entry with its status as CSV or JSON; a coach correction is audited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-hours-'));
    await run(['chat', '--data', dir], {}, 'sara: vandaag 2 uur met Amina\nsara: 1\n');
    const json = await run(['export', 'hours', '--format', 'json'], { DATA_DIR: dir });
    const rows = json.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toMatchObject([
      {
        newcomer: 'Amina',
        gemeente: 'wetteren',
        minutes: 120,
        hours: 2,
        offer_type: 'buddy',
        status: 'confirmed',
        reported_by: 'Sara',
        confirmed_by: 'Sara',
      },
    ]);
    const csv = await run(['export', 'hours', '--gemeente', 'wetteren'], { DATA_DIR: dir });
    expect(csv.out.split('\n')[0]).toBe(
      'entry;newcomer;gemeente;date;minutes;hours;offer_type;organisation;contact;description;status;reported_by;reported_at;confirmed_by;confirmed_at',
    );
    expect(csv.out.split('\n')[1]).toMatch(
      /;Amina;wetteren;\d{4}-\d{2}-\d{2};120;2;buddy;;Sara;;confirmed;Sara;/,
    );
    expect((await run(['export', 'hours', '--gemeente', 'nergens'], { DATA_DIR: dir })).err).toBe(
      'Die gemeente ken ik niet: nergens.\n',
    );

    const entry = String(rows[0]!['entry']);
    const fixed = await run(
      ['hours', 'correct', '--entry', entry, '--coach', 'Lotte', '--hours', '1u30', '--note', 'telefoon'],
      { DATA_DIR: dir },
    );
    expect(fixed.out).toMatch(/is gecorrigeerd: 90 minuten/);
    const refused = await run(['hours', 'correct', '--entry', entry, '--coach', 'Sara', '--hours', '1'], {
      DATA_DIR: dir,
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Dat mag niet/);
    const after = await run(['export', 'hours', '--format', 'json'], { DATA_DIR: dir });
    expect(JSON.parse(after.out.trim())).toMatchObject({ minutes: 90, status: 'confirmed' });
  }, 60_000);
});
