/** The latest of some local dates or ISO instants (both sort as text); null when none is given. */
export const latest = (dates: readonly (string | null | undefined)[]): string | null =>
  dates
    .filter((d): d is string => !!d)
    .sort()
    .at(-1) ?? null;
