import type { DomainAction } from '../../core/actions.js';
import type { CoachRequest, DataSchema } from '../schema.js';

const REASONS = ['asked', 'stuck', 'no_consent'] as const;

/**
 * Records that the person wants (or needs) their coach to contact them, so the request is kept
 * even when the coach is not reachable by chat yet. Outcomes: ok | no_coach (still recorded).
 */
export const requestCoach: DomainAction<DataSchema> = ({ tx, now, ids, personId }, args) => {
  const person = personId ? tx.get('people', personId) : undefined;
  if (!person) return { outcome: 'no_person' };
  const reason = REASONS.find((r) => r === args['reason']) ?? 'asked';
  const open = tx.list(
    'requests',
    (r) => r.personId === person.id && r.status === 'open' && r.reason === reason,
  );
  if (!open.length) {
    const request: CoachRequest = {
      v: 1,
      id: ids.next('rq'),
      personId: person.id,
      coachId: person.coachId,
      reason,
      createdAt: now.toISOString(),
      status: 'open',
    };
    tx.put('requests', request.id, request);
  }
  return { outcome: person.coachId ? 'ok' : 'no_coach' };
};
