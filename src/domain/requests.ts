import type { Ids } from '../core/clock.js';
import type { WriteTx } from '../core/store.js';
import type { CoachRequest, DataSchema, Person } from './schema.js';

/**
 * Keeps something a coach must act on (asked for contact, stuck, disputed hours, reached 40 h),
 * so it is not lost when the coach cannot be reached by chat. One open request per person and
 * reason is enough.
 */
export const openCoachRequest = (
  tx: WriteTx<DataSchema>,
  o: { readonly ids: Ids; readonly now: Date },
  person: Person,
  reason: CoachRequest['reason'],
): CoachRequest => {
  const open = tx.list(
    'requests',
    (r) => r.personId === person.id && r.status === 'open' && r.reason === reason,
  )[0];
  if (open) return open;
  const request: CoachRequest = {
    v: 1,
    id: o.ids.next('rq'),
    personId: person.id,
    coachId: person.coachId,
    reason,
    createdAt: o.now.toISOString(),
    status: 'open',
  };
  tx.put('requests', request.id, request);
  return request;
};
