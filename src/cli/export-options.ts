import { parseArgs } from 'node:util';
import type { WriteTx } from '../core/store.js';
import type { DataSchema } from '../domain/index.js';
import { isLocalDate } from '../domain/dates.js';
import { recordAudit } from '../domain/privacy/audit.js';
import type { AuditWhat } from '../domain/privacy/types.js';
import { createSystemIds, systemClock } from '../system.js';
import type { CliContext } from './context.js';
import { isExportFormat, type ExportFormat } from '../documents/csv.js';

/** What an export or report reads from its options: format, an inclusive local period, a gemeente. */
export interface ExportOptions {
  readonly format: ExportFormat;
  readonly dates: { readonly from?: string; readonly to?: string };
  /** The gemeente as typed (id or name), if any. */
  readonly gemeente?: string;
  readonly positionals: readonly string[];
}

const OPTIONS = ['format', 'gemeente', 'municipality', 'from', 'to', 'data'] as const;

/**
 * Reads `--format csv|json`, `--from`/`--to` (YYYY-MM-DD, from not after to) and `--gemeente` of an
 * export. A mistake prints the namespace's `cli.bad_format`, `cli.bad_date` or `cli.bad_range`
 * (naming the option and the fix) and gives exit code 2.
 */
export const readExportOptions = (
  ctx: CliContext,
  argv: readonly string[],
  ns: 'survey' | 'proof',
): ExportOptions | 2 => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: Object.fromEntries(OPTIONS.map((o) => [o, { type: 'string' as const }])),
  });
  const text = (k: (typeof OPTIONS)[number]) => {
    const v = values[k];
    return typeof v === 'string' ? v : v === true ? '' : undefined;
  };
  const format = text('format') ?? 'csv';
  if (!isExportFormat(format)) {
    ctx.err(ctx.t(`${ns}:cli.bad_format`, { value: format, choices: '--format csv, --format json' }));
    return 2;
  }
  const dates: { from?: string; to?: string } = {};
  for (const option of ['from', 'to'] as const) {
    const value = text(option);
    if (value === undefined) continue;
    if (!isLocalDate(value)) {
      ctx.err(ctx.t(`${ns}:cli.bad_date`, { option, value }));
      return 2;
    }
    dates[option] = value;
  }
  if (dates.from && dates.to && dates.from > dates.to) {
    ctx.err(ctx.t(`${ns}:cli.bad_range`, { from: dates.from, to: dates.to }));
    return 2;
  }
  const gemeente = text('gemeente') ?? text('municipality');
  return { format, dates, positionals, ...(gemeente !== undefined ? { gemeente } : {}) };
};

/** Records in the audit log that the command line exported or viewed `count` records of `what`. */
export const auditCli = (
  tx: WriteTx<DataSchema>,
  what: AuditWhat,
  count: number,
  action: 'export' | 'view' = 'export',
): void => {
  recordAudit(
    tx,
    { actorId: 'cli', action, what, subjectId: null, count, via: 'cli' },
    { now: systemClock.now(), ids: createSystemIds() },
  );
};
