import type { ReadTx } from '../../core/store.js';
import type { DataSchema, Person } from '../schema.js';
import { normalizeWord as norm } from '../../parsing/normalize.js';
import { findMunicipality } from '../activities/index.js';
import { inScope } from '../staff.js';

export { inScope, isStaff } from '../staff.js';

/**
 * Newcomers in the staff member's gemeenten whose name matches: an exact name first, else every
 * name in which each word of the query starts a word ("ami" finds "Amina Khaled").
 */
export const findNewcomers = (tx: ReadTx<DataSchema>, staff: Person, query: string): Person[] => {
  const q = norm(query);
  if (!q) return [];
  const mine = tx.list('people', (p) => p.role === 'newcomer' && inScope(staff, p.municipality));
  const exact = mine.filter((p) => norm(p.name) === q);
  if (exact.length) return exact;
  const parts = q.split(' ');
  return mine
    .filter((p) => {
      const words = norm(p.name).split(' ');
      return parts.every((x) => words.some((w) => w.startsWith(x)));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
};

/** Gemeente ids for a list typed by a coach ("wetteren, Laarne"): ids or names; unknown ones as typed (lower case). */
export const gemeenteIds = (tx: ReadTx<DataSchema>, list: string): string[] =>
  list
    .split(',')
    .map((g) => g.trim().toLocaleLowerCase())
    .filter(Boolean)
    .map((g) => findMunicipality(tx, g)?.id ?? g);
