import { describe, expect, it } from 'vitest';
import {
  parseLanguage,
  parsePhone,
  parseRole,
  parseSheetDate,
  whatsAppId,
} from '../../../src/domain/people-import/index.js';
import { LANGUAGES } from '../../../src/i18n/index.js';

describe('people sheet values', () => {
  it('reads phone numbers as E.164 with Belgian defaults', () => {
    expect(parsePhone('0470 12 34 56')).toBe('+32470123456');
    expect(parsePhone('0032 470 12 34 56')).toBe('+32470123456');
    expect(parsePhone('+32 (0)470/12.34.56')).toBe('+32470123456');
    expect(parsePhone('+31 6 12345678')).toBe('+31612345678');
    expect(parsePhone('0470 12 34')).toBeNull();
    expect(parsePhone('bel na 17u')).toBeNull();
    expect(whatsAppId('+32470123456')).toBe('32470123456@c.us');
  });

  it('reads dates as spreadsheets write them, Excel serial numbers too', () => {
    expect(parseSheetDate('2026-12-01')).toBe('2026-12-01');
    expect(parseSheetDate('1/12/2026')).toBe('2026-12-01');
    expect(parseSheetDate('01-12-2026')).toBe('2026-12-01');
    expect(parseSheetDate('46357')).toBe('2026-12-01');
    expect(parseSheetDate('46357,0')).toBe('2026-12-01');
    expect(parseSheetDate('2026-02-30')).toBeNull();
    expect(parseSheetDate('12345')).toBeNull();
  });

  it('reads languages by code or name, and roles in Dutch or English', () => {
    expect(parseLanguage('Arabisch', LANGUAGES)).toBe('ar');
    expect(parseLanguage('AR-ma', LANGUAGES)).toBe('ar');
    expect(parseLanguage('Dari', LANGUAGES)).toBe('fa');
    expect(parseLanguage('Oekraïens', LANGUAGES)).toBe('uk');
    expect(parseLanguage('Pasjtoe', LANGUAGES)).toBeNull();
    expect(parseRole('Inburgeraar')).toBe('newcomer');
    expect(parseRole('newcomer')).toBe('newcomer');
    expect(parseRole('contactpersoon')).toBe('contact');
    expect(parseRole('admin')).toBeNull();
  });
});
