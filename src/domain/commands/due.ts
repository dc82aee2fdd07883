import type { Template } from '../../core/effects.js';
import type { ReadTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import { coachDigest, digestTemplates, isEmptyDigest, type DigestSettings } from '../followup/digest.js';
import type { DataSchema, Person } from '../schema.js';

/**
 * `due`: the coach's digest now (what the daily one at COACH_DIGEST_CRON would say), with the
 * same buttons; one line when nothing is due. Only staff reach it (the staff command checks), and
 * the digest holds only what is theirs, so there is nothing more to allow.
 */
export const dueCommand = (
  tx: ReadTx<DataSchema>,
  staff: Person,
  s: DigestSettings & { readonly now: Date },
): Template[] => {
  const digest = coachDigest(tx, staff, localDate(s.now, s.timeZone), s);
  return isEmptyDigest(digest) ? [{ key: 'coach:due_none' }] : digestTemplates(digest);
};
