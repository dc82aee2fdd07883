import type { Ids } from '../../core/clock.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import type { Role } from '../roles.js';
import type { DataSchema } from '../schema.js';
import { isLocalDate } from './dates.js';
import { trajectoryOf } from './queries.js';
import type { Duo, Trajectory } from './types.js';

/** Why a duo or term was refused; `field` names the input at fault. */
export type SetupProblem =
  | { readonly ok: false; readonly reason: 'unknown_person'; readonly field: string }
  | { readonly ok: false; readonly reason: 'wrong_role'; readonly field: string; readonly role: Role }
  | { readonly ok: false; readonly reason: 'already_active'; readonly duoId: string }
  | { readonly ok: false; readonly reason: 'invalid_date'; readonly field: 'start' | 'end' }
  | { readonly ok: false; readonly reason: 'end_before_start' };

export type AddDuoResult = { readonly ok: true; readonly duo: Duo } | SetupProblem;
export type SetTrajectoryResult =
  { readonly ok: true; readonly trajectory: Trajectory; readonly replaced: Trajectory | null } | SetupProblem;

/** null when the person exists with one of `roles`, else the problem. */
const checkRole = (
  tx: ReadTx<DataSchema>,
  field: string,
  id: string,
  roles: readonly Role[],
): SetupProblem | null => {
  const p = tx.get('people', id);
  if (!p) return { ok: false, reason: 'unknown_person', field };
  return roles.includes(p.role) ? null : { ok: false, reason: 'wrong_role', field, role: p.role };
};

/**
 * Matches a newcomer with a buddy as an active duo. The coach defaults to the newcomer's coach.
 * Refused for an unknown person, a wrong role (newcomer, buddy, coach or admin) or when the same
 * pair is already an active duo. Minimal: follow-up dates come with a later issue.
 */
export const addDuo = (
  tx: WriteTx<DataSchema>,
  d: { readonly newcomerId: string; readonly buddyId: string; readonly coachId?: string | null },
  o: { readonly now: Date; readonly ids: Ids },
): AddDuoResult => {
  const problem =
    checkRole(tx, 'newcomerId', d.newcomerId, ['newcomer']) ??
    checkRole(tx, 'buddyId', d.buddyId, ['buddy']) ??
    (d.coachId ? checkRole(tx, 'coachId', d.coachId, ['coach', 'admin']) : null);
  if (problem) return problem;
  const twin = tx.list(
    'duos',
    (x) => x.newcomerId === d.newcomerId && x.buddyId === d.buddyId && x.status === 'active',
  )[0];
  if (twin) return { ok: false, reason: 'already_active', duoId: twin.id };
  const duo: Duo = {
    v: 1,
    id: o.ids.next('d'),
    newcomerId: d.newcomerId,
    buddyId: d.buddyId,
    coachId: d.coachId ?? tx.get('people', d.newcomerId)?.coachId ?? null,
    status: 'active',
    matchedAt: o.now.toISOString(),
  };
  tx.put('duos', duo.id, duo);
  return { ok: true, duo };
};

/**
 * Sets the newcomer's term (hours count only from `start` to `end`, both included). A newcomer has
 * one term: setting it again replaces the old one under the same id (an extension, say) and
 * returns the old one as `replaced`. Refused for an unknown person or not a newcomer, a date that
 * is not a real YYYY-MM-DD, or an end before the start.
 */
export const setTrajectory = (
  tx: WriteTx<DataSchema>,
  d: {
    readonly newcomerId: string;
    readonly start: string;
    readonly end: string;
    readonly obligation: boolean;
  },
  o: { readonly ids: Ids },
): SetTrajectoryResult => {
  const problem = checkRole(tx, 'newcomerId', d.newcomerId, ['newcomer']);
  if (problem) return problem;
  if (!isLocalDate(d.start)) return { ok: false, reason: 'invalid_date', field: 'start' };
  if (!isLocalDate(d.end)) return { ok: false, reason: 'invalid_date', field: 'end' };
  if (d.end < d.start) return { ok: false, reason: 'end_before_start' };
  const old = trajectoryOf(tx, d.newcomerId) ?? null;
  const trajectory: Trajectory = {
    v: 1,
    id: old?.id ?? o.ids.next('t'),
    newcomerId: d.newcomerId,
    start: d.start,
    end: d.end,
    obligation: d.obligation,
  };
  tx.put('trajectories', trajectory.id, trajectory);
  return { ok: true, trajectory, replaced: old };
};
