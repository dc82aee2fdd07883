import { describe, expect, it } from 'vitest';
import { parseRole } from '../../src/domain/roles.js';
import { parseRole as parseSheetRole } from '../../src/domain/people-import/index.js';

describe('parseRole', () => {
  it('reads the role words coaches type and spreadsheets hold, in any case', () => {
    expect(parseRole('Inburgeraar')).toBe('newcomer');
    expect(parseRole('NETWERKCOACH')).toBe('coach');
    expect(parseRole('contactpersoon')).toBe('contact');
    expect(parseRole('beheerder')).toBeNull();
  });

  it("knows a caller's own words only when that caller gives them", () => {
    expect(parseRole('Beheerder', { beheerder: 'admin' })).toBe('admin');
    expect(parseRole('deelnemer')).toBeNull();
  });

  it('lets a spreadsheet name more roles than a coach types, but never an admin', () => {
    expect(parseSheetRole(' Deelnemer ')).toBe('newcomer');
    expect(parseSheetRole('contact person')).toBe('contact');
    expect(parseSheetRole('beheerder')).toBeNull();
  });
});
