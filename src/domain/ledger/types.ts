/**
 * The hours ledger: what a newcomer did toward the 40 hours, as the bewijs van deelname needs it.
 * Entries are never edited in place without trace nor deleted: every change appends an
 * {@link AuditEvent} to `history`, and a withdrawn entry stays with status `withdrawn`.
 */

/** Offer types of the trajectory (the agency's keuzemenu), as stored. */
export const OFFER_TYPES = [
  'buddy',
  'vrijwilligerswerk',
  'kennismakingsstage',
  'vrije_tijd',
  'groepsactiviteit',
  'intake',
] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

export const ENTRY_STATUSES = ['pending', 'confirmed', 'disputed', 'withdrawn'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Which chat message caused a change (for the audit trail); null for the CLI or the system. */
export interface Via {
  readonly channel: string;
  readonly messageId: string;
}

export interface AuditEvent {
  readonly at: string;
  /** Person id of who did it, or "system" / "cli". */
  readonly by: string;
  readonly action: 'reported' | 'confirmed' | 'disputed' | 'withdrawn' | 'corrected' | 'reminded';
  readonly via: Via | null;
  /** For corrections: field -> [old, new]. */
  readonly changes?: Readonly<Record<string, readonly [unknown, unknown]>>;
  readonly note?: string;
}

export interface LedgerEntry {
  readonly v: 1;
  readonly id: string;
  readonly newcomerId: string;
  readonly minutes: number;
  /** Local date in Europe/Brussels, YYYY-MM-DD. */
  readonly date: string;
  readonly offerType: OfferType;
  /** Organisation (club, volunteer place), or null for a buddy meeting. */
  readonly organisation: string | null;
  /** Person who confirms: the buddy, or the organisation's contact person (if known to the bot). */
  readonly contactId: string | null;
  readonly description: string | null;
  readonly reportedBy: string;
  readonly via: Via | null;
  readonly status: EntryStatus;
  readonly createdAt: string;
  readonly history: readonly AuditEvent[];
}

/** Where a duo stands. */
export const DUO_STATUSES = ['active', 'paused', 'ended'] as const;
export type DuoStatus = (typeof DUO_STATUSES)[number];
/** Planned lengths of a duo in months (the buddy offer runs 3, 6 or 9 months). */
export const PLANNED_MONTHS = [3, 6, 9] as const;
export type PlannedMonths = (typeof PLANNED_MONTHS)[number];
/** Meetings a month when none was agreed: at least twice a month. */
export const DEFAULT_RHYTHM_PER_MONTH = 2;
/** Planned length when none was agreed. */
export const DEFAULT_PLANNED_MONTHS: PlannedMonths = 6;

/**
 * A newcomer, their buddy and the coach who follows them up. The follow-up fields are optional so
 * records written before issue 6 stay valid; read them through `rhythmOf`, `plannedMonthsOf` etc.
 */
export interface Duo {
  readonly v: 1;
  readonly id: string;
  readonly newcomerId: string;
  readonly buddyId: string;
  readonly coachId: string | null;
  readonly status: DuoStatus;
  /** ISO instant of the match. */
  readonly matchedAt: string;
  /** Local date (YYYY-MM-DD) of the first meeting, once known. */
  readonly firstMeetingAt?: string | null;
  /** Agreed meetings a month; default {@link DEFAULT_RHYTHM_PER_MONTH}. */
  readonly rhythmPerMonth?: number;
  /** Planned length in months; default {@link DEFAULT_PLANNED_MONTHS}. */
  readonly plannedMonths?: PlannedMonths;
  /** ISO instant the duo ended. */
  readonly endedAt?: string | null;
  /** ISO instant the current pause started (null when not paused). */
  readonly pausedAt?: string | null;
  /** ISO instant the duo last came back from a pause (a fresh period for the inactivity nudge). */
  readonly resumedAt?: string | null;
  /** Calendar days of all finished pauses (to shift follow-ups later). */
  readonly pausedDays?: number;
  readonly endReason?: string;
}

/** Where a newcomer's trajectory stands. */
export const TRAJECTORY_STATUSES = ['intake', 'matched', 'active', 'paused', 'ended'] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

/**
 * The newcomer's term: hours count only between start and end. The issue 6 fields are optional so
 * older records stay valid; read the status through `trajectoryStatusOf` (default 'active').
 */
export interface Trajectory {
  readonly v: 1;
  readonly id: string;
  readonly newcomerId: string;
  /** YYYY-MM-DD */
  readonly start: string;
  /** YYYY-MM-DD */
  readonly end: string;
  readonly obligation: boolean;
  readonly status?: TrajectoryStatus;
  /** Person id of the coach who follows the trajectory. */
  readonly coachId?: string | null;
  /** Gemeente id of the trajectory. */
  readonly municipality?: string;
  /** Offer types chosen from the keuzemenu. */
  readonly offerTypes?: readonly OfferType[];
}

/** The target of the trajectory: 40 hours. */
export const TARGET_MINUTES = 40 * 60;
/** Milestones that get a short positive message; the coach is told at 40. */
export const MILESTONE_HOURS = [10, 20, 30, 40] as const;
