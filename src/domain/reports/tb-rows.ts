import { hoursOf } from './hours.js';
import type { TbRow } from './tb.js';

/** Columns of the TB report, in order; names stay stable for the spreadsheets that read them. */
export const TB_COLUMNS = [
  'newcomer_id',
  'newcomer',
  'gemeente',
  'coach',
  'status',
  'obligation',
  'term_start',
  'term_end',
  'confirmed_hours',
  'pending_hours',
  'confirmed_total_hours',
  'offer_types',
  'paused_days',
  'paused_since',
  'last_contact',
] as const;

/** One line of the TB report as exported (hours with two decimals, obligation ja/nee). */
export type TbExportRow = Record<(typeof TB_COLUMNS)[number], string | number>;

/** A TB report row as the CLI's `report tb` and the dashboard's tb.csv write it. */
export const tbExportRow = (r: TbRow): TbExportRow => ({
  newcomer_id: r.newcomerId,
  newcomer: r.newcomer,
  gemeente: r.gemeente,
  coach: r.coach,
  status: r.status,
  obligation: r.obligation === null ? '' : r.obligation ? 'ja' : 'nee',
  term_start: r.termStart ?? '',
  term_end: r.termEnd ?? '',
  confirmed_hours: hoursOf(r.confirmedMinutes),
  pending_hours: hoursOf(r.pendingMinutes),
  confirmed_total_hours: hoursOf(r.confirmedTotalMinutes),
  offer_types: r.offerTypes.join(', '),
  paused_days: r.pausedDays,
  paused_since: r.pausedSince ?? '',
  last_contact: r.lastContact ?? '',
});
