import type { Ids } from '../../core/clock.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import { daysBetween, isLocalDate, localDate } from '../dates.js';
import type { DataSchema, Person } from '../schema.js';
import { checkRole, checkScope, moveTrajectory, type SetupProblem } from './trajectories.js';
import {
  DEFAULT_PLANNED_MONTHS,
  DEFAULT_RHYTHM_PER_MONTH,
  PLANNED_MONTHS,
  type Duo,
  type PlannedMonths,
} from './types.js';

export type AddDuoResult = { readonly ok: true; readonly duo: Duo } | SetupProblem;

/** Why a change to an existing duo was refused. */
export type DuoProblem =
  | { readonly ok: false; readonly reason: 'unknown_duo' }
  | { readonly ok: false; readonly reason: 'out_of_scope'; readonly field: string }
  | { readonly ok: false; readonly reason: 'not_active' | 'not_paused' | 'already_ended'; readonly duo: Duo }
  | { readonly ok: false; readonly reason: 'invalid_date'; readonly field: string };
export type DuoResult = { readonly ok: true; readonly duo: Duo } | DuoProblem;

/** Agreed meetings a month (records from before issue 6: the default, twice). */
export const rhythmOf = (d: Duo): number => d.rhythmPerMonth ?? DEFAULT_RHYTHM_PER_MONTH;
/** Planned length in months (records from before issue 6: the default, 6). */
export const plannedMonthsOf = (d: Duo): PlannedMonths => d.plannedMonths ?? DEFAULT_PLANNED_MONTHS;
/** Calendar days of all finished pauses (records from before issue 6: 0). */
export const pausedDaysOf = (d: Duo): number => d.pausedDays ?? 0;
/** True while the duo has not ended (active or paused). */
export const isLive = (d: Duo): boolean => d.status === 'active' || d.status === 'paused';

export interface NewDuo {
  readonly newcomerId: string;
  readonly buddyId: string;
  readonly coachId?: string | null;
  /** Meetings a month, a whole number 1 to 8; default 2. */
  readonly rhythmPerMonth?: number;
  /** 3, 6 or 9; default 6. */
  readonly plannedMonths?: number;
  /** YYYY-MM-DD, when already known. */
  readonly firstMeetingAt?: string | null;
}

/**
 * Matches a newcomer with a buddy as an active duo, with the agreed rhythm, planned length and
 * (when known) the first meeting. The coach defaults to the newcomer's coach. The newcomer's
 * trajectory goes from 'intake' to 'matched'. Refused for an unknown person, a wrong role
 * (newcomer, buddy, coach or admin), a newcomer or coach outside `staff`'s gemeente, a bad rhythm,
 * length or date, or when the same pair is already a duo that has not ended.
 */
export const addDuo = (
  tx: WriteTx<DataSchema>,
  d: NewDuo,
  o: { readonly now: Date; readonly ids: Ids; readonly staff?: Person },
): AddDuoResult => {
  const problem =
    checkRole(tx, 'newcomerId', d.newcomerId, ['newcomer']) ??
    checkRole(tx, 'buddyId', d.buddyId, ['buddy']) ??
    (d.coachId ? checkRole(tx, 'coachId', d.coachId, ['coach', 'admin']) : null) ??
    checkScope(tx, o.staff, 'newcomerId', d.newcomerId);
  if (problem) return problem;
  const rhythm = d.rhythmPerMonth ?? DEFAULT_RHYTHM_PER_MONTH;
  if (!Number.isInteger(rhythm) || rhythm < 1 || rhythm > 8) return { ok: false, reason: 'invalid_rhythm' };
  const months = d.plannedMonths ?? DEFAULT_PLANNED_MONTHS;
  if (!(PLANNED_MONTHS as readonly number[]).includes(months)) return { ok: false, reason: 'invalid_months' };
  if (d.firstMeetingAt && !isLocalDate(d.firstMeetingAt))
    return { ok: false, reason: 'invalid_date', field: 'firstMeetingAt' };
  const twin = tx.list(
    'duos',
    (x) => x.newcomerId === d.newcomerId && x.buddyId === d.buddyId && isLive(x),
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
    firstMeetingAt: d.firstMeetingAt ?? null,
    rhythmPerMonth: rhythm,
    plannedMonths: months as PlannedMonths,
    endedAt: null,
    pausedAt: null,
    pausedDays: 0,
  };
  tx.put('duos', duo.id, duo);
  moveTrajectory(tx, d.newcomerId, 'intake', 'matched');
  return { ok: true, duo };
};

/** The duo, if it exists and `staff` (if given) may manage it; else the problem. */
const reach = (tx: ReadTx<DataSchema>, duoId: string, staff: Person | undefined): DuoResult => {
  const duo = tx.get('duos', duoId);
  if (!duo) return { ok: false, reason: 'unknown_duo' };
  const p = checkScope(tx, staff, 'newcomerId', duo.newcomerId);
  return p ? { ok: false, reason: 'out_of_scope', field: 'newcomerId' } : { ok: true, duo };
};

