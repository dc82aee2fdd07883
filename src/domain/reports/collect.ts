/**
 * Records grouped by a key, each group in the order of `records` (the store lists in insertion
 * order). Reports read a collection once this way instead of filtering it again for every person.
 */
export const groupBy = <T, K>(records: readonly T[], key: (r: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const r of records) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return groups;
};

/** The latest of some local dates or ISO instants (both sort as text); null when none is given. */
export const latest = (dates: readonly (string | null | undefined)[]): string | null =>
  dates
    .filter((d): d is string => !!d)
    .sort()
    .at(-1) ?? null;
