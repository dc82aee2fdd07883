import { describe, expect, it } from 'vitest';
import { parseDate, parseDuration, parseHours, type HoursContext } from '../../src/parsing/hours/index.js';

// Monday 23 November 2026, 10:00 UTC (11:00 in Brussels).
const ctx: HoursContext = { now: new Date('2026-11-23T10:00:00Z'), timeZone: 'Europe/Brussels' };
const TODAY = '2026-11-23';

/** Durations as people type them, per language, with the minutes they mean. */
const DURATIONS: readonly (readonly [string, number])[] = [
  // nl
  ['2u', 120],
  ['2 u', 120],
  ['2 uur', 120],
  ['2uur', 120],
  ['2u30', 150],
  ['2u 30', 150],
  ['2 uur 30', 150],
  ['2,5 uur', 150],
  ['2.5h', 150],
  ['2h30', 150],
  ['anderhalf uur', 90],
  ['een half uur', 30],
  ['een half uurtje', 30],
  ['half uur', 30],
  ['een kwartier', 15],
  ['drie kwartier', 45],
  ['45 min', 45],
  ['45 minuten', 45],
  ['90 min', 90],
  ['twee uur', 120],
  ['drie uur', 180],
  ['één uur', 60],
  ['van 14u tot 16u30', 150],
  ['14:00-16:00', 120],
  ['14u-16u', 120],
  ['2 uut', 120],
  ['1 uur 15 min', 75],
  ['2 uren', 120],
  ['twee en een half uur', 150],
  // en
  ['2 hours', 120],
  ['an hour', 60],
  ['half an hour', 30],
  ['1.5 hrs', 90],
  ['90 minutes', 90],
  ['two hours', 120],
  ['3 hrs', 180],
  ['2 houres', 120],
  ['an hour and a half', 90],
  ['30 mins', 30],
  // fr
  ['2 heures', 120],
  ['2h', 120],
  ['1h30', 90],
  ['une heure et demie', 90],
  ['deux heures', 120],
  ['30 minutes', 30],
  ['une demi-heure', 30],
  ['trois heures', 180],
  // ar (also Arabic-Indic digits)
  ['ساعتين', 120],
  ['ساعة', 60],
  ['ساعة ونصف', 90],
  ['3 ساعات', 180],
  ['٣ ساعات', 180],
  ['نصف ساعة', 30],
  ['٤٥ دقيقة', 45],
  ['ساعتان', 120],
  // fa (Persian digits)
  ['۲ ساعت', 120],
  ['دو ساعت', 120],
  ['یک ساعت و نیم', 90],
  ['نیم ساعت', 30],
  ['۴۵ دقیقه', 45],
  // uk
  ['2 години', 120],
  ['дві години', 120],
  ['півтори години', 90],
  ['пів години', 30],
  ['30 хвилин', 30],
  // ru
  ['2 часа', 120],
  ['два часа', 120],
  ['полтора часа', 90],
  ['полчаса', 30],
  ['45 минут', 45],
  // tr
  ['2 saat', 120],
  ['iki saat', 120],
  ['bir buçuk saat', 90],
  ['yarım saat', 30],
  ['45 dakika', 45],
  // es
  ['2 horas', 120],
  ['dos horas', 120],
  ['una hora y media', 90],
  ['media hora', 30],
  ['45 minutos', 45],
];

/** Ways to say the day, with the date they mean on Monday 23/11/2026. */
const DAYS: readonly (readonly [string, string])[] = [
  ['vandaag', TODAY],
  ['gisteren', '2026-11-22'],
  ['eergisteren', '2026-11-21'],
  ['dinsdag', '2026-11-17'],
  ['op vrijdag', '2026-11-20'],
  ['vorige week maandag', '2026-11-16'],
  ['12/11', '2026-11-12'],
  ['12-11-2026', '2026-11-12'],
  ['12 november', '2026-11-12'],
  ['yesterday', '2026-11-22'],
  ['today', TODAY],
  ['last tuesday', '2026-11-17'],
  ['hier', '2026-11-22'],
  ["aujourd'hui", TODAY],
  ['mardi', '2026-11-17'],
  ['17 novembre', '2026-11-17'],
  ['امس', '2026-11-22'],
  ['أمس', '2026-11-22'],
  ['اليوم', TODAY],
  ['الثلاثاء', '2026-11-17'],
  ['دیروز', '2026-11-22'],
  ['вчора', '2026-11-22'],
  ['вчера', '2026-11-22'],
  ['сегодня', TODAY],
  ['dün', '2026-11-22'],
  ['bugün', TODAY],
  ['ayer', '2026-11-22'],
  ['hoy', TODAY],
  ['November 12', '2026-11-12'],
  ['zaterdag', '2026-11-21'],
];

describe('parseHours: every duration form alone (date = today)', () => {
  it.each(DURATIONS)('%s -> %i min', (text, minutes) => {
    expect(parseHours(text, ctx)).toMatchObject({ ok: true, minutes, date: TODAY, dateGiven: false });
  });
});

