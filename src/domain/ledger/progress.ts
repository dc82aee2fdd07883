import { daysBetween } from '../dates.js';
import { MILESTONE_HOURS, OFFER_TYPES, TARGET_MINUTES, type LedgerEntry, type OfferType } from './types.js';

/** Where a newcomer stands toward the 40 hours. */
export interface Progress {
  readonly confirmedMinutes: number;
  /** Reported but not yet confirmed; shown apart, never counted toward the target. */
  readonly pendingMinutes: number;
  readonly byOfferType: Record<OfferType, { confirmed: number; pending: number }>;
  readonly targetMinutes: number;
  /** Confirmed minutes still missing (0 when done). */
  readonly remainingMinutes: number;
  /** Weeks until the term ends, a started week counting as one; 0 once it ended; null without a term. */
  readonly weeksLeft: number | null;
  /** Remaining minutes per week left, rounded up to 5; null without a term or once it ended. */
  readonly minutesPerWeek: number | null;
  readonly done: boolean;
}

/**
 * Progress toward the 40 hours from a newcomer's entries. Confirmed minutes count; pending ones
 * are counted apart; disputed and withdrawn ones do not count at all. `today` and `termEnd` are
 * local dates (YYYY-MM-DD); the last day of the term is still a (short) week to go.
 */
export const progressOf = (
  entries: readonly LedgerEntry[],
  o: { readonly today: string; readonly termEnd: string | null },
): Progress => {
  const byOfferType = Object.fromEntries(
    OFFER_TYPES.map((t) => [t, { confirmed: 0, pending: 0 }]),
  ) as Progress['byOfferType'];
  let confirmed = 0;
  let pending = 0;
  for (const e of entries) {
    if (e.status === 'confirmed') {
      confirmed += e.minutes;
      byOfferType[e.offerType].confirmed += e.minutes;
    } else if (e.status === 'pending') {
      pending += e.minutes;
      byOfferType[e.offerType].pending += e.minutes;
    }
  }
  const remaining = Math.max(0, TARGET_MINUTES - confirmed);
  const days = o.termEnd === null ? null : daysBetween(o.today, o.termEnd);
  const weeksLeft = days === null ? null : days < 0 ? 0 : Math.max(1, Math.ceil(days / 7));
  const minutesPerWeek =
    weeksLeft === null || weeksLeft === 0 ? null : Math.ceil(remaining / weeksLeft / 5) * 5;
  return {
    confirmedMinutes: confirmed,
    pendingMinutes: pending,
    byOfferType,
    targetMinutes: TARGET_MINUTES,
    remainingMinutes: remaining,
    weeksLeft,
    minutesPerWeek,
    done: remaining === 0,
  };
};

/**
 * A text progress bar for chat, e.g. "▓▓▓▓░░░░░░" for 16 of 40 hours. A block fills only when
 * its share is reached, so the bar is full only when the target is.
 */
export const progressBar = (minutes: number, target = TARGET_MINUTES, width = 10): string => {
  const share = target > 0 ? minutes / target : 1;
  const full = Math.max(0, Math.min(width, Math.floor(share * width)));
  return '▓'.repeat(full) + '░'.repeat(width - full);
};

/**
 * The milestones (10, 20, 30, 40 hours) passed when confirmed minutes go from `before` to
 * `after`, e.g. 9 h -> 21 h gives [10, 20]; each gets one short positive message.
 */
export const milestonesCrossed = (before: number, after: number): number[] =>
  MILESTONE_HOURS.filter((h) => before < h * 60 && after >= h * 60);
