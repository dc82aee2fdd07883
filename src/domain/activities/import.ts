import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { WriteTx } from '../../core/store.js';
import type { DataSchema } from '../schema.js';
import { duplicateKeys, prepareActivity, type CatalogueContext, type Criterion } from './catalogue.js';
import {
  ACTIVITY_FIELDS,
  canonicalField,
  OPTIONAL_FIELDS,
  activityProblem,
  type ActivityProblem,
  type ActivityProblemCode,
} from './input.js';
import type { Activity } from './types.js';
import { detectDelimiter } from '../../parsing/csv.js';

/**
 * Importing a gemeente's activity list from a spreadsheet (CSV) or a YAML file: every row is
 * checked first, and either all rows are added in one transaction or none.
 */

export interface ImportOptions extends CatalogueContext {
  readonly format: 'csv' | 'yaml';
  /** The file's name, carried into problems so a message can say where. */
  readonly file: string;
  /** Gemeente for rows that name none. */
  readonly defaultGemeente?: string;
}

/** A problem at a place in the file: the row (or YAML line) and the column (or YAML key). */
export interface ImportProblem extends ActivityProblem {
  readonly file: string;
  /** Row as a spreadsheet shows it (the header is row 1); for YAML the line. */
  readonly row: number;
  /** The header or key as written in the file; the field name when the file has none. */
  readonly column: string;
}

export interface KeptOut {
  readonly row: number;
  readonly id: string;
  readonly title: string;
  readonly criteria: readonly Criterion[];
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly added: number;
      readonly activities: readonly Activity[];
      /** Added, but kept out of the weekly digest by the criteria (until a coach overrides). */
      readonly kept_out: readonly KeptOut[];
    }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** One activity as read from the file, with where each field stands. */
interface Row {
  readonly row: number;
  readonly input: Record<string, string>;
  /** field -> the header or key as written */
  readonly columns: Record<string, string>;
  /** field -> YAML line of its key */
  readonly lines: Record<string, number>;
}
type Place = { row: number; column: string };
type Read = { rows: Row[]; problems: (ActivityProblem & Place)[]; missing: Set<string> };

const at = (row: number, column: string, field: string, code: ActivityProblemCode, params = {}) => ({
  ...activityProblem(field, code, params),
  row,
  column,
});

/** Maps a header or key to its field, noting unknown and repeated ones. */
const headerOf = (names: { name: string; row: number }[], r: Read) => {
  const columns: Record<string, string> = {};
  for (const { name, row } of names) {
    const field = canonicalField(name);
    if (!field) r.problems.push(at(row, name, name, 'unknown_column', { value: name }));
    else if (columns[field]) r.problems.push(at(row, name, field, 'duplicate_column', { value: name }));
    else columns[field] = name;
  }
  return columns;
};

