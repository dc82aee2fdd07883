import type { ReadTx } from '../../core/store.js';
import type { Activity, ActivityCriteria } from '../activities/types.js';
import { comingCount } from '../broadcasts/rsvp.js';
import type { DataSchema } from '../schema.js';
import { gemeenteName } from '../municipalities.js';

/** One activity of the catalogue with how many say they come. */
export interface CatalogueRow {
  readonly id: string;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string;
  /** Gemeente names. */
  readonly gemeenten: readonly string[];
  readonly criteria: ActivityCriteria;
  /** A coach keeps it in the digest although a criterion fails. */
  readonly overridden: boolean;
  readonly status: Activity['status'];
  readonly coming: number;
  /** Not started yet at `now`. */
  readonly upcoming: boolean;
}

/**
 * The activity catalogue (of one gemeente, or all when `gemeente` is null) with RSVP counts:
 * activities still to come first, soonest first, then those that started, latest first.
 */
export const activityCatalogue = (
  tx: ReadTx<DataSchema>,
  now: Date,
  gemeente: string | null,
): CatalogueRow[] => {
  const rows = tx
    .list('activities', (a) => gemeente === null || a.municipalities.includes(gemeente))
    .map((a): CatalogueRow => ({
      id: a.id,
      title: a.title,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      place: a.place,
      gemeenten: a.municipalities.map((m) => gemeenteName(tx, m)),
      criteria: a.criteria,
      overridden: a.override !== null,
      status: a.status,
      coming: comingCount(tx, a.id),
      upcoming: Date.parse(a.startsAt) > now.getTime(),
    }));
  const upcoming = rows.filter((r) => r.upcoming).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = rows.filter((r) => !r.upcoming).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return [...upcoming, ...past];
};
