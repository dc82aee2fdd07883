import type { ReadTx } from '../../core/store.js';
import type { DataSchema } from '../schema.js';
import { trajectoryOf } from './queries.js';
import type { OfferType } from './types.js';

/** Statuses whose minutes count toward a day's total and can be duplicated. */
const COUNTING = new Set(['pending', 'confirmed']);
const DUPLICATE_WINDOW_MS = 48 * 3_600_000;

/** What a person is about to report. */
export interface EntryDraft {
  readonly newcomerId: string;
  readonly minutes: number;
  /** Local date, YYYY-MM-DD. */
  readonly date: string;
  readonly offerType: OfferType;
}

export interface CheckOptions {
  /** Today's local date (YYYY-MM-DD) in the deployment's time zone. */
  readonly today: string;
  /** Longest single entry, e.g. 12 h = 720. */
  readonly maxEntryMinutes: number;
  /** Most minutes on one day for one newcomer, e.g. 16 h = 960. */
  readonly maxDayMinutes: number;
  readonly now: Date;
  /** Set after the person said "yes, this is another activity". */
  readonly ignoreDuplicate?: boolean;
}

export type EntryCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'zero' | 'entry_too_long' | 'day_too_long' | 'future' | 'before_start' | 'after_end';
      readonly limitMinutes?: number;
      readonly trajectory?: { readonly start: string; readonly end: string };
    }
  | { readonly ok: false; readonly reason: 'duplicate'; readonly entryId: string };

/**
 * Plausibility of a new entry, before it is recorded, so the flow can ask again instead of storing
 * a typo: more than 0 minutes; at most `maxEntryMinutes`; not after today; inside the newcomer's
 * term when one is set; not a near-identical entry (same newcomer, date and minutes, pending or
 * confirmed, reported in the last 48 h) unless `ignoreDuplicate`; and the day's pending and
 * confirmed minutes plus these at most `maxDayMinutes`.
 *
 * The duplicate is checked before the day total: a message sent twice is far likelier than a
 * too-long day, and "did you mean this one?" is the more helpful question.
 */
export const checkEntry = (tx: ReadTx<DataSchema>, d: EntryDraft, o: CheckOptions): EntryCheck => {
  if (!(d.minutes > 0)) return { ok: false, reason: 'zero' };
  if (d.minutes > o.maxEntryMinutes)
    return { ok: false, reason: 'entry_too_long', limitMinutes: o.maxEntryMinutes };
  if (d.date > o.today) return { ok: false, reason: 'future' };
  const term = trajectoryOf(tx, d.newcomerId);
  if (term && d.date < term.start)
    return { ok: false, reason: 'before_start', trajectory: { start: term.start, end: term.end } };
  if (term && d.date > term.end)
    return { ok: false, reason: 'after_end', trajectory: { start: term.start, end: term.end } };
  const sameDay = tx.list(
    'ledger',
    (e) => e.newcomerId === d.newcomerId && e.date === d.date && COUNTING.has(e.status),
  );
  if (!o.ignoreDuplicate) {
    const twin = sameDay
      .filter((e) => e.minutes === d.minutes)
      .filter((e) => o.now.getTime() - Date.parse(e.createdAt) <= DUPLICATE_WINDOW_MS)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (twin) return { ok: false, reason: 'duplicate', entryId: twin.id };
  }
  const total = sameDay.reduce((n, e) => n + e.minutes, 0);
  if (total + d.minutes > o.maxDayMinutes)
    return { ok: false, reason: 'day_too_long', limitMinutes: o.maxDayMinutes };
  return { ok: true };
};