const readCsv = (text: string, o: ImportOptions): Read => {
  const r: Read = { rows: [], problems: [], missing: new Set() };
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return r;
  let records: string[][];
  try {
    records = parseCsv(body, {
      delimiter: detectDelimiter(body.split(/\r?\n/, 1)[0] ?? '', ','),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const row = (typeof e['records'] === 'number' ? e['records'] : 0) + 1;
    r.problems.push(at(row, '', 'file', 'bad_file', { detail: e.message.replace(/^[^:]*: /, '') }));
    return r;
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const named = header.map((name, i) => ({ name, i })).filter((h) => h.name);
  const columns = headerOf(
    named.map(({ name }) => ({ name, row: 1 })),
    r,
  );
  for (const f of ACTIVITY_FIELDS)
    if (!OPTIONAL_FIELDS.includes(f) && !columns[f] && !(f === 'gemeente' && o.defaultGemeente)) {
      r.missing.add(f);
      r.problems.push(at(1, f, f, 'missing_column'));
    }
  records.slice(1).forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    const input: Record<string, string> = {};
    for (const { name, i: col } of named) {
      const field = canonicalField(name);
      if (field && columns[field] === name) input[field] = cells[col] ?? '';
    }
    r.rows.push({ row: i + 2, input, columns, lines: {} });
  });
  return r;
};

const readYaml = (text: string): Read => {
  const r: Read = { rows: [], problems: [], missing: new Set() };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const line = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
  if (doc.errors.length) {
    for (const e of doc.errors)
      r.problems.push(
        at(lc.linePos(e.pos[0]).line, '', 'file', 'bad_file', { detail: e.message.split('\n')[0] ?? '' }),
      );
    return r;
  }
  let list: unknown = doc.contents;
  if (!list) return r;
  // also `activities:` / `activiteiten:` holding the list
  if (isMap(list))
    list = list.items.find((p) => isScalar(p.key) && /^activit/i.test(String(p.key.value)))?.value;
  if (!isSeq(list)) {
    r.problems.push(at(line(doc.contents), '', 'file', 'not_a_list'));
    return r;
  }
  for (const item of list.items as Node[]) {
    if (!isMap(item)) {
      r.problems.push(at(line(item), '', 'file', 'not_a_list'));
      continue;
    }
    const keys = item.items.map((p) => ({
      name: isScalar(p.key) ? String(p.key.value) : '',
      row: line(p.key as Node),
      value: p.value as Node | null,
    }));
    const columns = headerOf(keys, r);
    const input: Record<string, string> = {};
    const lines: Record<string, number> = {};
    for (const k of keys) {
      const field = canonicalField(k.name);
      if (!field || columns[field] !== k.name) continue;
      lines[field] = k.row;
      const v = k.value;
      if (v === null || (isScalar(v) && v.value === null)) input[field] = '';
      else if (isScalar(v)) input[field] = String(v.value);
      else if (isSeq(v) && v.items.every((x) => isScalar(x)))
        input[field] = v.items.map((x) => String((x as { value: unknown }).value)).join(', ');
      else r.problems.push(at(k.row, k.name, field, 'bad_value'));
    }
    r.rows.push({ row: line(item), input, columns, lines });
  }
  return r;
};

/**
 * Checks every row of a CSV or YAML activity list and adds them all in this transaction, or, if
 * any row has a problem, writes nothing and returns every problem with its row and column.
 * Rows that repeat each other, or an active activity (same title, start and gemeente), are problems.
 */
export const importActivities = (tx: WriteTx<DataSchema>, text: string, o: ImportOptions): ImportResult => {
  const read = o.format === 'csv' ? readCsv(text, o) : readYaml(text);
  const problems: ImportProblem[] = read.problems.map((p) => ({ ...p, file: o.file }));
  const seen = new Map<string, number>();
  const ready: { row: number; activity: Activity; criteria: readonly Criterion[] }[] = [];
  for (const row of read.rows) {
    const input =
      o.defaultGemeente && !row.input['gemeente']?.trim()
        ? { ...row.input, gemeente: o.defaultGemeente }
        : row.input;
    const r = prepareActivity(tx, input, o);
    const place = (field: string) => ({
      file: o.file,
      row: row.lines[field] ?? row.row,
      column: row.columns[field] ?? field,
    });
    if (!r.ok) {
      for (const p of r.problems)
        if (!(p.code === 'required' && read.missing.has(p.field))) problems.push({ ...p, ...place(p.field) });
      continue;
    }
    const keys = duplicateKeys(r.activity);
    const first = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    if (first !== undefined) {
      problems.push({ ...activityProblem('title', 'duplicate_in_file', { row: first }), ...place('title') });
      continue;
    }
    for (const k of keys) seen.set(k, row.row);
    ready.push({ row: row.row, activity: r.activity, criteria: r.criteriaProblems });
  }
  if (!problems.length && !ready.length)
    problems.push({ ...activityProblem('file', 'no_rows'), file: o.file, row: 1, column: '' });
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
  for (const { activity } of ready) tx.put('activities', activity.id, activity);
  return {
    ok: true,
    added: ready.length,
    activities: ready.map((x) => x.activity),
    kept_out: ready
      .filter((x) => x.criteria.length)
      .map((x) => ({ row: x.row, id: x.activity.id, title: x.activity.title, criteria: x.criteria })),
  };
};
