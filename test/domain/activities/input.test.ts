import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_PROBLEM_CODES,
  activityInputSchema,
  canonicalField,
  localToUtc,
  parseActivityInput,
  parseCalendarDate,
  parseClockTime,
  parsePrice,
  parseTags,
  parseYesNo,
  type RawActivityInput,
} from '../../../src/domain/activities/index.js';
import { validInput } from './world.js';

const opts = { timeZone: 'Europe/Brussels', languages: ['nl', 'en', 'fr', 'ar', 'uk', 'ru', 'tr', 'fa'] };

const parse = (over: RawActivityInput) => parseActivityInput(validInput(over), opts);
const codes = (over: RawActivityInput) => {
  const r = parse(over);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
};

describe('activity input: one field at a time', () => {
  it('reads a complete input into UTC instants, cents, tags and criteria', () => {
    const r = parse({ tags: 'kinderen, rolstoel', image: 'https://example.org/a.jpg', contact: 'Jan' });
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        title: 'Taalcafé in de bib',
        startsAt: '2026-12-02T13:00:00.000Z',
        endsAt: '2026-12-02T15:00:00.000Z',
        gemeenten: ['wetteren'],
        priceCents: 0,
        contact: 'Jan',
        imageUrl: 'https://example.org/a.jpg',
        tags: ['children_welcome', 'wheelchair'],
        translations: {},
        criteria: { free: true, dutchContext: true, accessibleOrganisation: true },
      }),
    });
  });

  it('reports every problem at once, each with its field', () => {
    expect(codes({ title: '', date: '31/02/2026', price: 'duur', free: 'misschien' })).toEqual([
      'title:required',
      'date:bad_date',
      'price:bad_price',
      'free:bad_answer',
    ]);
    const r = parseActivityInput({}, opts);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => p.field)).toEqual([
        'title',
        'description',
        'date',
        'start',
        'end',
        'place',
        'address',
        'gemeente',
        'price',
        'organiser',
        'free',
        'dutch_context',
        'accessible_organisation',
      ]);
  });

  it('keeps title within 1-80 and description within 1-400 characters', () => {
    expect(codes({ title: 'x'.repeat(80) })).toEqual([]);
    expect(codes({ title: 'x'.repeat(81) })).toEqual(['title:too_long']);
    expect(codes({ title: '   ' })).toEqual(['title:required']);
    expect(codes({ description: 'y'.repeat(400) })).toEqual([]);
    const r = parse({ description: 'y'.repeat(401) });
    expect(r.ok ? null : r.problems[0]).toMatchObject({
      field: 'description',
      code: 'too_long',
      params: { max: 400, length: 401 },
      message: '401 characters, at most 400',
    });
    const spaced = parse({ title: '  Koken   samen ' });
    expect(spaced.ok && spaced.value.title).toBe('Koken samen');
  });

  it('reads dates as YYYY-MM-DD or DD/MM/YYYY and refuses impossible ones', () => {
    expect(parseCalendarDate('2026-12-02')).toBe('2026-12-02');
    expect(parseCalendarDate('02/12/2026')).toBe('2026-12-02');
    expect(parseCalendarDate('2/12/2026')).toBe('2026-12-02');
    expect(parseCalendarDate('29/02/2028')).toBe('2028-02-29');
    expect(parseCalendarDate('29/02/2027')).toBeNull();
    expect(parseCalendarDate('2026-13-01')).toBeNull();
    expect(parseCalendarDate('12/02/26')).toBeNull();
    expect(parseCalendarDate('morgen')).toBeNull();
  });

  it('reads times as HH:MM (and 9:00, 14.30, 14u, 14u30) and refuses 24:00 and 14:60', () => {
    expect(parseClockTime('14:00')).toBe('14:00');
    expect(parseClockTime('9:05')).toBe('09:05');
    expect(parseClockTime('14.30')).toBe('14:30');
    expect(parseClockTime('14u')).toBe('14:00');
    expect(parseClockTime('14u30')).toBe('14:30');
    expect(parseClockTime('23:59')).toBe('23:59');
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('14:60')).toBeNull();
    expect(parseClockTime('14')).toBeNull();
    expect(codes({ start: 'twee uur' })).toEqual(['start:bad_time']);
  });

  it('turns Brussels local time into the right UTC across the DST changes', () => {
    // summer time ends 2026-10-25 03:00 -> 02:00
    expect(localToUtc('2026-10-24', '14:00', 'Europe/Brussels')).toBe('2026-10-24T12:00:00.000Z');
    expect(localToUtc('2026-10-25', '14:00', 'Europe/Brussels')).toBe('2026-10-25T13:00:00.000Z');
    expect(localToUtc('2026-10-25', '01:30', 'Europe/Brussels')).toBe('2026-10-24T23:30:00.000Z');
    // the repeated hour: the second 02:30 (winter time)
    expect(localToUtc('2026-10-25', '02:30', 'Europe/Brussels')).toBe('2026-10-25T01:30:00.000Z');
    // summer time starts 2027-03-28 02:00 -> 03:00
    expect(localToUtc('2027-03-27', '14:00', 'Europe/Brussels')).toBe('2027-03-27T13:00:00.000Z');
    expect(localToUtc('2027-03-28', '14:00', 'Europe/Brussels')).toBe('2027-03-28T12:00:00.000Z');
    expect(localToUtc('2027-03-28', '01:59', 'Europe/Brussels')).toBe('2027-03-28T00:59:00.000Z');
    expect(localToUtc('2027-03-28', '03:00', 'Europe/Brussels')).toBe('2027-03-28T01:00:00.000Z');
    expect(localToUtc('2027-03-28', '02:30', 'Europe/Brussels')).toBeNull();
  });

  it('an activity over the night of the clock change lasts its real length', () => {
    const r = parse({ date: '2026-10-24', start: '22:00', end: '2026-10-25 04:00' });
    expect(r.ok && [r.value.startsAt, r.value.endsAt]).toEqual([
      '2026-10-24T20:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
    ]);
    expect(codes({ date: '2027-03-28', start: '02:30', end: '04:00' })).toEqual(['start:no_such_time']);
  });

  it('wants the end after the start; past midnight only with a later date', () => {
    expect(codes({ start: '16:00', end: '14:00' })).toEqual(['end:end_before_start']);
    expect(codes({ start: '14:00', end: '14:00' })).toEqual(['end:end_before_start']);
    expect(codes({ start: '22:00', end: '01:00' })).toEqual(['end:end_before_start']);
    const late = parse({ start: '22:00', end: '03/12/2026 01:00' });
    expect(late.ok && late.value.endsAt).toBe('2026-12-03T00:00:00.000Z');
    expect(codes({ end: 'morgen 01:00' })).toEqual(['end:bad_time']);
  });

  it('reads prices as cents: 0, gratis, € 3,50, 3.5, 3,-, EUR 2, 2 euro', () => {
    expect(parsePrice('0')).toBe(0);
    expect(parsePrice('0,00')).toBe(0);
    expect(parsePrice('gratis')).toBe(0);
    expect(parsePrice('Gratis')).toBe(0);
    expect(parsePrice('free')).toBe(0);
    expect(parsePrice('€ 3,50')).toBe(350);
    expect(parsePrice('€3,5')).toBe(350);
    expect(parsePrice('3.5')).toBe(350);
    expect(parsePrice('3,05')).toBe(305);
    expect(parsePrice('3,-')).toBe(300);
    expect(parsePrice('EUR 2')).toBe(200);
    expect(parsePrice('2 euro')).toBe(200);
    expect(parsePrice('12 €')).toBe(1200);
    expect(parsePrice('-3')).toBeNull();
    expect(parsePrice('3,505')).toBeNull();
    expect(parsePrice('1.234,50')).toBeNull();
    expect(parsePrice('duur')).toBeNull();
    expect(codes({ price: '' })).toEqual(['price:required']);
  });

  it('says free "nee" with price 0 is a contradiction, but free tickets at a price are fine', () => {
    expect(codes({ price: 'gratis', free: 'nee' })).toEqual(['free:free_conflict']);
    const paid = parse({ price: '€ 3,50', free: 'ja' });
    expect(paid.ok && [paid.value.priceCents, paid.value.criteria.free]).toEqual([350, true]);
  });

  it('reads tags in English ids and Dutch words, in a fixed order without repeats', () => {
    expect(
      parseTags('children_welcome, no_registration, public_transport, school_hours, wheelchair').tags,
    ).toEqual(['children_welcome', 'no_registration', 'public_transport', 'school_hours', 'wheelchair']);
    expect(parseTags('Rolstoel, kinderen; Vrije inloop | openbaar vervoer, schooluren').tags).toEqual([
      'children_welcome',
      'no_registration',
      'public_transport',
      'school_hours',
      'wheelchair',
    ]);
    expect(parseTags('zonder inschrijving, no-registration').tags).toEqual(['no_registration']);
    expect(parseTags('').tags).toEqual([]);
    const r = parse({ tags: 'kinderen, honden' });
    expect(r.ok ? null : r.problems[0]).toMatchObject({
      field: 'tags',
      code: 'unknown_tag',
      params: { value: 'honden' },
    });
  });

  it('reads the criteria as ja/nee, yes/no, true/false, 1/0 and x/empty, and wants each given', () => {
    for (const yes of ['ja', 'JA', 'yes', 'true', '1', 'x', 'X', 'j', 'y'])
      expect(parseYesNo(yes), yes).toBe(true);
    for (const no of ['nee', 'Nee', 'no', 'false', '0', '', '  ', 'n'])
      expect(parseYesNo(no), no).toBe(false);
    expect(parseYesNo('misschien')).toBeNull();
    const r = parse({ price: '2', free: 'nee', dutch_context: 'x', accessible_organisation: '' });
    expect(r.ok && r.value.criteria).toEqual({
      free: false,
      dutchContext: true,
      accessibleOrganisation: false,
    });
    expect(codes({ dutch_context: undefined, accessible_organisation: undefined })).toEqual([
      'dutch_context:required',
      'accessible_organisation:required',
    ]);
  });

  it('takes http(s) image links only', () => {
    expect(codes({ image: 'http://example.org/x.png' })).toEqual([]);
    expect(codes({ image: 'ftp://example.org/x.png' })).toEqual(['image:bad_url']);
    expect(codes({ image: 'javascript:alert(1)' })).toEqual(['image:bad_url']);
    expect(codes({ image: 'foto.jpg' })).toEqual(['image:bad_url']);
    const none = parse({ image: '  ' });
    expect(none.ok && none.value.imageUrl).toBeNull();
  });

  it('splits gemeenten on commas and keeps them as typed for the catalogue to look up', () => {
    const r = parse({ gemeente: 'wetteren, Gent ,wetteren' });
    expect(r.ok && r.value.gemeenten).toEqual(['wetteren', 'Gent']);
    expect(codes({ gemeente: ' , ' })).toEqual(['gemeente:required']);
  });

  it('takes translations for shipped languages only', () => {
    const r = parse({
      title_en: 'Language café',
      description_en: 'We speak Dutch.',
      title_fr: '',
      title_ar: 'مقهى',
    });
    expect(r.ok && r.value.translations).toEqual({
      en: { title: 'Language café', description: 'We speak Dutch.' },
      ar: { title: 'مقهى' },
    });
    expect(codes({ title_de: 'Sprachcafé' })).toEqual(['title_de:bad_language']);
    expect(codes({ title_en: 'x'.repeat(81) })).toEqual(['title_en:too_long']);
  });

  it('knows the fields by their English, Dutch and flag names', () => {
    expect(canonicalField('Titel')).toBe('title');
    expect(canonicalField('\uFEFFtitel')).toBe('title');
    expect(canonicalField('Omschrijving')).toBe('description');
    expect(canonicalField('datum')).toBe('date');
    expect(canonicalField('begin')).toBe('start');
    expect(canonicalField('einde')).toBe('end');
    expect(canonicalField('plaats')).toBe('place');
    expect(canonicalField('adres')).toBe('address');
    expect(canonicalField('gemeente')).toBe('gemeente');
    expect(canonicalField('prijs')).toBe('price');
    expect(canonicalField('organisator')).toBe('organiser');
    expect(canonicalField('contactpersoon')).toBe('contact');
    expect(canonicalField('afbeelding')).toBe('image');
    expect(canonicalField('labels')).toBe('tags');
    expect(canonicalField('gratis')).toBe('free');
    expect(canonicalField('Nederlandstalig')).toBe('dutch_context');
    expect(canonicalField('toegankelijke organisatie')).toBe('accessible_organisation');
    expect(canonicalField('toegankelijke_organisatie')).toBe('accessible_organisation');
    expect(canonicalField('dutch-context')).toBe('dutch_context');
    expect(canonicalField('accessible')).toBe('accessible_organisation');
    expect(canonicalField('titel_en')).toBe('title_en');
    expect(canonicalField('Omschrijving_FR')).toBe('description_fr');
    expect(canonicalField('kleur')).toBeUndefined();
    expect(canonicalField('prijs_en')).toBeUndefined();
  });

  it('exposes one zod object for forms, and a stable list of problem codes', () => {
    expect(activityInputSchema.safeParse(validInput()).success).toBe(true);
    expect(activityInputSchema.safeParse(validInput({ start: '25:00' })).success).toBe(false);
    expect(ACTIVITY_PROBLEM_CODES).toContain('missing_column');
  });
});