describe('parseHours: durations with a day, in either order', () => {
  // Pair every day with durations of several languages (more than 200 cases in all).
  const pairs = DAYS.flatMap(([day, date], i) =>
    [0, 7, 14, 29, 36, 46, 54, 62].map((k) => {
      const [dur, minutes] = DURATIONS[(i + k) % DURATIONS.length]!;
      return [i % 2 ? `${dur} ${day}` : `${day} ${dur}`, minutes, date] as const;
    }),
  );
  it('has enough cases', () => expect(pairs.length).toBeGreaterThanOrEqual(200));
  it.each(pairs)('%s -> %i min on %s', (text, minutes, date) => {
    expect(parseHours(text, ctx)).toMatchObject({ ok: true, minutes, date, dateGiven: true });
  });
});

describe('parseHours: what else it reads', () => {
  it('reads the activity and the person it was with', () => {
    expect(parseHours('vandaag 2 uur met Amina naar de bib', ctx)).toMatchObject({
      ok: true,
      minutes: 120,
      activity: 'bib',
      withName: 'Amina',
    });
    expect(parseHours('gisteren 3u kringwinkel', ctx)).toMatchObject({
      minutes: 180,
      date: '2026-11-22',
      activity: 'kringwinkel',
    });
    expect(parseHours('2 hours yesterday', ctx)).toMatchObject({
      minutes: 120,
      date: '2026-11-22',
      activity: null,
    });
    expect(parseHours('ساعتين امس', ctx)).toMatchObject({ minutes: 120, date: '2026-11-22' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['menu', 'no_duration'],
    ['hallo!', 'no_duration'],
    ['NaN', 'no_duration'],
    ['1e3', 'no_duration'],
    ['Infinity', 'no_duration'],
    ['😀😀😀', 'empty'],
    ['3', 'no_duration'],
    ['0 uur', 'implausible'],
    ['30 uur', 'implausible'],
    ['morgen 2 uur', 'future'],
    ['2 uur op 28/11', 'future'],
    ['tomorrow 2 hours', 'future'],
    ['31/02 2 uur', 'invalid_date'],
    ['32/13 2 uur', 'invalid_date'],
    ['x'.repeat(10_000), 'too_long'],
    ['2 uur ' + 'bla '.repeat(300), 'too_long'],
    ["'; DROP TABLE ledger; --", 'no_duration'],
    ['\u0000\u0001 2', 'no_duration'],
  ])('%j -> %s', (text, reason) => {
    expect(parseHours(text, ctx)).toMatchObject({ ok: false, reason });
  });

  it('is not fooled by HTML, bidi marks or control characters around a real report', () => {
    expect(parseHours('<script>alert(1)</script> 2 uur', ctx)).toMatchObject({ ok: true, minutes: 120 });
    expect(parseHours('\u200fساعتين\u200f امس', ctx)).toMatchObject({
      ok: true,
      minutes: 120,
      date: '2026-11-22',
    });
    expect(parseHours('2\u0000 uur', ctx)).toMatchObject({ ok: true, minutes: 120 });
    expect(parseHours('-2 uur', ctx)).toMatchObject({ ok: true, minutes: 120 });
  });

  it('counts a bare number as hours only when asked', () => {
    expect(parseHours('2', ctx)).toMatchObject({ ok: false, reason: 'no_duration' });
    expect(parseHours('2', { ...ctx, bareNumberIsHours: true })).toMatchObject({ ok: true, minutes: 120 });
    expect(parseHours('1,5', { ...ctx, bareNumberIsHours: true })).toMatchObject({ ok: true, minutes: 90 });
    expect(parseDuration('٢', { bareNumberIsHours: true })).toBe(120);
    expect(parseDuration('2')).toBeNull();
  });

  it('reads days alone', () => {
    expect(parseDate('dinsdag', ctx)).toEqual({ date: '2026-11-17', given: true });
    expect(parseDate('iets', ctx)).toEqual({ date: TODAY, given: false });
    expect(parseDate('morgen', ctx)).toEqual({ reason: 'future' });
    expect(parseDate('30/02', ctx)).toEqual({ reason: 'invalid_date' });
    // in the last days of December, 28/12 typed in January means last year
    expect(parseDate('28/12', { ...ctx, now: new Date('2027-01-03T10:00:00Z') })).toEqual({
      date: '2026-12-28',
      given: true,
    });
  });

  it('never throws and always answers with a known shape, whatever the input', () => {
    const reasons = new Set(['empty', 'too_long', 'no_duration', 'implausible', 'future', 'invalid_date']);
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = '0123456789 uhmin:/-.,;\'"<>&ساعةдвагодинuurtotvangisteren😀\u200f\u0000\n\t½';
    for (let i = 0; i < 3000; i++) {
      const s = Array.from(
        { length: Math.floor(rnd() * 40) },
        () => alphabet[Math.floor(rnd() * alphabet.length)],
      ).join('');
      const r = parseHours(s, ctx);
      if (r.ok) {
        expect(r.minutes).toBeGreaterThan(0);
        expect(r.minutes).toBeLessThanOrEqual(24 * 60);
        expect(r.date <= TODAY).toBe(true);
      } else expect(reasons.has(r.reason)).toBe(true);
    }
  });
});
