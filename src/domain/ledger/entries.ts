import type { Ids } from '../../core/clock.js';
import { CodedError } from '../../core/errors.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import type { DataSchema } from '../schema.js';
import { auditEvent, isCoachOf, type Actor } from './access.js';
import { isLocalDate } from '../dates.js';
import { duosOfBuddy } from './queries.js';
import { OFFER_TYPES, type AuditEvent, type LedgerEntry, type OfferType } from './types.js';

const WITHDRAW_WINDOW_MS = 24 * 3_600_000;

/** What is reported; `checkEntry` should have passed it first. */
export interface NewEntry {
  readonly newcomerId: string;
  readonly minutes: number;
  /** Local date, YYYY-MM-DD. */
  readonly date: string;
  readonly offerType: OfferType;
  readonly organisation?: string | null;
  /** Who is asked to confirm: the buddy or the organisation's contact person. */
  readonly contactId?: string | null;
  readonly description?: string | null;
}

/** The fields a correction may change. */
export type Correctable = Partial<
  Pick<LedgerEntry, 'minutes' | 'date' | 'offerType' | 'organisation' | 'description'>
>;

/** The result of every change to an existing entry; expected refusals are values, not exceptions. */
export type EntryChange =
  | { readonly ok: true; readonly entry: LedgerEntry }
  | { readonly ok: false; readonly reason: 'not_found' | 'not_allowed' | 'wrong_status' | 'too_late' };

/** A broken caller (the flow or CLI validates first): the ledger never stores such a value. */
const assertValid = (v: Correctable): void => {
  const bad: string[] = [];
  if (v.minutes !== undefined && !(Number.isFinite(v.minutes) && v.minutes > 0)) bad.push('minutes');
  if (v.date !== undefined && !isLocalDate(v.date)) bad.push('date');
  if (v.offerType !== undefined && !OFFER_TYPES.includes(v.offerType)) bad.push('offerType');
  if (bad.length)
    throw new CodedError(
      'INPUT_INVALID',
      `ledger entry has invalid ${bad.join(', ')}: minutes must be > 0, date a real YYYY-MM-DD, ` +
        `offerType one of ${OFFER_TYPES.join(', ')}; validate before calling the ledger`,
      { context: { fields: bad } },
    );
};

/**
 * Records a reported entry in `ledger`. A contact person reporting hours they would be asked to
 * confirm anyway confirms them at once: the reporter is the named contact, or the reporter is
 * the buddy of an active duo with this newcomer and the offer type is `buddy` (then the buddy
 * becomes the contact). Everything else waits as `pending`. A newcomer never confirms their own
 * hours, even when named as contact.
 *
 * @throws CodedError `INPUT_INVALID` for minutes <= 0, a malformed date or an unknown offer type.
 */
export const recordEntry = (
  tx: WriteTx<DataSchema>,
  d: NewEntry,
  actor: Actor,
  o: { readonly now: Date; readonly ids: Ids },
): LedgerEntry => {
  assertValid(d);
  const ownDuo =
    d.offerType === 'buddy' && duosOfBuddy(tx, actor.personId).some((x) => x.newcomerId === d.newcomerId);
  const contactId = ownDuo ? actor.personId : (d.contactId ?? null);
  const self = contactId === actor.personId && actor.personId !== d.newcomerId;
  const entry: LedgerEntry = {
    v: 1,
    id: o.ids.next('l'),
    newcomerId: d.newcomerId,
    minutes: d.minutes,
    date: d.date,
    offerType: d.offerType,
    organisation: d.organisation ?? null,
    contactId,
    description: d.description ?? null,
    reportedBy: actor.personId,
    via: actor.via,
    status: self ? 'confirmed' : 'pending',
    createdAt: o.now.toISOString(),
    history: [auditEvent('reported', actor, o.now), ...(self ? [auditEvent('confirmed', actor, o.now)] : [])],
  };
  tx.put('ledger', entry.id, entry);
  return entry;
};

/** Loads the entry, asks `refuse` whether the change is allowed, and puts the new version. */
const change = (
  tx: WriteTx<DataSchema>,
  id: string,
  refuse: (e: LedgerEntry) => EntryChange | null,
  next: (e: LedgerEntry) => LedgerEntry,
): EntryChange => {
  const e = tx.get('ledger', id);
  if (!e) return { ok: false, reason: 'not_found' };
  const refused = refuse(e);
  if (refused) return refused;
  const updated = next(e);
  if (updated !== e) tx.put('ledger', id, updated);
  return { ok: true, entry: updated };
};

const append = (e: LedgerEntry, status: LedgerEntry['status'], ...events: AuditEvent[]): LedgerEntry => ({
  ...e,
  status,
  history: [...e.history, ...events],
});

const NOT_ALLOWED = { ok: false, reason: 'not_allowed' } as const;
const WRONG_STATUS = { ok: false, reason: 'wrong_status' } as const;

