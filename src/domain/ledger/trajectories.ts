import type { Ids } from '../../core/clock.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import { inScope } from '../staff.js';
import type { Role } from '../roles.js';
import type { DataSchema, Person } from '../schema.js';
import { isLocalDate } from '../dates.js';
import { trajectoryOf } from './queries.js';
import {
  OFFER_TYPES,
  TRAJECTORY_STATUSES,
  type OfferType,
  type Trajectory,
  type TrajectoryStatus,
} from './types.js';

/** Why a duo or term was refused; `field` names the input at fault. */
export type SetupProblem =
  | { readonly ok: false; readonly reason: 'unknown_person'; readonly field: string }
  | { readonly ok: false; readonly reason: 'wrong_role'; readonly field: string; readonly role: Role }
  | { readonly ok: false; readonly reason: 'out_of_scope'; readonly field: string }
  | { readonly ok: false; readonly reason: 'already_active'; readonly duoId: string }
  | { readonly ok: false; readonly reason: 'invalid_date'; readonly field: string }
  | { readonly ok: false; readonly reason: 'end_before_start' }
  | { readonly ok: false; readonly reason: 'invalid_status'; readonly value: string }
  | { readonly ok: false; readonly reason: 'invalid_offer'; readonly value: string }
  | { readonly ok: false; readonly reason: 'invalid_rhythm' }
  | { readonly ok: false; readonly reason: 'invalid_months' };

export type SetTrajectoryResult =
  { readonly ok: true; readonly trajectory: Trajectory; readonly replaced: Trajectory | null } | SetupProblem;

/** null when the person exists with one of `roles`, else the problem. */
export const checkRole = (
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
 * null when `staff` (if given) may manage things of `personId`'s gemeente: a coach only their own
 * gemeente, an admin every gemeente. Without staff (the CLI, the system) everything is in scope.
 */
export const checkScope = (
  tx: ReadTx<DataSchema>,
  staff: Person | undefined,
  field: string,
  personId: string,
): SetupProblem | null => {
  const p = tx.get('people', personId);
  return !staff || (p && inScope(staff, p.municipality))
    ? null
    : { ok: false, reason: 'out_of_scope', field };
};

/** The trajectory's status; records from before issue 6 have none and count as 'active'. */
export const trajectoryStatusOf = (t: Trajectory): TrajectoryStatus => t.status ?? 'active';

/** Moves the newcomer's trajectory (if any) from `from` to `to`; anything else stays. */
export const moveTrajectory = (
  tx: WriteTx<DataSchema>,
  newcomerId: string,
  from: TrajectoryStatus,
  to: TrajectoryStatus,
): void => {
  const t = trajectoryOf(tx, newcomerId);
  if (t && t.status === from) tx.put('trajectories', t.id, { ...t, status: to });
};

export interface TrajectoryInput {
  readonly newcomerId: string;
  readonly start: string;
  readonly end: string;
  readonly obligation: boolean;
  /** Default: kept when replacing, else 'intake' (or 'matched' when a duo is live). */
  readonly status?: string;
  /** Default: kept when replacing, else the newcomer's coach. */
  readonly coachId?: string | null;
  /** Default: kept when replacing, else none. */
  readonly offerTypes?: readonly string[];
}

/**
 * Sets the newcomer's term (hours count only from `start` to `end`, both included), its status,
 * coach and chosen offer types. A newcomer has one term: setting it again replaces the old one
 * under the same id (an extension, say), keeps what is not given, and returns the old one as
 * `replaced`. Refused for an unknown person or not a newcomer, a newcomer outside `staff`'s
 * gemeente, a date that is not a real YYYY-MM-DD, an end before the start, an unknown status or
 * offer type, or a coach who is not a coach or admin.
 */
export const setTrajectory = (
  tx: WriteTx<DataSchema>,
  d: TrajectoryInput,
  o: { readonly ids: Ids; readonly staff?: Person },
): SetTrajectoryResult => {
  const problem =
    checkRole(tx, 'newcomerId', d.newcomerId, ['newcomer']) ??
    checkScope(tx, o.staff, 'newcomerId', d.newcomerId) ??
    (d.coachId ? checkRole(tx, 'coachId', d.coachId, ['coach', 'admin']) : null);
  if (problem) return problem;
  if (!isLocalDate(d.start)) return { ok: false, reason: 'invalid_date', field: 'start' };
  if (!isLocalDate(d.end)) return { ok: false, reason: 'invalid_date', field: 'end' };
  if (d.end < d.start) return { ok: false, reason: 'end_before_start' };
  if (d.status !== undefined && !(TRAJECTORY_STATUSES as readonly string[]).includes(d.status))
    return { ok: false, reason: 'invalid_status', value: d.status };
  const badOffer = d.offerTypes?.find((x) => !(OFFER_TYPES as readonly string[]).includes(x));
  if (badOffer !== undefined) return { ok: false, reason: 'invalid_offer', value: badOffer };
  const newcomer = tx.get('people', d.newcomerId)!;
  const old = trajectoryOf(tx, d.newcomerId) ?? null;
  const live = tx.list(
    'duos',
    (x) => x.newcomerId === d.newcomerId && (x.status === 'active' || x.status === 'paused'),
  ).length;
  const trajectory: Trajectory = {
    v: 1,
    id: old?.id ?? o.ids.next('t'),
    newcomerId: d.newcomerId,
    start: d.start,
    end: d.end,
    obligation: d.obligation,
    status: (d.status as TrajectoryStatus | undefined) ?? old?.status ?? (live ? 'matched' : 'intake'),
    coachId: d.coachId !== undefined ? d.coachId : (old?.coachId ?? newcomer.coachId),
    municipality: newcomer.municipality,
    offerTypes: [...new Set((d.offerTypes as readonly OfferType[] | undefined) ?? old?.offerTypes ?? [])],
  };
  tx.put('trajectories', trajectory.id, trajectory);
  return { ok: true, trajectory, replaced: old };
};
