import type { Template } from '../../core/effects.js';
import type { Ids } from '../../core/clock.js';
import type { WriteTx } from '../../core/store.js';
import { createPerson } from '../people.js';
import { parseRole, type Role } from '../roles.js';
import type { DataSchema, Person } from '../schema.js';
import { splitArgs } from './args.js';
import { findMunicipality } from '../activities/index.js';
import { allowed } from '../access/policy.js';

/** Role words only the staff command knows (an admin is never imported from a spreadsheet). */
const ADMIN_WORDS: Readonly<Record<string, Role>> = { admin: 'admin', beheerder: 'admin' };
/** Roles a coach may add; an admin may add every role. */
const COACH_MAY_ADD: readonly Role[] = ['newcomer', 'buddy', 'contact'];

export interface PersonAddSettings {
  readonly now: Date;
  readonly ids: Ids;
  readonly inviteTtlDays: number;
  readonly languages: readonly string[];
}

/**
 * `person add <role> <name> [taal=ar] [gemeente=wetteren] [organisatie="Bib Wetteren"]`: creates
 * a person in the staff member's gemeente (a newcomer gets them as coach) and answers with the
 * invite code to hand over. Mistakes are answered with what to write instead.
 */
export const personAddCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  line: string,
  s: PersonAddSettings,
): Template[] => {
  const { words, options } = splitArgs(line);
  const [roleWord, ...nameWords] = words;
  const role = roleWord ? parseRole(roleWord, ADMIN_WORDS) : null;
  if (!role || nameWords.length === 0) return [{ key: 'staff:add_usage' }];
  if (staff.role !== 'admin' && !COACH_MAY_ADD.includes(role))
    return [{ key: 'staff:add_role_refused', params: { role: { $t: `staff:role.${role}` } } }];
  const asked = options['gemeente'];
  const municipality = asked ? (findMunicipality(tx, asked)?.id ?? asked) : staff.municipality;
  if (!allowed(tx, staff, 'trajectory.manage', { municipality }))
    return [{ key: 'staff:add_other_gemeente', params: { gemeente: municipality } }];
  const lang = (options['taal'] ?? options['lang'] ?? 'nl').toLocaleLowerCase();
  const organisation = options['organisatie'] ?? options['organisation'];
  if (role === 'contact' && !organisation) return [{ key: 'staff:add_needs_organisation' }];
  const r = createPerson(
    tx,
    {
      name: nameWords.join(' '),
      role,
      municipality,
      lang,
      ...(role === 'newcomer' && staff.role === 'coach' ? { coach: staff.id } : {}),
      ...(organisation ? { organisation } : {}),
    },
    { now: s.now, ids: s.ids, actor: staff.id, inviteTtlDays: s.inviteTtlDays, languages: s.languages },
  );
  if (!r.ok) {
    const p = r.problems[0]!;
    const key =
      p.field === 'lang'
        ? 'staff:add_bad_language'
        : p.field === 'municipality'
          ? 'staff:add_other_gemeente'
          : 'staff:add_usage';
    return [{ key, params: { gemeente: municipality, lang, languages: s.languages.join(', ') } }];
  }
  return [
    {
      key: 'staff:added',
      params: {
        person: r.person.name,
        role: { $t: `staff:role.${role}` },
        code: r.printableCode,
        valid: { $t: 'staff:valid_days', params: { count: s.inviteTtlDays } },
      },
    },
  ];
};
