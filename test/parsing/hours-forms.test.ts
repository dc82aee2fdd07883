import { describe, expect, it } from 'vitest';
import { parseDate, parseDuration, parseHours, type HoursContext } from '../../src/parsing/hours/index.js';
import { MORE_DAYS, REFUSED, REPORTS } from './cases.js';
import { MORE_DURATIONS } from './cases-durations.js';

// Monday 23 November 2026, 10:00 UTC (11:00 in Brussels).
const ctx: HoursContext = { now: new Date('2026-11-23T10:00:00Z'), timeZone: 'Europe/Brussels' };
// Thursday 26 November 2026: "dinsdag" and "vorige week dinsdag" differ.
const thursday: HoursContext = { ...ctx, now: new Date('2026-11-26T10:00:00Z') };

describe('every promised duration form, per language', () => {
  it.each(MORE_DURATIONS)('%s -> %i min', (text, minutes) => {
    expect(parseHours(text, ctx)).toMatchObject({ ok: true, minutes, date: '2026-11-23', dateGiven: false });
    expect(parseDuration(text)).toBe(minutes);
  });
});

describe('every promised way to say the day, per language', () => {
  it.each(MORE_DAYS)('%s -> %s', (text, date) => {
    expect(parseDate(text, ctx)).toEqual({ date, given: true });
    expect(parseHours(`${text} 2 uur`, ctx)).toMatchObject({ ok: true, minutes: 120, date, dateGiven: true });
  });
});

describe('reports: duration, day, activity and name together', () => {
  it.each(REPORTS)('%s', (text, expected) => {
    expect(parseHours(text, ctx)).toMatchObject({ ok: true, ...expected });
  });
});

describe('refusals say why', () => {
  it.each(REFUSED)('%j -> %s', (text, reason) => {
    expect(parseHours(text, ctx)).toMatchObject({ ok: false, reason });
  });
});

describe('weekdays and "last week"', () => {
  it.each([
    ['dinsdag', '2026-11-24'],
    ['vorige week dinsdag', '2026-11-17'],
    ['dinsdag vorige week', '2026-11-17'],
    ['vorige dinsdag', '2026-11-17'],
    ['last tuesday', '2026-11-17'],
    ['tuesday last week', '2026-11-17'],
    ['mardi dernier', '2026-11-24'],
    ['donderdag', '2026-11-26'],
    ['vorige week donderdag', '2026-11-19'],
    ['vorige week zondag', '2026-11-22'],
    ['سه شنبه هفته پیش', '2026-11-17'],
    ['geçen hafta salı', '2026-11-17'],
    ['la semana pasada el martes', '2026-11-17'],
    ['в прошлый вторник', '2026-11-17'],
  ])('on Thursday 26/11, %s -> %s', (text, date) => {
    expect(parseDate(text, thursday)).toEqual({ date, given: true });
  });
});

describe('dates depend on the time zone and the year', () => {
  it('takes "today" in the given time zone', () => {
    const lateSunday = new Date('2026-11-22T23:30:00Z'); // already Monday in Brussels
    expect(parseDate('vandaag', { now: lateSunday, timeZone: 'Europe/Brussels' })).toEqual({
      date: '2026-11-23',
      given: true,
    });
    expect(parseDate('vandaag', { now: lateSunday, timeZone: 'UTC' })).toEqual({
      date: '2026-11-22',
      given: true,
    });
    expect(parseHours('gisteren 1u', { now: lateSunday, timeZone: 'Asia/Kabul' })).toMatchObject({
      date: '2026-11-22',
    });
  });

  it('crosses summer time and the new year', () => {
    const march = { now: new Date('2026-03-30T00:30:00Z'), timeZone: 'Europe/Brussels' }; // Monday 02:30 CEST
    expect(parseDate('gisteren', march)).toEqual({ date: '2026-03-29', given: true });
    expect(parseDate('zaterdag', march)).toEqual({ date: '2026-03-28', given: true });
    const january = { now: new Date('2027-01-02T10:00:00Z'), timeZone: 'Europe/Brussels' };
    expect(parseDate('eergisteren', january)).toEqual({ date: '2026-12-31', given: true });
    expect(parseDate('28/12', january)).toEqual({ date: '2026-12-28', given: true });
    expect(parseDate('1/1', january)).toEqual({ date: '2027-01-01', given: true });
    // more than two months ahead is last year's; less is a slip, refused
    expect(parseDate('15/03', january)).toEqual({ date: '2026-03-15', given: true });
    expect(parseDate('15/02', january)).toEqual({ reason: 'future' });
  });

  it('finds the most recent 29 February', () => {
    expect(parseDate('29/02', ctx)).toEqual({ date: '2024-02-29', given: true });
    expect(parseDate('29/02/2024', ctx)).toEqual({ date: '2024-02-29', given: true });
  });

  it('says today, not given, when the text names no day', () => {
    expect(parseDate('2 uur bib', ctx)).toEqual({ date: '2026-11-23', given: false });
    expect(parseDate('x'.repeat(1001), ctx)).toEqual({ reason: 'invalid_date' });
  });
});

describe('parseDuration', () => {
  it('returns what it read, leaving plausibility to the caller', () => {
    expect(parseDuration('25 uur')).toBe(1500);
    expect(parseDuration('0 min')).toBe(0);
    expect(parseDuration('bib')).toBeNull();
    expect(parseDuration('gisteren 12/11')).toBeNull();
    expect(parseDuration('x'.repeat(1001))).toBeNull();
  });

  it('counts a bare number as hours only when asked', () => {
    expect(parseDuration('1,5', { bareNumberIsHours: true })).toBe(90);
    expect(parseDuration('۲', { bareNumberIsHours: true })).toBe(120);
    expect(parseDuration('twee', { bareNumberIsHours: true })).toBe(120);
    expect(parseDuration('anderhalf', { bareNumberIsHours: true })).toBe(90);
    expect(parseDuration('2.', { bareNumberIsHours: true })).toBe(120);
    expect(parseDuration('1e3', { bareNumberIsHours: true })).toBeNull();
    expect(parseDuration('2 kinderen', { bareNumberIsHours: true })).toBeNull();
    expect(parseDuration('a', { bareNumberIsHours: true })).toBeNull();
    expect(parseHours('gisteren 3', { ...ctx, bareNumberIsHours: true })).toMatchObject({
      ok: true,
      minutes: 180,
      date: '2026-11-22',
    });
  });

  it('takes the first duration when a message has several', () => {
    expect(parseDuration('2 uur bib en 1 uur taalcafé')).toBe(120);
    expect(parseDuration('2u30 (van 14u tot 16u30)')).toBe(150);
  });
});
