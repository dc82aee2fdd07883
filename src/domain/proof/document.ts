import type { ReadTx } from '../../core/store.js';
import { localDate, localTime } from '../dates.js';
import { entriesOf, trajectoryOf } from '../ledger/index.js';
import { groupForProof, proofKey, type ProofGroup } from '../ledger/proof.js';
import type { LedgerEntry, OfferType } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import { gemeenteName } from '../municipalities.js';

/** One confirmed activity on a proof: the day, the time spent and what was done. */
export interface ProofLine {
  readonly entryId: string;
  readonly date: string;
  readonly minutes: number;
  /** What was done (the entry's description), else null. */
  readonly what: string | null;
}

/**
 * Who confirmed one entry, when and through which channel: the trail that replaces the contact
 * person's signature on the agency's paper form.
 */
export interface ProofConfirmation {
  readonly entryId: string;
  readonly date: string;
  readonly minutes: number;
  /** The confirmer's name, or their id ("cli", "system") when they are no person. */
  readonly by: string;
  readonly byRole: string | null;
  /** Local date and time of the confirmation (YYYY-MM-DD HH:mm). */
  readonly at: string;
  /** The channel the confirmation came through (whatsapp, slack, ...), null for the CLI. */
  readonly channel: string | null;
  readonly corrected: boolean;
}

/**
 * Everything one bewijs van deelname shows, as plain data: one offer type at one contact person
 * or organisation. Only confirmed hours count; entries still waiting for that same contact are
 * listed apart in `pending` and are not in the total.
 */
export interface ProofDocument {
  readonly newcomerId: string;
  readonly newcomer: string;
  readonly municipality: string;
  readonly offerType: OfferType;
  readonly organisation: string | null;
  /** The contact person's name (the buddy, the organisation's contact), null when unknown. */
  readonly contact: string | null;
  readonly contactId: string | null;
  readonly term: { readonly start: string; readonly end: string } | null;
  readonly lines: readonly ProofLine[];
  readonly totalMinutes: number;
  readonly confirmations: readonly ProofConfirmation[];
  readonly pending: readonly ProofLine[];
  /** Local date and time the proof was made (YYYY-MM-DD HH:mm). */
  readonly madeAt: string;
}

/** The proofs of one newcomer, and what waits for a confirmation outside any of them. */
export interface ProofSet {
  readonly documents: readonly ProofDocument[];
  /** Pending entries whose offer type and contact have no confirmed hours yet (no proof). */
  readonly pendingElsewhere: number;
}

const lineOf = (e: LedgerEntry): ProofLine => ({
  entryId: e.id,
  date: e.date,
  minutes: e.minutes,
  what: e.description?.trim() || null,
});

const stamp = (iso: string, timeZone: string): string => {
  const d = new Date(iso);
  return `${localDate(d, timeZone)} ${localTime(d, timeZone)}`;
};

/**
 * The bewijzen van deelname of a newcomer, one per offer type and contact person / organisation
 * (the agency's rule, through {@link groupForProof}), in order of their first date.
 */
export const proofDocuments = (
  tx: ReadTx<DataSchema>,
  newcomerId: string,
  o: { readonly now: Date; readonly timeZone: string },
): ProofSet => {
  const newcomer = tx.get('people', newcomerId);
  const entries = entriesOf(tx, newcomerId);
  const groups = groupForProof(entries);
  const pendingByKey = new Map<string, LedgerEntry[]>();
  for (const e of entries.filter((x) => x.status === 'pending'))
    pendingByKey.set(proofKey(e), [...(pendingByKey.get(proofKey(e)) ?? []), e]);
  const term = trajectoryOf(tx, newcomerId);
  const madeAt = stamp(o.now.toISOString(), o.timeZone);
  const documents = groups.map((g: ProofGroup): ProofDocument => {
    const key = proofKey(g.entries[0]!);
    const pending = (pendingByKey.get(key) ?? []).sort((a, b) => a.date.localeCompare(b.date));
    pendingByKey.delete(key);
    return {
      newcomerId,
      newcomer: newcomer?.name ?? newcomerId,
      municipality: gemeenteName(tx, newcomer?.municipality ?? ''),
      offerType: g.offerType,
      organisation: g.organisation,
      contact: g.contactId ? (tx.get('people', g.contactId)?.name ?? null) : null,
      contactId: g.contactId,
      term: term ? { start: term.start, end: term.end } : null,
      lines: g.entries.map(lineOf),
      totalMinutes: g.totalMinutes,
      confirmations: g.confirmations.map((c) => {
        const by = tx.get('people', c.by);
        return {
          entryId: c.entryId,
          date: c.date,
          minutes: c.minutes,
          by: by?.name ?? c.by,
          byRole: by?.role ?? null,
          at: stamp(c.at, o.timeZone),
          channel: c.via?.channel ?? null,
          corrected: c.corrected,
        };
      }),
      pending: pending.map(lineOf),
      madeAt,
    };
  });
  const pendingElsewhere = [...pendingByKey.values()].reduce((n, l) => n + l.length, 0);
  return { documents, pendingElsewhere };
};
