/** One due job in the scheduler's index: when (epoch ms) and which. */
export interface DueEntry {
  readonly at: number;
  readonly id: string;
}

const before = (a: DueEntry, b: DueEntry): boolean => a.at < b.at || (a.at === b.at && a.id < b.id);

/**
 * A binary min-heap of due jobs by time (then id), so a tick looks only at the jobs that are due
 * instead of at every job: peek is O(1), push and pop O(log n).
 */
export interface DueHeap {
  push(e: DueEntry): void;
  peek(): DueEntry | undefined;
  pop(): DueEntry | undefined;
  readonly size: number;
}

/** An empty heap, or one built from `entries` in O(n). */
export const createDueHeap = (entries: readonly DueEntry[] = []): DueHeap => {
  const a: DueEntry[] = [...entries];
  const swap = (i: number, j: number) => {
    const t = a[i] as DueEntry;
    a[i] = a[j] as DueEntry;
    a[j] = t;
  };
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i] as DueEntry, a[p] as DueEntry)) return;
      swap(i, p);
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && before(a[l] as DueEntry, a[m] as DueEntry)) m = l;
      if (r < a.length && before(a[r] as DueEntry, a[m] as DueEntry)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let i = (a.length >> 1) - 1; i >= 0; i--) down(i);
  return {
    push: (e) => {
      a.push(e);
      up(a.length - 1);
    },
    peek: () => a[0],
    pop: () => {
      const top = a[0];
      const last = a.pop();
      if (a.length > 0 && last) {
        a[0] = last;
        down(0);
      }
      return top;
    },
    get size() {
      return a.length;
    },
  };
};