/** The named contact or a coach of the gemeente, never the newcomer themselves. */
const isJudge = (tx: ReadTx<DataSchema>, e: LedgerEntry, actor: Actor): boolean =>
  actor.personId !== e.newcomerId &&
  (e.contactId === actor.personId || isCoachOf(tx, actor.personId, e.newcomerId));

/**
 * Confirms an entry: the named contact or a coach/admin of the newcomer's gemeente confirms a
 * pending entry. A disputed entry is settled by a coach (after a call, say): only a coach confirms
 * it directly; the contact sees it again once a coach corrected it back to pending.
 */
export const confirmEntry = (
  tx: WriteTx<DataSchema>,
  id: string,
  actor: Actor,
  o: { readonly now: Date },
): EntryChange =>
  change(
    tx,
    id,
    (e) => {
      if (e.status === 'pending') return isJudge(tx, e, actor) ? null : NOT_ALLOWED;
      if (e.status === 'disputed')
        return actor.personId !== e.newcomerId && isCoachOf(tx, actor.personId, e.newcomerId)
          ? null
          : NOT_ALLOWED;
      return WRONG_STATUS;
    },
    (e) => append(e, 'confirmed', auditEvent('confirmed', actor, o.now)),
  );

/** The named contact (or a coach) says a pending entry is not right; `note` says why. */
export const disputeEntry = (
  tx: WriteTx<DataSchema>,
  id: string,
  actor: Actor,
  o: { readonly now: Date; readonly note?: string },
): EntryChange =>
  change(
    tx,
    id,
    (e) => (e.status !== 'pending' ? WRONG_STATUS : isJudge(tx, e, actor) ? null : NOT_ALLOWED),
    (e) => append(e, 'disputed', auditEvent('disputed', actor, o.now, { note: o.note })),
  );

/**
 * The reporter takes back their own entry (a typo, a double message) within 24 hours of reporting
 * it. The entry stays in the ledger with status `withdrawn`.
 */
export const withdrawEntry = (
  tx: WriteTx<DataSchema>,
  id: string,
  actor: Actor,
  o: { readonly now: Date },
): EntryChange =>
  change(
    tx,
    id,
    (e) => {
      if (e.reportedBy !== actor.personId) return NOT_ALLOWED;
      if (e.status === 'withdrawn') return WRONG_STATUS;
      if (o.now.getTime() - Date.parse(e.createdAt) > WITHDRAW_WINDOW_MS)
        return { ok: false, reason: 'too_late' };
      return null;
    },
    (e) => append(e, 'withdrawn', auditEvent('withdrawn', actor, o.now)),
  );

export interface CorrectOptions {
  readonly now: Date;
  readonly note?: string;
  /**
   * The named contact corrects only the minutes of a pending entry while confirming it ("no, it
   * was 1u30"); the flow confirms right after.
   */
  readonly asContact?: boolean;
  /** A coach corrects and confirms in one go (a 'corrected' then a 'confirmed' event). */
  readonly confirm?: boolean;
}

/**
 * A coach or admin of the newcomer's gemeente corrects an entry that is not withdrawn. Each field
 * that really changes is kept as field -> [old, new] in a 'corrected' event; nothing is lost. A
 * corrected disputed entry goes back to pending, to be confirmed again, unless the coach confirms
 * it at once (`confirm`). A correction that changes nothing adds no event.
 *
 * @throws CodedError `INPUT_INVALID` for minutes <= 0, a malformed date or an unknown offer type.
 */
export const correctEntry = (
  tx: WriteTx<DataSchema>,
  id: string,
  changes: Correctable,
  actor: Actor,
  o: CorrectOptions,
): EntryChange => {
  assertValid(changes);
  return change(
    tx,
    id,
    (e) => {
      if (e.status === 'withdrawn') return WRONG_STATUS;
      if (actor.personId === e.newcomerId) return NOT_ALLOWED;
      if (isCoachOf(tx, actor.personId, e.newcomerId)) return null;
      const contact =
        o.asContact === true &&
        o.confirm !== true &&
        e.contactId === actor.personId &&
        e.status === 'pending' &&
        Object.keys(changes).every((k) => k === 'minutes');
      return contact ? null : NOT_ALLOWED;
    },
    (e) => {
      const diff: Record<string, readonly [unknown, unknown]> = {};
      const applied: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(changes) as [keyof Correctable, unknown][])
        if (v !== undefined && e[k] !== v) {
          diff[k] = [e[k], v];
          applied[k] = v;
        }
      const events: AuditEvent[] = [];
      if (Object.keys(diff).length)
        events.push(auditEvent('corrected', actor, o.now, { changes: diff, note: o.note }));
      if (o.confirm && e.status !== 'confirmed') events.push(auditEvent('confirmed', actor, o.now));
      if (!events.length) return e;
      const status = o.confirm ? 'confirmed' : e.status === 'disputed' ? 'pending' : e.status;
      return append({ ...e, ...applied } as LedgerEntry, status, ...events);
    },
  );
};
