import { parseArgs } from 'node:util';
import { findMunicipality } from '../domain/index.js';
import { isLocalDate } from '../domain/dates.js';
import { recordAudit } from '../domain/privacy/audit.js';
import { tbReport } from '../domain/reports/tb.js';
import { TB_COLUMNS, tbExportRow } from '../domain/reports/tb-rows.js';
import { createSystemIds, systemClock } from '../system.js';
import { withStore, type CliContext } from './context.js';
import { isExportFormat, writeRows } from './csv.js';

/** The options `report tb` reads itself. */
const OPTIONS = ['format', 'gemeente', 'municipality', 'from', 'to', 'data'] as const;

/**
 * `report tb [--from YYYY-MM-DD --to YYYY-MM-DD] [--gemeente X] [--format csv|json]` to standard
 * output: one row per newcomer for the agency's trajectbegeleider (status, term, confirmed and
 * pending hours in the period, all confirmed hours, offer types, pauses, last contact). Dates are
 * local and inclusive. Recorded in the audit log (what `report_tb`, how many rows). Exit 2 for a
 * bad option (named, with the fix), 1 for an unknown gemeente.
 */
export const reportCli = async (ctx: CliContext, argv: readonly string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: Object.fromEntries(OPTIONS.map((o) => [o, { type: 'string' as const }])),
  });
  if (positionals[1] !== 'tb') {
    ctx.err(ctx.t('proof:cli.usage'));
    return 2;
  }
  const text = (k: (typeof OPTIONS)[number]) => {
    const v = values[k];
    return typeof v === 'string' ? v : v === true ? '' : undefined;
  };
  const format = text('format') ?? 'csv';
  if (!isExportFormat(format)) {
    ctx.err(ctx.t('proof:cli.bad_format', { value: format, choices: '--format csv, --format json' }));
    return 2;
  }
  const dates: { from?: string; to?: string } = {};
  for (const option of ['from', 'to'] as const) {
    const value = text(option);
    if (value === undefined) continue;
    if (!isLocalDate(value)) {
      ctx.err(ctx.t('proof:cli.bad_date', { option, value }));
      return 2;
    }
    dates[option] = value;
  }
  if (dates.from && dates.to && dates.from > dates.to) {
    ctx.err(ctx.t('proof:cli.bad_range', { from: dates.from, to: dates.to }));
    return 2;
  }
  const wanted = text('gemeente') ?? text('municipality');
  const timeZone = ctx.config.TIMEZONE;
  const rows = await withStore(ctx, (store) =>
    store.transact((tx) => {
      const gemeente = wanted === undefined ? undefined : findMunicipality(tx, wanted);
      if (wanted !== undefined && !gemeente) return null;
      const report = tbReport(tx, { ...dates, timeZone, ...(gemeente ? { municipality: gemeente.id } : {}) });
      recordAudit(
        tx,
        {
          actorId: 'cli',
          action: 'export',
          what: 'report_tb',
          subjectId: null,
          count: report.length,
          via: 'cli',
        },
        { now: systemClock.now(), ids: createSystemIds() },
      );
      return report.map(tbExportRow);
    }),
  );
  if (!rows) {
    ctx.err(ctx.t('proof:cli.unknown_gemeente', { value: wanted ?? '' }));
    return 1;
  }
  writeRows(ctx.out, TB_COLUMNS, rows, format);
  return 0;
};
