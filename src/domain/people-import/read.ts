import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { detectDelimiter } from '../../parsing/csv.js';

/**
 * Reading a coach's people spreadsheet saved as CSV: separator (`;`, `,` or tab) detected, a BOM
 * dropped, quoted fields, Dutch or English column names mapped to fields. No judgement of the
 * values here (see validate.ts).
 */

/** The fields of a person row, each with the column names a spreadsheet may give it. */
const FIELD_NAMES = {
  name: 'naam name volledige_naam full_name',
  first_name: 'voornaam first_name firstname given_name',
  last_name: 'achternaam familienaam last_name lastname surname family_name',
  role: 'rol role functie type',
  gemeente: 'gemeente municipality stad city',
  lang: 'taal language contacttaal contact_language lang',
  phone: 'telefoon telefoonnummer tel gsm gsm_nummer mobiel phone phone_number mobile whatsapp',
  external_id: 'extern_id externe_id external_id rijksregister_vrij_id dossiernummer dossier id',
  coach: 'coach netwerkcoach',
  organisation: 'organisatie organization organisation',
  start: 'startdatum start begindatum start_date begin',
  end: 'einddatum einde end_date end',
  obligation: 'verplicht obligation verplichting obligated',
} as const;
export type PersonField = keyof typeof FIELD_NAMES;

const ALIASES: ReadonlyMap<string, PersonField> = new Map(
  (Object.entries(FIELD_NAMES) as [PersonField, string][]).flatMap(([f, names]) =>
    names.split(' ').map((n) => [n, f] as const),
  ),
);

/** A header as a lower-case key: `Extern ID`, `extern-id` and `EXTERN_ID` are `extern_id`. */
const keyOf = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLocaleLowerCase()
    .replace(/[\s./-]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** The field of a column header, or null when the import does not use that column. */
export const fieldOf = (header: string): PersonField | null => ALIASES.get(keyOf(header)) ?? null;

/** A field's column: its header as written and its position (1-based, as a spreadsheet counts). */
export interface Column {
  readonly header: string;
  readonly index: number;
}

/** One data row: its line in the file (the header is line 1) and the raw cell of each field. */
export interface RawRow {
  readonly line: number;
  readonly cells: Readonly<Partial<Record<PersonField, string>>>;
}

export type ReadResult =
  | {
      readonly ok: true;
      readonly columns: Readonly<Partial<Record<PersonField, Column>>>;
      /** Headers the import does not use (kept out on purpose: need-to-know). */
      readonly ignored: readonly string[];
      readonly rows: readonly RawRow[];
    }
  | { readonly ok: false; readonly line: number; readonly detail: string };

type Parsed = { record: string[]; info: { lines: number } };

/** Reads the CSV text: columns by field, and each non-empty data row with its line number. */
export const readPeopleCsv = (text: string): ReadResult => {
  const body = text.replace(/^\uFEFF/, '');
  let parsed: Parsed[];
  try {
    parsed = parseCsv(body, {
      delimiter: detectDelimiter(body.split(/\r?\n/, 1)[0] ?? ''),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as Parsed[];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = typeof e['lines'] === 'number' ? e['lines'] : 1;
    return { ok: false, line, detail: e.message.replace(/^[^:]*: /, '') };
  }
  const header = parsed[0]?.record ?? [];
  const columns: Partial<Record<PersonField, Column>> = {};
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const field = fieldOf(h);
    if (field && !columns[field]) columns[field] = { header: h.trim(), index: i + 1 };
    else if (h.trim()) ignored.push(h.trim());
  });
  const rows: RawRow[] = [];
  for (const { record, info } of parsed.slice(1)) {
    if (record.every((c) => !c.trim())) continue;
    const cells: Partial<Record<PersonField, string>> = {};
    for (const [field, col] of Object.entries(columns) as [PersonField, Column][])
      cells[field] = (record[col.index - 1] ?? '').trim();
    // info.lines is where the record ends; a quoted cell may span lines, so count back to its start.
    const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    rows.push({ line: info.lines - inner, cells });
  }
  return { ok: true, columns, ignored, rows };
};
