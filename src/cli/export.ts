import type { ReadTx } from '../core/store.js';
import type { DataSchema, LedgerEntry } from '../domain/index.js';
import { withStore, type CliContext } from './context.js';
import { recordAudit } from '../domain/privacy/audit.js';
import { createSystemIds, systemClock } from '../system.js';
import { isExportFormat, writeRows } from './csv.js';

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
  if (!isExportFormat(format)) {
    ctx.err(ctx.t('bad_format', { format }));
    return 2;
  }
  return withStore(ctx, async (store) => {
    const gemeente = o['gemeente'];
    const rows = await store.transact((tx) => {
      if (gemeente && !tx.get('municipalities', gemeente)) return null;
      const out = hoursRows(tx, gemeente);
      recordAudit(
        tx,
        {
          actorId: 'cli',
          action: 'export',
          what: 'export_hours',
          subjectId: null,
          count: out.length,
          via: 'cli',
        },
        { now: systemClock.now(), ids: createSystemIds() },
      );
      return out;
    });
    if (!rows) {
      ctx.err(ctx.t('unknown_gemeente', { gemeente: gemeente ?? '' }));
      return 1;
    }
    writeRows(ctx.out, COLUMNS, rows, format);
    return 0;
  });
};
