import type { LedgerEntry, OfferType, Via } from './types.js';

/** Who confirmed one entry of a proof, when, and through which message. */
export interface Confirmation {
  readonly entryId: string;
  readonly date: string;
  readonly minutes: number;
  readonly by: string;
  readonly at: string;
  readonly via: Via | null;
  /** True when the entry was corrected before it was confirmed. */
  readonly corrected: boolean;
}

/** One bewijs van deelname: an offer type at one contact person or organisation. */
export interface ProofGroup {
  readonly offerType: OfferType;
  /** The contact's person id, else the organisation as written first, else "unknown". */
  readonly contact: string;
  readonly contactId: string | null;
  readonly organisation: string | null;
  /** Confirmed entries, in date order. */
  readonly entries: readonly LedgerEntry[];
  readonly totalMinutes: number;
  readonly confirmations: readonly Confirmation[];
}

const confirmationOf = (e: LedgerEntry): Confirmation => {
  const i = e.history.findLastIndex((h) => h.action === 'confirmed');
  const c = e.history[i];
  return {
    entryId: e.id,
    date: e.date,
    minutes: e.minutes,
    by: c?.by ?? 'unknown',
    at: c?.at ?? e.createdAt,
    via: c?.via ?? null,
    corrected: e.history.slice(0, Math.max(0, i)).some((h) => h.action === 'corrected'),
  };
};

/**
 * The proof an entry belongs on: its offer type and contact (the contact person, else the
 * organisation in any case and spacing, else "unknown"). {@link groupForProof} groups by it; the
 * proof document uses it to put pending entries next to the proof they will count on.
 */
export const proofKey = (e: Pick<LedgerEntry, 'offerType' | 'contactId' | 'organisation'>): string =>
  JSON.stringify([
    e.offerType,
    e.contactId
      ? `id:${e.contactId}`
      : e.organisation?.trim()
        ? `org:${e.organisation.trim().toLocaleLowerCase()}`
        : 'unknown',
  ]);

/**
 * Confirmed hours grouped the way the bewijs van deelname groups them: one group per offer type
 * and contact (the contact person, else the organisation, else "unknown"), so that hours of
 * several activities at the same organisation add up on one proof and another organisation is
 * another proof. Organisation names that differ only in case or spaces are one organisation.
 * Groups come in order of their first date.
 */
export const groupForProof = (entries: readonly LedgerEntry[]): ProofGroup[] => {
  const groups = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    if (e.status !== 'confirmed') continue;
    const key = proofKey(e);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()]
    .map((list) => {
      const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
      const first = list[0] as LedgerEntry;
      const organisation = list.find((e) => e.organisation?.trim())?.organisation?.trim() ?? null;
      return {
        offerType: first.offerType,
        contact: first.contactId ?? organisation ?? 'unknown',
        contactId: first.contactId,
        organisation,
        entries: sorted,
        totalMinutes: sorted.reduce((n, e) => n + e.minutes, 0),
        confirmations: sorted.map(confirmationOf),
      };
    })
    .sort((a, b) => (a.entries[0]?.date ?? '').localeCompare(b.entries[0]?.date ?? ''));
};
