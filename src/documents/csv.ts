/** The formats the `export` commands write. */
const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True for a format the `export` commands know. */
export const isExportFormat = (s: unknown): s is ExportFormat =>
  typeof s === 'string' && (EXPORT_FORMATS as readonly string[]).includes(s);

/** A CSV field for Excel in Flanders: `;` separated, quoted when needed, formulas neutralised. */
const csvField = (v: string | number): string => {
  let s = String(v);
  if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * Writes an export to `out`, one line at a time: `;` CSV with a header of `columns` (for Excel),
 * or one JSON object per row. Column names stay stable for the spreadsheets that read them.
 */
export const writeRows = <C extends string>(
  out: (line: string) => void,
  columns: readonly C[],
  rows: readonly Readonly<Record<C, string | number>>[],
  format: ExportFormat,
): void => {
  if (format === 'json') {
    for (const r of rows) out(JSON.stringify(r));
    return;
  }
  out(columns.join(';'));
  for (const r of rows) out(columns.map((c) => csvField(r[c])).join(';'));
};

/**
 * The whole export as one string, each line ending in a newline (as {@link writeRows} writes it),
 * for a file or a download that is written at once.
 */
export const rowsText = <C extends string>(
  columns: readonly C[],
  rows: readonly Readonly<Record<C, string | number>>[],
  format: ExportFormat,
): string => {
  const lines: string[] = [];
  writeRows((l) => lines.push(l), columns, rows, format);
  return `${lines.join('\n')}\n`;
};
