import type { Template } from '../../core/effects.js';
import type { ReadTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import { coachDigest, digestTemplates, isEmptyDigest, type DigestSettings } from '../followup/digest.js';
import type { DataSchema, Person } from '../schema.js';
import { allowed } from '../access/policy.js';

/**
 * `due`: the coach's digest now (what the daily one at COACH_DIGEST_CRON would say), with the
 * same buttons; one line when nothing is due.
 */
export const dueCommand = (
  tx: ReadTx<DataSchema>,
  staff: Person,
  s: DigestSettings & { readonly now: Date },
): Template[] => {
  if (!allowed(tx, staff, 'trajectory.view')) return [{ key: 'staff:not_allowed' }];
  const digest = coachDigest(tx, staff, localDate(s.now, s.timeZone), s);
  return isEmptyDigest(digest) ? [{ key: 'coach:due_none' }] : digestTemplates(digest);
};
