import { describe, expect, it } from 'vitest';
import { hoursOf } from '../../../src/domain/reports/hours.js';

describe('hoursOf', () => {
  it('writes minutes as hours with at most two decimals', () => {
    expect(hoursOf(0)).toBe(0);
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(50)).toBe(0.83);
    expect(hoursOf(2400)).toBe(40);
  });
});
