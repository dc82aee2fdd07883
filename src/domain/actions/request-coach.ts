import type { DomainAction } from '../../core/actions.js';
import { allowed } from '../access/policy.js';
import { openCoachRequest } from '../requests.js';
import type { DataSchema } from '../schema.js';

const REASONS = ['asked', 'stuck', 'no_consent'] as const;

/**
 * Records that the person wants (or needs) their coach to contact them, so the request is kept
 * even when the coach is not reachable by chat yet. Outcomes: ok | no_coach (still recorded).
 */
export const requestCoach: DomainAction<DataSchema> = ({ tx, now, ids, personId }, args) => {
  const person = personId ? tx.get('people', personId) : undefined;
  if (!person || !allowed(tx, person, 'privacy.own', { personId: person.id }))
    return { outcome: 'no_person' };
  const reason = REASONS.find((r) => r === args['reason']) ?? 'asked';
  openCoachRequest(tx, { ids, now }, person, reason);
  return { outcome: person.coachId ? 'ok' : 'no_coach' };
};
