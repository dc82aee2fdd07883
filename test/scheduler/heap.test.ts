import { describe, expect, it } from 'vitest';
import { createDueHeap, type DueEntry } from '../../src/scheduler/index.js';

describe('due heap', () => {
  it('pops in time order (then id), whether built at once or pushed one by one', () => {
    let s = 7;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) % 50;
    const entries: DueEntry[] = Array.from({ length: 500 }, (_, i) => ({ at: rnd(), id: `j${i}` }));
    const sorted = [...entries].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const built = createDueHeap(entries);
    const pushed = createDueHeap();
    for (const e of entries) pushed.push(e);
    for (const h of [built, pushed]) {
      expect(h.size).toBe(500);
      const out: DueEntry[] = [];
      for (let e = h.pop(); e; e = h.pop()) out.push(e);
      expect(out).toEqual(sorted);
      expect(h.peek()).toBeUndefined();
    }
  });
});
