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

/** A newcomer and their buddy (issue 6 adds the follow-up dates). */
export interface Duo {
  readonly v: 1;
  readonly id: string;
  readonly newcomerId: string;
  readonly buddyId: string;
  readonly coachId: string | null;
  readonly status: 'active' | 'paused' | 'ended';
  readonly matchedAt: string;
}

/** The newcomer's term: hours count only between start and end (issue 6 adds status etc.). */
export interface Trajectory {
  readonly v: 1;
  readonly id: string;
  readonly newcomerId: string;
  /** YYYY-MM-DD */
  readonly start: string;
  /** YYYY-MM-DD */
  readonly end: string;
  readonly obligation: boolean;
}

/** The target of the trajectory: 40 hours. */
export const TARGET_MINUTES = 40 * 60;
/** Milestones that get a short positive message; the coach is told at 40. */
export const MILESTONE_HOURS = [10, 20, 30, 40] as const;
