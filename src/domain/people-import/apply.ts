import type { Ids } from '../../core/clock.js';
import { addressKey, type Address } from '../../core/messages.js';
import type { WriteTx } from '../../core/store.js';
import type { Trajectory } from '../ledger/types.js';
import { startOutreach } from '../outreach/start.js';
import { createPerson } from '../people.js';
import type { DataSchema, Person } from '../schema.js';
import { readPeopleCsv } from './read.js';
import { whatsAppId } from './values.js';
import {
  validateRows,
  type ExistingRow,
  type RowProblem,
  type ValidateOptions,
  type ValidRow,
} from './validate.js';

export interface PeopleImportOptions extends ValidateOptions {
  readonly now: Date;
  readonly ids: Ids;
  /** Who imports (a coach's person id, or "cli"). */
  readonly actor: string;
  readonly inviteTtlDays: number;
  /** Import the good rows and list the bad ones, instead of importing nothing. */
  readonly skipInvalid?: boolean;
  /** Start the outreach (first message by WhatsApp) for new newcomers with a phone number. */
  readonly send?: boolean;
  /** Days a newcomer has to answer the first message (OUTREACH_WAIT_DAYS). */
  readonly outreachWaitDays: number;
  /** The channel of the WhatsApp number the people get (WHATSAPP_ACCOUNT); default `whatsapp`. */
  readonly whatsAppChannel?: string;
}

/** One person the import created. */
export interface ImportedPerson {
  readonly line: number;
  readonly person: Person;
  /** The invite code as people type it (`ABCD-EFGH`). */
  readonly code: string;
  readonly expiresAt: string;
  /** The import linked their WhatsApp number (the number itself is only in that identity). */
  readonly whatsapp: boolean;
  /** Their first message is planned (`--send`). */
  readonly outreach: boolean;
}

export type PeopleImportResult =
  | { readonly ok: false; readonly reason: 'bad_file'; readonly line: number; readonly detail: string }
  /** Nothing was written: these rows are wrong (and `--skip-invalid` was not given). */
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly RowProblem[] }
  | {
      readonly ok: true;
      readonly created: readonly ImportedPerson[];
      readonly existing: readonly ExistingRow[];
      /** With `--skip-invalid`: the problems of the rows left out. */
      readonly skipped: readonly RowProblem[];
      readonly skippedRows: number;
      /** Headers of columns the import does not read (kept out on purpose). */
      readonly ignored: readonly string[];
    };

/**
 * The WhatsApp address of an E.164 number, as whatsapp-web.js names a person's chat, on the
 * channel of one of the region's numbers (`whatsapp` by default).
 */
export const whatsAppAddress = (e164: string, channel = 'whatsapp'): Address => {
  const id = whatsAppId(e164);
  return { channel, chat: id, user: id };
};

const PROGRESS_EVERY = 500;

/**
 * Imports a coach's people spreadsheet (CSV text) in the caller's transaction, so an import is
 * never half written: every row is checked first; any problem means nothing is written unless
 * `skipInvalid`. Each new person gets an invite code; a phone number is stored only as their
 * WhatsApp identity (linked now, so their first message is theirs and starts the onboarding);
 * a newcomer's term is set when the row has one; with `send`, the outreach starts.
 */
export const importPeople = (
  tx: WriteTx<DataSchema>,
  text: string,
  o: PeopleImportOptions,
): PeopleImportResult => {
  const read = readPeopleCsv(text);
  if (!read.ok) return { ok: false, reason: 'bad_file', line: read.line, detail: read.detail };
  const v = validateRows(tx, read.columns, read.rows, o);
  const fileProblem = v.problems.some((p) => p.line === 1);
  if (fileProblem || (v.problems.length && !o.skipInvalid))
    return { ok: false, reason: 'invalid', problems: v.problems };
  const created = v.valid.map((row, n) => {
    if ((n + 1) % PROGRESS_EVERY === 0) o.onProgress?.(n + 1, v.valid.length);
    return create(tx, row, o);
  });
  return {
    ok: true,
    created,
    existing: v.existing,
    skipped: v.problems,
    skippedRows: v.badLines.size,
    ignored: read.ignored,
  };
};

const create = (tx: WriteTx<DataSchema>, row: ValidRow, o: PeopleImportOptions): ImportedPerson => {
  const r = createPerson(
    tx,
    {
      name: row.name,
      role: row.role,
      municipality: row.municipality,
      lang: row.lang,
      ...(row.coachId ? { coach: row.coachId } : {}),
      ...(row.organisation ? { organisation: row.organisation } : {}),
    },
    o,
  );
  // validateRows checked what createPerson checks: a refusal here is a bug, and the whole
  // transaction (the import) is rolled back.
  if (!r.ok)
    throw new Error(`people import: row ${row.line} refused: ${r.problems.map((p) => p.field).join(', ')}`);
  const at = o.now.toISOString();
  // The external id and the term are written here rather than through createPerson and
  // setTrajectory: those scan every person and term per row (quadratic on a 5 000-row file),
  // while validateRows checked the ids once for the whole file and a new person has no term yet.
  const person: Person = row.externalId ? { ...r.person, externalId: row.externalId } : r.person;
  if (row.externalId) tx.put('people', person.id, person);
  if (row.phone) {
    const address = whatsAppAddress(row.phone, o.whatsAppChannel);
    tx.put('identities', addressKey(address), { v: 1, address, personId: person.id, linkedAt: at });
  }
  if (row.term) {
    const term: Trajectory = {
      v: 1,
      id: o.ids.next('t'),
      newcomerId: person.id,
      ...row.term,
      status: 'intake',
      coachId: person.coachId,
      municipality: person.municipality,
      offerTypes: [],
    };
    tx.put('trajectories', term.id, term);
  }
  const outreach =
    !!o.send &&
    row.role === 'newcomer' &&
    !!row.phone &&
    startOutreach(tx, person.id, o.now, o.outreachWaitDays);
  return {
    line: row.line,
    person,
    code: r.printableCode,
    expiresAt: r.invite.expiresAt,
    whatsapp: !!row.phone,
    outreach,
  };
};