const save = (tx: WriteTx<DataSchema>, duo: Duo): DuoResult => {
  tx.put('duos', duo.id, duo);
  return { ok: true, duo };
};

/** Records the date of the first meeting (YYYY-MM-DD), e.g. when the coach hears it took place. */
export const setFirstMeeting = (
  tx: WriteTx<DataSchema>,
  duoId: string,
  date: string,
  o: { readonly staff?: Person } = {},
): DuoResult => {
  const r = reach(tx, duoId, o.staff);
  if (!r.ok) return r;
  if (!isLocalDate(date)) return { ok: false, reason: 'invalid_date', field: 'date' };
  if (r.duo.status === 'ended') return { ok: false, reason: 'already_ended', duo: r.duo };
  return save(tx, { ...r.duo, firstMeetingAt: date });
};

export interface DuoChangeOptions {
  readonly now: Date;
  /** Zone in which paused days are counted as calendar days (DST-proof). */
  readonly timeZone: string;
  readonly staff?: Person;
}

/** Calendar days (in `timeZone`, so a clock change does not shift a day) of the running pause. */
const pauseSoFar = (duo: Duo, o: DuoChangeOptions): number =>
  duo.pausedAt
    ? Math.max(0, daysBetween(localDate(new Date(duo.pausedAt), o.timeZone), localDate(o.now, o.timeZone)))
    : 0;

/** Pauses an active duo (it became too heavy, holidays): follow-ups wait until it resumes. */
export const pauseDuo = (tx: WriteTx<DataSchema>, duoId: string, o: DuoChangeOptions): DuoResult => {
  const r = reach(tx, duoId, o.staff);
  if (!r.ok) return r;
  if (r.duo.status !== 'active')
    return { ok: false, reason: r.duo.status === 'ended' ? 'already_ended' : 'not_active', duo: r.duo };
  return save(tx, { ...r.duo, status: 'paused', pausedAt: o.now.toISOString() });
};

/**
 * Resumes a paused duo and adds the calendar days of the pause (in `timeZone`, so a clock change
 * does not shift a day) to `pausedDays`. A pause and resume on the same day adds 0 days.
 */
export const resumeDuo = (tx: WriteTx<DataSchema>, duoId: string, o: DuoChangeOptions): DuoResult => {
  const r = reach(tx, duoId, o.staff);
  if (!r.ok) return r;
  if (r.duo.status !== 'paused')
    return { ok: false, reason: r.duo.status === 'ended' ? 'already_ended' : 'not_paused', duo: r.duo };
  const days = pauseSoFar(r.duo, o);
  return save(tx, {
    ...r.duo,
    status: 'active',
    pausedAt: null,
    pausedDays: pausedDaysOf(r.duo) + days,
    resumedAt: o.now.toISOString(),
  });
};

/**
 * Ends an active or paused duo, with an optional reason. A pause still running is counted in
 * `pausedDays`. When the newcomer has no other duo left, a trajectory still 'matched' goes back to
 * 'intake' (looking for a new buddy); other statuses stay as the coach set them.
 */
export const endDuo = (
  tx: WriteTx<DataSchema>,
  duoId: string,
  o: DuoChangeOptions & { readonly reason?: string },
): DuoResult => {
  const r = reach(tx, duoId, o.staff);
  if (!r.ok) return r;
  const duo = r.duo;
  if (duo.status === 'ended') return { ok: false, reason: 'already_ended', duo };
  const extra = duo.status === 'paused' ? pauseSoFar(duo, o) : 0;
  const reason = o.reason?.trim();
  const ended = save(tx, {
    ...duo,
    status: 'ended',
    endedAt: o.now.toISOString(),
    pausedAt: null,
    pausedDays: pausedDaysOf(duo) + extra,
    ...(reason ? { endReason: reason } : {}),
  });
  if (!tx.list('duos', (x) => x.newcomerId === duo.newcomerId && isLive(x)).length)
    moveTrajectory(tx, duo.newcomerId, 'matched', 'intake');
  return ended;
};

/**
 * Duos to follow up, live ones first, then by match date: of one coach (`coach`: person id), of
 * one gemeente (`municipality`: the newcomer's), or all. `ended: false` leaves ended duos out.
 */
export const listDuos = (
  tx: ReadTx<DataSchema>,
  f: { readonly coach?: string; readonly municipality?: string; readonly ended?: boolean } = {},
): Duo[] =>
  tx
    .list(
      'duos',
      (d) =>
        (f.coach === undefined || d.coachId === f.coach) &&
        (f.municipality === undefined || tx.get('people', d.newcomerId)?.municipality === f.municipality) &&
        (f.ended !== false || isLive(d)),
    )
    .sort((a, b) => Number(isLive(b)) - Number(isLive(a)) || a.matchedAt.localeCompare(b.matchedAt));

/** The newcomer's duos that have not ended (usually one). */
export const liveDuosOf = (tx: ReadTx<DataSchema>, newcomerId: string): Duo[] =>
  tx.list('duos', (d) => d.newcomerId === newcomerId && isLive(d));
