import { withStore, type CliContext } from './context.js';
import { HOURS_COLUMNS, hoursRows } from '../domain/reports/hours.js';
import { isExportFormat, writeRows } from '../documents/csv.js';
import { auditCli } from './export-options.js';

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
      auditCli(tx, 'export_hours', out.length);
      return out;
    });
    if (!rows) {
      ctx.err(ctx.t('unknown_gemeente', { gemeente: gemeente ?? '' }));
      return 1;
    }
    writeRows(ctx.out, HOURS_COLUMNS, rows, format);
    return 0;
  });
};
