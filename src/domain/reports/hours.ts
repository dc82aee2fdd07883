import type { ReadTx } from '../../core/store.js';
import type { LedgerEntry } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';

/**
 * Minutes as hours rounded to two decimals (90 -> 1.5, 50 -> 0.83): how every export, proof and
 * dashboard page writes hours, so a figure reads the same wherever it appears.
 */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** Columns of the hours export, in order; names stay stable for spreadsheets that read them. */
export const HOURS_COLUMNS = [
  'entry',
  'newcomer',
  'gemeente',
  'date',
  'minutes',
  'hours',
  'offer_type',
  'organisation',
  'contact',
  'description',
  'status',
  'reported_by',
  'reported_at',
  'confirmed_by',
  'confirmed_at',
] as const;

/** One line of the hours export. */
export type HoursRow = Record<(typeof HOURS_COLUMNS)[number], string | number>;

const rowOf = (tx: ReadTx<DataSchema>, e: LedgerEntry): HoursRow => {
  const name = (id: string | null) => (id ? (tx.get('people', id)?.name ?? id) : '');
  const confirmed = [...e.history].reverse().find((h) => h.action === 'confirmed');
  return {
    entry: e.id,
    newcomer: name(e.newcomerId),
    gemeente: tx.get('people', e.newcomerId)?.municipality ?? '',
    date: e.date,
    minutes: e.minutes,
    hours: hoursOf(e.minutes),
    offer_type: e.offerType,
    organisation: e.organisation ?? '',
    contact: name(e.contactId),
    description: e.description ?? '',
    status: e.status,
    reported_by: name(e.reportedBy),
    reported_at: e.createdAt,
    confirmed_by: confirmed ? name(confirmed.by) : '',
    confirmed_at: confirmed?.at ?? '',
  };
};

/**
 * The rows of the hours export (`npm run cli -- export hours` and the dashboard's hours.csv), one
 * per entry (every status), by newcomer and date; only the gemeente's newcomers when given.
 */
export const hoursRows = (tx: ReadTx<DataSchema>, gemeente?: string): HoursRow[] =>
  tx
    .list('ledger', (e) => !gemeente || tx.get('people', e.newcomerId)?.municipality === gemeente)
    .map((e) => rowOf(tx, e))
    .sort(
      (a, b) =>
        String(a.newcomer).localeCompare(String(b.newcomer)) || String(a.date).localeCompare(String(b.date)),
    );
