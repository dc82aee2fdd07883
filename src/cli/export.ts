import type { ReadTx } from '../core/store.js';
import type { DataSchema, LedgerEntry } from '../domain/index.js';
import { withStore, type CliContext } from './context.js';

/** Columns of the hours export, in order; names stay stable for spreadsheets that read them. */
const COLUMNS = [
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
type Row = Record<(typeof COLUMNS)[number], string | number>;

const rowOf = (tx: ReadTx<DataSchema>, e: LedgerEntry): Row => {
  const name = (id: string | null) => (id ? (tx.get('people', id)?.name ?? id) : '');
  const confirmed = [...e.history].reverse().find((h) => h.action === 'confirmed');
  return {
    entry: e.id,
    newcomer: name(e.newcomerId),
    gemeente: tx.get('people', e.newcomerId)?.municipality ?? '',
    date: e.date,
    minutes: e.minutes,
    hours: Math.round((e.minutes / 60) * 100) / 100,
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

/** A CSV field for Excel in Flanders: `;` separated, quoted when needed, formulas neutralised. */
const csvField = (v: string | number): string => {
  let s = String(v);
  if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The rows of the hours export, one per entry (every status), by gemeente when asked. */
const hoursRows = (tx: ReadTx<DataSchema>, gemeente?: string): Row[] =>
  tx
    .list('ledger', (e) => !gemeente || tx.get('people', e.newcomerId)?.municipality === gemeente)
    .map((e) => rowOf(tx, e))
    .sort(
      (a, b) =>
        String(a.newcomer).localeCompare(String(b.newcomer)) || String(a.date).localeCompare(String(b.date)),
    );

/** `export hours [--gemeente X] [--format csv|json]` to standard output. */
export const exportHours = async (
  ctx: CliContext,
  o: Record<string, string | undefined>,
): Promise<number> => {
  const format = o['format'] ?? 'csv';
  if (format !== 'csv' && format !== 'json') {
    ctx.err(ctx.t('bad_format', { format }));
    return 2;
  }
  return withStore(ctx, async (store) => {
    const gemeente = o['gemeente'];
    const rows = await store.read((tx) => {
      if (gemeente && !tx.get('municipalities', gemeente)) return null;
      return hoursRows(tx, gemeente);
    });
    if (!rows) {
      ctx.err(ctx.t('unknown_gemeente', { gemeente: gemeente ?? '' }));
      return 1;
    }
    if (format === 'json') for (const r of rows) ctx.out(JSON.stringify(r));
    else {
      ctx.out(COLUMNS.join(';'));
      for (const r of rows) ctx.out(COLUMNS.map((c) => csvField(r[c])).join(';'));
    }
    return 0;
  });
};
