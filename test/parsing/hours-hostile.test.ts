import { describe, expect, it } from 'vitest';
import { parseDate, parseDuration, parseHours, type HoursContext } from '../../src/parsing/hours/index.js';

const ctx: HoursContext = { now: new Date('2026-11-23T10:00:00Z'), timeZone: 'Europe/Brussels' };
const REASONS = new Set(['empty', 'too_long', 'no_duration', 'implausible', 'future', 'invalid_date']);

/** What every answer must look like, whatever came in. */
const checkShape = (text: string, o: HoursContext = ctx) => {
  const r = parseHours(text, o);
  if (r.ok) {
    expect(Number.isInteger(r.minutes) && r.minutes > 0 && r.minutes <= 24 * 60).toBe(true);
    expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.date <= '2026-11-23').toBe(true);
    if (r.activity !== null) expect(Array.from(r.activity).length).toBeLessThanOrEqual(60);
    expect(r.activity === null || r.activity.trim() === r.activity).toBe(true);
  } else {
    expect(REASONS.has(r.reason)).toBe(true);
    if (r.minutes !== undefined) expect(Number.isFinite(r.minutes)).toBe(true);
  }
  const d = parseDuration(text, { bareNumberIsHours: true });
  expect(d === null || Number.isFinite(d)).toBe(true);
  const day = parseDate(text, o);
  expect('date' in day ? /^\d{4}-\d{2}-\d{2}$/.test(day.date) : REASONS.has(day.reason)).toBe(true);
  return r;
};

describe('hostile input', () => {
  it.each([
    ['NaN', 'no_duration'],
    ['NaN uur', 'no_duration'],
    ['1e3', 'no_duration'],
    ['Infinity', 'no_duration'],
    ['Infinity hours', 'no_duration'],
    ['x'.repeat(10_000), 'too_long'],
    ['2 uur '.repeat(2000), 'too_long'],
    ['😀', 'empty'],
    ['🕑🕑', 'empty'],
    ["Robert'); DROP TABLE ledger;--", 'no_duration'],
    ['1 OR 1=1', 'no_duration'],
    ['\u0000\u0000\u0000', 'empty'],
    ['{"ok":true,"minutes":60}', 'no_duration'],
    ['../../etc/passwd', 'no_duration'],
    ['%s%s%n', 'no_duration'],
    ['\ud800\udfff\ud800', 'empty'],
  ])('%j -> %s', (text, reason) => {
    expect(checkShape(text)).toMatchObject({ ok: false, reason });
  });

  it.each([
    ['<script>alert(1)</script> 2 uur', 120],
    ['2\u0000 uur', 120],
    ['2 u\u0000ur', 120],
    ['\u202e2 uur\u202c', 120],
    ['\u200fساعتين\u200f امس', 120],
    ['\u2066٣ ساعات\u2069', 180],
    ['-2 uur', 120],
    ['— 2 uur', 120],
    ['2\u00a0uur', 120],
    ['2\u200buur', 120],
    ['２ uur', null],
    ['ＵＵＲ 2', null],
  ])('%j -> %s min', (text, minutes) => {
    const r = checkShape(text);
    if (minutes === null) expect(r.ok).toBe(false);
    else expect(r).toMatchObject({ ok: true, minutes });
  });

  it('keeps HTML and quotes in the activity as plain words, never markup', () => {
    const r = parseHours('2 uur <img src=x onerror=alert(1)> "bib"', ctx);
    expect(r).toMatchObject({ ok: true, minutes: 120 });
    expect(r.ok && r.activity).not.toMatch(/[<>"=()]/);
  });
});

/** A small seeded generator, so a failure can be replayed. */
const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

const FRAGMENTS = [
  ...'0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ :/-.,\'’()<>"&;!?\t\n\u0000\u200f\u200e\u200c\u202e😀👍🏽\ud800'.split(''),
  ...'uur|u|h|min|uurtje|kwartier|half|anderhalf|een|twee|en|van|tot|om|met|gisteren|vandaag|morgen|di|do'.split(
    '|',
  ),
  ...'hours|hour|an|and|a|from|to|pm|am|yesterday|last|tuesday|heure|heures|et|demie|hier|mardi|novembre'.split(
    '|',
  ),
  ...'ساعة|ساعتين|ونصف|نصف|دقيقة|امس|مع|ساعت|نیم|و|دیروز|سه|شنبه|години|пів|з|вчора|часа|полчаса|с|до'.split(
    '|',
  ),
  ...'saat|buçuk|yarım|dün|ile|horas|hora|y|media|ayer|con|november|nov|12|11|2026|31|02|14|16|30|99999'.split(
    '|',
  ),
];

describe('any string', () => {
  it('never throws and always answers ok or a known reason (8000 random strings)', () => {
    const next = rng(20261123);
    for (let i = 0; i < 8000; i++) {
      const parts = Math.floor(next() * 24);
      let text = '';
      for (let k = 0; k < parts; k++) {
        text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
        if (next() < 0.6) text += ' ';
      }
      checkShape(text);
      checkShape(text, { ...ctx, bareNumberIsHours: true });
    }
  });

  it('reads long adversarial lines up to the limit without stalling', () => {
    const long = [
      '1' + ' '.repeat(998) + 'x',
      '1 '.repeat(499) + 'u',
      '1:'.repeat(500),
      '1-'.repeat(500),
      '1/'.repeat(500),
      '1u'.repeat(500),
      '٢'.repeat(1000),
      'een '.repeat(250),
      'van 1 tot '.repeat(100),
      'ساعة و'.repeat(166),
      'a'.repeat(1000),
      '9'.repeat(1000),
      '- '.repeat(500),
      "'".repeat(1000),
      'vorige week '.repeat(83),
    ];
    for (const text of long) {
      expect(text.length).toBeLessThanOrEqual(1000);
      checkShape(text);
    }
  });

  it('refuses more than 1000 characters before reading them', () => {
    expect(parseHours('2 uur ' + ' '.repeat(995), ctx)).toMatchObject({ ok: false, reason: 'too_long' });
    expect(parseHours('2 uur ' + ' '.repeat(994), ctx)).toMatchObject({ ok: true, minutes: 120 });
  });
});
