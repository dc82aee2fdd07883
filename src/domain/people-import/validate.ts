import { isWhatsAppChannel } from '../../core/messages.js';
import type { ReadTx } from '../../core/store.js';
import { authorize } from '../access/policy.js';
import type { Role } from '../roles.js';
import type { DataSchema, Person } from '../schema.js';
import type { Column, PersonField, RawRow } from './read.js';
import {
  parseLanguage,
  parseObligation,
  parsePhone,
  parseRole,
  parseSheetDate,
  whatsAppId,
} from './values.js';

/** Why a row cannot be imported; each code has a problem text and a fix (`import:cli.problem.*`, `cli.fix.*`). */
export const PROBLEM_CODES = [
  'missing_column',
  'name_missing',
  'name_too_long',
  'role_unknown',
  'gemeente_missing',
  'gemeente_unknown',
  'lang_unknown',
  'phone_invalid',
  'coach_unknown',
  'date_invalid',
  'term_incomplete',
  'end_before_start',
  'obligation_invalid',
  'organisation_invalid',
  'external_id_invalid',
  'duplicate_in_file',
  'not_allowed',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A problem at a place in the file: line (the header is 1), column (1-based; 0 for the whole row). */
export interface RowProblem {
  readonly line: number;
  readonly column: number;
  /** The column's header as written in the file (or the field's name when it has no column). */
  readonly header: string;
  readonly code: ProblemCode;
  /** The cell as written (never logged; shown to the coach who owns the file). */
  readonly value: string;
  /** For duplicate_in_file: the line of the first row. */
  readonly firstLine?: number;
}

/** A row that passed every check, ready to be created. */
export interface ValidRow {
  readonly line: number;
  readonly name: string;
  readonly role: Role;
  readonly municipality: string;
  readonly lang: string;
  /** E.164, or null when the row has none. */
  readonly phone: string | null;
  readonly externalId: string | null;
  readonly coachId: string | null;
  readonly organisation: string | null;
  readonly term: { readonly start: string; readonly end: string; readonly obligation: boolean } | null;
}

/** A row whose person is in the store already (same WhatsApp number or external id): left alone. */
export interface ExistingRow {
  readonly line: number;
  readonly personId: string;
  readonly name: string;
  readonly by: 'phone' | 'external_id';
}

export interface ValidateOptions {
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  /** Gemeente (id or name) for rows without one (`--gemeente`). */
  readonly defaultGemeente?: string;
  /** Coach (name or id) for rows without one (`--coach`). */
  readonly defaultCoach?: string;
  /** The staff member importing, checked by the access policy per gemeente; none for the CLI. */
  readonly staff?: Person;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Validation {
  readonly valid: readonly ValidRow[];
  readonly problems: readonly RowProblem[];
  readonly existing: readonly ExistingRow[];
  /** Lines with at least one problem. */
  readonly badLines: ReadonlySet<number>;
}

const PROGRESS_EVERY = 500;
const lower = (s: string) => s.trim().toLocaleLowerCase();

/** Lookup tables read once, so a 5 000-row file costs one scan of the store, not one per row. */
const lookups = (tx: ReadTx<DataSchema>) => {
  const gemeenten = new Map<string, string>();
  for (const m of tx.list('municipalities')) {
    gemeenten.set(lower(m.id), m.id);
    gemeenten.set(lower(m.name), m.id);
  }
  const staff = new Map<string, Person>();
  const byExternal = new Map<string, Person>();
  for (const p of tx.list('people')) {
    if (p.role === 'coach' || p.role === 'admin') {
      staff.set(p.id, p);
      if (!staff.has(lower(p.name))) staff.set(lower(p.name), p);
    }
    if (p.externalId) byExternal.set(p.externalId, p);
  }
  const byWhatsApp = new Map<string, string>();
  for (const i of tx.list('identities'))
    if (isWhatsAppChannel(i.address.channel)) byWhatsApp.set(i.address.chat, i.personId);
  return { gemeenten, staff, byExternal, byWhatsApp };
};

/**
 * Checks every row before anything is written: names, roles, gemeenten that exist, contact
 * languages, phone numbers (E.164, Belgian defaults), coaches, the term's dates and obligation.
 * Rows whose person exists already (by WhatsApp number or external id) come back as `existing`;
 * a second row with the same number or external id in the file is a problem.
 */
export const validateRows = (
  tx: ReadTx<DataSchema>,
  columns: Readonly<Partial<Record<PersonField, Column>>>,
  rows: readonly RawRow[],
  o: ValidateOptions,
): Validation => {
  const look = lookups(tx);
  const problems: RowProblem[] = [];
  const valid: ValidRow[] = [];
  const existing: ExistingRow[] = [];
  const badLines = new Set<number>();
  const seenPhone = new Map<string, number>();
  const seenExternal = new Map<string, number>();

  const place = (field: PersonField) => {
    const c = columns[field];
    return { column: c?.index ?? 0, header: c?.header ?? field };
  };
  const fail = (line: number, field: PersonField, code: ProblemCode, value = '', firstLine?: number) => {
    badLines.add(line);
    problems.push({ line, ...place(field), code, value, ...(firstLine ? { firstLine } : {}) });
  };
  if (!columns.name && !(columns.first_name || columns.last_name)) fail(1, 'name', 'missing_column');
  if (!columns.gemeente && !o.defaultGemeente) fail(1, 'gemeente', 'missing_column');
  const defaultGemeente = o.defaultGemeente ? look.gemeenten.get(lower(o.defaultGemeente)) : undefined;
  if (o.defaultGemeente && !defaultGemeente) fail(1, 'gemeente', 'gemeente_unknown', o.defaultGemeente);
  const defaultCoach = o.defaultCoach
    ? (look.staff.get(o.defaultCoach) ?? look.staff.get(lower(o.defaultCoach)))
    : undefined;
  if (o.defaultCoach && !defaultCoach) fail(1, 'coach', 'coach_unknown', o.defaultCoach);
  if (problems.length) return { valid, problems, existing, badLines };

  rows.forEach((row, n) => {
    if ((n + 1) % PROGRESS_EVERY === 0) o.onProgress?.(n + 1, rows.length);
    const c = row.cells;
    const at = row.line;
    const before = problems.length;
    const name = (c.name || [c.first_name, c.last_name].filter(Boolean).join(' '))
      .replace(/\s+/g, ' ')
      .trim();
    const nameField: PersonField = columns.name ? 'name' : 'first_name';
    if (!name) fail(at, nameField, 'name_missing');
    else if (name.length > 80) fail(at, nameField, 'name_too_long', name);

    const role = c.role ? parseRole(c.role) : 'newcomer';
    if (!role) fail(at, 'role', 'role_unknown', c.role);

    const gemeente = c.gemeente ? look.gemeenten.get(lower(c.gemeente)) : defaultGemeente;
    if (!c.gemeente && !gemeente) fail(at, 'gemeente', 'gemeente_missing');
    else if (!gemeente) fail(at, 'gemeente', 'gemeente_unknown', c.gemeente);
    else if (o.staff && !authorize(tx, o.staff, 'trajectory.manage', { municipality: gemeente }).ok)
      fail(at, 'gemeente', 'not_allowed', c.gemeente ?? gemeente);

    const lang = c.lang ? parseLanguage(c.lang, o.languages) : o.defaultLanguage;
    if (!lang) fail(at, 'lang', 'lang_unknown', c.lang);

    const phone = c.phone ? parsePhone(c.phone) : null;
    if (c.phone && !phone) fail(at, 'phone', 'phone_invalid', c.phone);

    const coach = c.coach ? (look.staff.get(lower(c.coach)) ?? look.staff.get(c.coach)) : defaultCoach;
    if (c.coach && !coach) fail(at, 'coach', 'coach_unknown', c.coach);

    const externalId = c.external_id || null;
    if (externalId && externalId.length > 64) fail(at, 'external_id', 'external_id_invalid', externalId);
    const organisation = c.organisation || null;
    if (organisation && (organisation.length < 2 || organisation.length > 80))
      fail(at, 'organisation', 'organisation_invalid', organisation);

    const start = c.start ? parseSheetDate(c.start) : null;
    const end = c.end ? parseSheetDate(c.end) : null;
    if (c.start && !start) fail(at, 'start', 'date_invalid', c.start);
    if (c.end && !end) fail(at, 'end', 'date_invalid', c.end);
    if (start && end && end < start) fail(at, 'end', 'end_before_start', c.end);
    if (role === 'newcomer' && !!c.start !== !!c.end) fail(at, c.start ? 'end' : 'start', 'term_incomplete');
    const obligation = c.obligation ? parseObligation(c.obligation) : true;
    if (obligation === null) fail(at, 'obligation', 'obligation_invalid', c.obligation);

    // The same person twice in the file, or already in the store.
    const waId = phone ? whatsAppId(phone) : null;
    const firstByPhone = waId ? seenPhone.get(waId) : undefined;
    const firstByExternal = externalId ? seenExternal.get(externalId) : undefined;
    if (firstByPhone) fail(at, 'phone', 'duplicate_in_file', c.phone, firstByPhone);
    else if (firstByExternal) fail(at, 'external_id', 'duplicate_in_file', externalId ?? '', firstByExternal);
    if (waId && !firstByPhone) seenPhone.set(waId, at);
    if (externalId && !firstByExternal) seenExternal.set(externalId, at);
    if (problems.length > before) return;

    const known = (waId && look.byWhatsApp.get(waId)) || (externalId && look.byExternal.get(externalId)?.id);
    if (known) {
      const by = waId && look.byWhatsApp.get(waId) ? 'phone' : 'external_id';
      existing.push({ line: at, personId: known, name: tx.get('people', known)?.name ?? '', by });
      return;
    }
    valid.push({
      line: at,
      name,
      role: role!,
      municipality: gemeente!,
      lang: lang!,
      phone,
      externalId,
      coachId: coach?.id ?? null,
      organisation,
      term: role === 'newcomer' && start && end ? { start, end, obligation: obligation! } : null,
    });
  });
  return { valid, problems, existing, badLines };
};
