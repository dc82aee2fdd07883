import type { ReadTx } from '../../core/store.js';
import { duoForLog, duoLog, type DuoLog } from '../followup/log.js';
import { entriesOf, progressOf, trajectoryOf, type Progress } from '../ledger/index.js';
import type { EntryStatus, OfferType } from '../ledger/types.js';
import { proofDocuments } from '../proof/index.js';
import type { DataSchema } from '../schema.js';
import { gemeenteName } from '../municipalities.js';

/** One hours entry as the newcomer's page lists it. */
export interface EntryRow {
  readonly id: string;
  readonly date: string;
  readonly minutes: number;
  readonly offerType: OfferType;
  /** The organisation, else the contact person's name, else null. */
  readonly where: string | null;
  readonly description: string | null;
  readonly status: EntryStatus;
}

/** One bewijs van deelname that can be downloaded (n counts from 1, as in the file names). */
export interface ProofLink {
  readonly n: number;
  readonly offerType: OfferType;
  /** The contact person, else the organisation, else null. */
  readonly who: string | null;
  readonly totalMinutes: number;
}

/** One newcomer's page: progress, every entry, the duo log and the proofs. */
export interface NewcomerDetail {
  readonly id: string;
  readonly name: string;
  readonly gemeente: string;
  readonly term: { readonly start: string; readonly end: string } | null;
  readonly progress: Progress;
  /** Newest first. */
  readonly entries: readonly EntryRow[];
  readonly log: DuoLog;
  readonly proofs: readonly ProofLink[];
}

/**
 * Everything the dashboard shows of one newcomer on local date `today`, or null when `id` is no
 * newcomer (or was erased): progress toward the 40 hours, their entries (withdrawn ones too, with
 * their status), the log of their duo (as `/netwerkbot log` gives it) and their proofs.
 */
export const newcomerDetail = (
  tx: ReadTx<DataSchema>,
  id: string,
  o: { readonly today: string; readonly now: Date; readonly timeZone: string },
): NewcomerDetail | null => {
  const p = tx.get('people', id);
  if (!p || p.role !== 'newcomer' || p.erasedAt) return null;
  const term = trajectoryOf(tx, id);
  const entries = entriesOf(tx, id);
  const name = (pid: string | null) => (pid ? (tx.get('people', pid)?.name ?? null) : null);
  return {
    id,
    name: p.name,
    gemeente: gemeenteName(tx, p.municipality),
    term: term ? { start: term.start, end: term.end } : null,
    progress: progressOf(entries, { today: o.today, termEnd: term?.end ?? null }),
    entries: [...entries]
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
      .map((e) => ({
        id: e.id,
        date: e.date,
        minutes: e.minutes,
        offerType: e.offerType,
        where: e.organisation ?? name(e.contactId),
        description: e.description,
        status: e.status,
      })),
    log: duoLog(tx, id, duoForLog(tx, id), o.timeZone),
    proofs: proofDocuments(tx, id, o).documents.map((d, i) => ({
      n: i + 1,
      offerType: d.offerType,
      who: d.contact ?? d.organisation,
      totalMinutes: d.totalMinutes,
    })),
  };
};
