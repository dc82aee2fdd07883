import { describe, expect, it } from 'vitest';
import { groupBy, latest } from '../../../src/domain/reports/collect.js';

describe('groupBy', () => {
  it('groups by key, each group in the order given', () => {
    const g = groupBy(
      [
        { id: 'a', who: 'x' },
        { id: 'b', who: 'y' },
        { id: 'c', who: 'x' },
      ],
      (r) => r.who,
    );
    expect([...g.keys()]).toEqual(['x', 'y']);
    expect(g.get('x')?.map((r) => r.id)).toEqual(['a', 'c']);
    expect(g.get('z')).toBeUndefined();
  });
});

describe('latest', () => {
  it('picks the latest date or instant and skips missing ones', () => {
    expect(latest(['2026-03-01', null, '2026-11-23', undefined, '2025-12-31'])).toBe('2026-11-23');
    expect(latest(['2026-11-23T08:00:00.000Z', '2026-11-23T09:00:00.000Z'])).toBe('2026-11-23T09:00:00.000Z');
    expect(latest([null, undefined])).toBeNull();
    expect(latest([])).toBeNull();
  });
});
