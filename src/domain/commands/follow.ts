import type { Template } from '../../core/effects.js';
import type { WriteTx } from '../../core/store.js';
import { setFollows } from '../people.js';
import type { DataSchema, Person } from '../schema.js';
import { normalizeWord as norm } from '../../parsing/normalize.js';
import { findMunicipality } from '../activities/index.js';
import { allowed } from '../access/policy.js';

/**
 * `person follow <name> <gemeente>` / `person unfollow <name> <gemeente>`: a newcomer or buddy of
 * the coach's gemeente also gets (or no longer gets) another gemeente's activities. The last word
 * is the gemeente (id or name), the words before it the person's name.
 */
export const followCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  words: readonly string[],
  follow: boolean,
): Template[] => {
  if (words.length < 2) return [{ key: 'staff:follow_usage' }];
  const name = norm(words.slice(0, -1).join(' '));
  const municipality = findMunicipality(tx, words.at(-1)!);
  if (!municipality) return [{ key: 'staff:follow_no_gemeente', params: { gemeente: words.at(-1)! } }];
  const people = tx.list(
    'people',
    (p) =>
      (p.role === 'newcomer' || p.role === 'buddy') &&
      norm(p.name) === name &&
      allowed(tx, staff, 'trajectory.manage', { personId: p.id }),
  );
  if (people.length !== 1)
    return [{ key: 'staff:hours_none', params: { query: words.slice(0, -1).join(' ') } }];
  const r = setFollows(tx, people[0]!.id, municipality.id, follow);
  if (!r.ok)
    return [
      {
        key: r.reason === 'own_gemeente' ? 'staff:follow_own' : 'staff:follow_usage',
        params: { gemeente: municipality.name },
      },
    ];
  return [
    {
      key: follow ? 'staff:follows' : 'staff:unfollows',
      params: { person: r.person.name, gemeente: municipality.name },
    },
  ];
};
