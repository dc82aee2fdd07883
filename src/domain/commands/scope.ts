import type { ReadTx } from '../../core/store.js';
import type { DataSchema, Person } from '../schema.js';
import { normalizeWord as norm } from '../../parsing/normalize.js';
import { findMunicipality } from '../activities/index.js';
import { allowed, type Permission } from '../access/policy.js';

export { inScope, isStaff } from '../staff.js';

/**
 * Newcomers the staff member may act on (`permission`, by default seeing their trajectory: a
 * coach's gemeenten, an admin's all) whose name matches: an exact name first, else every name in
 * which each word of the query starts a word ("ami" finds "Amina Khaled"). Others are not found,
 * so a refusal reveals nothing about them.
 */
export const findNewcomers = (
  tx: ReadTx<DataSchema>,
  staff: Person,
  query: string,
  permission: Permission = 'trajectory.view',
): Person[] => {
  const q = norm(query);
  if (!q) return [];
  const mine = tx.list(
    'people',
    (p) => p.role === 'newcomer' && allowed(tx, staff, permission, { personId: p.id }),
  );
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
