import type { ReadTx } from '../../core/store.js';
import type { DataSchema, Person } from '../schema.js';
import { matchPeople } from '../people.js';
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
): Person[] =>
  matchPeople(tx, query, (p) => p.role === 'newcomer' && allowed(tx, staff, permission, { personId: p.id }));

/** Gemeente ids for a list typed by a coach ("wetteren, Laarne"): ids or names; unknown ones as typed (lower case). */
export const gemeenteIds = (tx: ReadTx<DataSchema>, list: string): string[] =>
  list
    .split(',')
    .map((g) => g.trim().toLocaleLowerCase())
    .filter(Boolean)
    .map((g) => findMunicipality(tx, g)?.id ?? g);
