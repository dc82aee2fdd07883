import { findMunicipality } from '../domain/index.js';
import { tbReport } from '../domain/reports/tb.js';
import { TB_COLUMNS, tbExportRow } from '../domain/reports/tb-rows.js';
import { withStore, type CliContext } from './context.js';
import { writeRows } from '../documents/csv.js';
import { auditCli, readExportOptions } from './export-options.js';

/**
 * `report tb [--from YYYY-MM-DD --to YYYY-MM-DD] [--gemeente X] [--format csv|json]` to standard
 * output: one row per newcomer for the agency's trajectbegeleider (status, term, confirmed and
 * pending hours in the period, all confirmed hours, offer types, pauses, last contact). Dates are
 * local and inclusive. Recorded in the audit log (what `report_tb`, how many rows). Exit 2 for a
 * bad option (named, with the fix), 1 for an unknown gemeente.
 */
export const reportCli = async (ctx: CliContext, argv: readonly string[]): Promise<number> => {
  const o = readExportOptions(ctx, argv, 'proof');
  if (o === 2) return 2;
  if (o.positionals[1] !== 'tb') {
    ctx.err(ctx.t('proof:cli.usage'));
    return 2;
  }
  const { format, dates, gemeente: wanted } = o;
  const timeZone = ctx.config.TIMEZONE;
  const rows = await withStore(ctx, (store) =>
    store.transact((tx) => {
      const gemeente = wanted === undefined ? undefined : findMunicipality(tx, wanted);
      if (wanted !== undefined && !gemeente) return null;
      const report = tbReport(tx, { ...dates, timeZone, ...(gemeente ? { municipality: gemeente.id } : {}) });
      auditCli(tx, 'report_tb', report.length);
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
