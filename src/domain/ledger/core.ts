import type { Ids } from '../../core/clock.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import type { DataSchema } from '../schema.js';
import {
  MILESTONE_HOURS,
  OFFER_TYPES,
  TARGET_MINUTES,
  type AuditEvent,
  type Duo,
  type LedgerEntry,
  type OfferType,
  type Via,
} from './types.js';

/** Who does something, and through which chat message. */
export interface Actor {
  readonly personId: string;
  readonly via: Via | null;
}

const COUNTING = new Set(['pending', 'confirmed']);
const DUPLICATE_WINDOW_MS = 48 * 3_600_000;
const WITHDRAW_WINDOW_MS = 24 * 3_600_000;

export type EntryCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'zero' | 'entry_too_long' | 'day_too_long' | 'future' | 'before_start' | 'after_end';
      readonly limitMinutes?: number;
      readonly trajectory?: { readonly start: string; readonly end: string };
    }
  | { readonly ok: false; readonly reason: 'duplicate'; readonly entryId: string };

/**
 * Plausibility of a new entry: more than 0 minutes, at most `maxEntryMinutes`, the day's total
 * at most `maxDayMinutes`, not in the future, inside the newcomer's term; a near-identical entry
 * (same date and minutes, reported in the last 48 h) is a possible duplicate.
 */
export const checkEntry = (
  tx: ReadTx<DataSchema>,
  d: {
    readonly newcomerId: string;
    readonly minutes: number;
    readonly date: string;
    readonly offerType: OfferType;
  },
  o: {
    readonly today: string;
    readonly maxEntryMinutes: number;
    readonly maxDayMinutes: number;
    readonly now: Date;
    readonly ignoreDuplicate?: boolean;
  },
): EntryCheck => {
  if (!(d.minutes > 0)) return { ok: false, reason: 'zero' };
  if (d.minutes > o.maxEntryMinutes)
    return { ok: false, reason: 'entry_too_long', limitMinutes: o.maxEntryMinutes };
  if (d.date > o.today) return { ok: false, reason: 'future' };
  const term = tx.list('trajectories', (t) => t.newcomerId === d.newcomerId)[0];
  if (term && d.date < term.start)
    return { ok: false, reason: 'before_start', trajectory: { start: term.start, end: term.end } };
  if (term && d.date > term.end)
    return { ok: false, reason: 'after_end', trajectory: { start: term.start, end: term.end } };
  const sameDay = tx.list(
    'ledger',
    (e) => e.newcomerId === d.newcomerId && e.date === d.date && COUNTING.has(e.status),
  );
  const total = sameDay.reduce((n, e) => n + e.minutes, 0);
  if (total + d.minutes > o.maxDayMinutes)
    return { ok: false, reason: 'day_too_long', limitMinutes: o.maxDayMinutes };
  if (!o.ignoreDuplicate) {
    const twin = sameDay.find(
      (e) => e.minutes === d.minutes && o.now.getTime() - Date.parse(e.createdAt) <= DUPLICATE_WINDOW_MS,
    );
    if (twin) return { ok: false, reason: 'duplicate', entryId: twin.id };
  }
  return { ok: true };
};

const event = (
  action: AuditEvent['action'],
  actor: Actor,
  now: Date,
  extra: Partial<AuditEvent> = {},
): AuditEvent => ({
  at: now.toISOString(),
  by: actor.personId,
  action,
  via: actor.via,
  ...extra,
});

/** Active duos of a buddy. */
export const duosOfBuddy = (tx: ReadTx<DataSchema>, buddyId: string): Duo[] =>
  tx.list('duos', (d) => d.buddyId === buddyId && d.status === 'active');

/**
 * Stores a reported entry. A buddy reporting a meeting of their own duo confirms it at once;
 * anything else waits for the contact person (or the coach) as `pending`.
 */
export const recordEntry = (
  tx: WriteTx<DataSchema>,
  d: {
    readonly newcomerId: string;
    readonly minutes: number;
    readonly date: string;
    readonly offerType: OfferType;
    readonly organisation?: string | null;
    readonly contactId?: string | null;
    readonly description?: string | null;
  },
  actor: Actor,
  o: { readonly now: Date; readonly ids: Ids },
): LedgerEntry => {
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
    history: [event('reported', actor, o.now), ...(self ? [event('confirmed', actor, o.now)] : [])],
  };
  tx.put('ledger', entry.id, entry);
  return entry;
};

export type EntryChange =
  | { readonly ok: true; readonly entry: LedgerEntry }
  | { readonly ok: false; readonly reason: 'not_found' | 'not_allowed' | 'wrong_status' | 'too_late' };

/** A coach or admin of the newcomer's gemeente. */
const isCoachOf = (tx: ReadTx<DataSchema>, personId: string, newcomerId: string): boolean => {
  const p = tx.get('people', personId);
  const n = tx.get('people', newcomerId);
  return !!p && !!n && (p.role === 'coach' || p.role === 'admin') && p.municipality === n.municipality;
};

const change = (
  tx: WriteTx<DataSchema>,
  id: string,
  allowed: (e: LedgerEntry) => EntryChange | null,
  next: (e: LedgerEntry) => LedgerEntry,
): EntryChange => {
  const e = tx.get('ledger', id);
  if (!e) return { ok: false, reason: 'not_found' };
  const refused = allowed(e);
  if (refused) return refused;
  const updated = next(e);
  tx.put('ledger', id, updated);
  return { ok: true, entry: updated };
};

const mayConfirm = (tx: ReadTx<DataSchema>, e: LedgerEntry, actor: Actor): EntryChange | null => {
  if (e.status !== 'pending' && e.status !== 'disputed') return { ok: false, reason: 'wrong_status' };
  if (e.contactId !== actor.personId && !isCoachOf(tx, actor.personId, e.newcomerId))
    return { ok: false, reason: 'not_allowed' };
  return null;
};

/** The contact person (or a coach of the gemeente) confirms a pending or disputed entry. */
export const confirmEntry = (
  tx: WriteTx<DataSchema>,
  id: string,
  actor: Actor,
  o: { readonly now: Date },
): EntryChange =>
  change(
    tx,
    id,
    (e) => mayConfirm(tx, e, actor),
    (e) => ({ ...e, status: 'confirmed', history: [...e.history, event('confirmed', actor, o.now)] }),
  );

/** The contact person (or a coach) says the entry is not right. */
export const disputeEntry = (
  tx: WriteTx<DataSchema>,
  id: string,
  actor: Actor,
  o: { readonly now: Date; readonly note?: string },
): EntryChange =>
  change(
    tx,
    id,
    (e) => (e.status === 'pending' ? mayConfirm(tx, e, actor) : { ok: false, reason: 'wrong_status' }),
    (e) => ({
      ...e,
      status: 'disputed',
      history: [...e.history, event('disputed', actor, o.now, o.note ? { note: o.note } : {})],
    }),
  );

/** The reporter takes back their own entry within 24 hours. */
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
      if (e.reportedBy !== actor.personId) return { ok: false, reason: 'not_allowed' };
      if (e.status === 'withdrawn') return { ok: false, reason: 'wrong_status' };
      if (o.now.getTime() - Date.parse(e.createdAt) > WITHDRAW_WINDOW_MS)
        return { ok: false, reason: 'too_late' };
      return null;
    },
    (e) => ({ ...e, status: 'withdrawn', history: [...e.history, event('withdrawn', actor, o.now)] }),
  );

type Correctable = Partial<
  Pick<LedgerEntry, 'minutes' | 'date' | 'offerType' | 'organisation' | 'description'>
>;

/**
 * A coach of the gemeente corrects any entry (every field change kept as old -> new); the contact
 * person may correct the minutes of an entry they are confirming (`asContact`). A corrected
 * disputed entry goes back to pending.
 */
export const correctEntry = (
  tx: WriteTx<DataSchema>,
  id: string,
  changes: Correctable,
  actor: Actor,
  o: { readonly now: Date; readonly note?: string; readonly asContact?: boolean },
): EntryChange =>
  change(
    tx,
    id,
    (e) => {
      if (e.status === 'withdrawn') return { ok: false, reason: 'wrong_status' };
      const coach = isCoachOf(tx, actor.personId, e.newcomerId);
      const contact =
        o.asContact === true &&
        e.contactId === actor.personId &&
        e.status === 'pending' &&
        Object.keys(changes).every((k) => k === 'minutes');
      return coach || contact ? null : { ok: false, reason: 'not_allowed' };
    },
    (e) => {
      const diff: Record<string, readonly [unknown, unknown]> = {};
      for (const [k, v] of Object.entries(changes) as [keyof Correctable, unknown][])
        if (v !== undefined && e[k] !== v) diff[k] = [e[k], v];
      const status = e.status === 'disputed' ? 'pending' : e.status;
      return {
        ...e,
        ...changes,
        status,
        history: [
          ...e.history,
          event('corrected', actor, o.now, { changes: diff, ...(o.note ? { note: o.note } : {}) }),
        ],
      };
    },
  );

/** Every entry of a newcomer, in date order. */
export const entriesOf = (tx: ReadTx<DataSchema>, newcomerId: string): LedgerEntry[] =>
  tx.list('ledger', (e) => e.newcomerId === newcomerId).sort((a, b) => a.date.localeCompare(b.date));

/** Pending entries that name this person as contact, oldest first. */
export const openConfirmationsFor = (tx: ReadTx<DataSchema>, contactId: string): LedgerEntry[] =>
  tx
    .list('ledger', (e) => e.contactId === contactId && e.status === 'pending')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));

/** The newest entry this person reported that is not withdrawn. */
export const lastEntryBy = (tx: ReadTx<DataSchema>, personId: string): LedgerEntry | undefined =>
  tx
    .list('ledger', (e) => e.reportedBy === personId && e.status !== 'withdrawn')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

/** Places a newcomer reported before (organisation or description), most used first, at most 5. */
export const knownActivitiesOf = (tx: ReadTx<DataSchema>, newcomerId: string): string[] => {
  const counts = new Map<string, number>();
  for (const e of tx.list(
    'ledger',
    (x) => x.newcomerId === newcomerId && x.status !== 'withdrawn' && x.offerType !== 'buddy',
  )) {
    const k = e.organisation ?? e.description;
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k]) => k);
};

export interface Progress {
  readonly confirmedMinutes: number;
  readonly pendingMinutes: number;
  readonly byOfferType: Record<OfferType, { confirmed: number; pending: number }>;
  readonly targetMinutes: number;
  readonly remainingMinutes: number;
  readonly weeksLeft: number | null;
  readonly minutesPerWeek: number | null;
  readonly done: boolean;
}

/** Progress toward 40 hours; disputed and withdrawn entries do not count. */
export const progressOf = (
  entries: readonly LedgerEntry[],
  o: { readonly today: string; readonly termEnd: string | null },
): Progress => {
  const byOfferType = Object.fromEntries(
    OFFER_TYPES.map((t) => [t, { confirmed: 0, pending: 0 }]),
  ) as Progress['byOfferType'];
  let confirmed = 0;
  let pending = 0;
  for (const e of entries) {
    if (e.status === 'confirmed') {
      confirmed += e.minutes;
      byOfferType[e.offerType].confirmed += e.minutes;
    } else if (e.status === 'pending') {
      pending += e.minutes;
      byOfferType[e.offerType].pending += e.minutes;
    }
  }
  const remaining = Math.max(0, TARGET_MINUTES - confirmed);
  const days = o.termEnd
    ? (Date.parse(`${o.termEnd}T12:00:00Z`) - Date.parse(`${o.today}T12:00:00Z`)) / 86_400_000
    : null;
  const weeksLeft = days === null ? null : Math.max(0, Math.ceil(days / 7));
  const minutesPerWeek =
    weeksLeft === null ? null : weeksLeft === 0 ? remaining : Math.ceil(remaining / weeksLeft / 5) * 5;
  return {
    confirmedMinutes: confirmed,
    pendingMinutes: pending,
    byOfferType,
    targetMinutes: TARGET_MINUTES,
    remainingMinutes: remaining,
    weeksLeft,
    minutesPerWeek,
    done: remaining === 0,
  };
};

/** A text progress bar for chat: "▓▓▓░░░░░░░". */
export const progressBar = (minutes: number, target = TARGET_MINUTES, width = 10): string => {
  const full = Math.max(0, Math.min(width, Math.floor((minutes / target) * width)));
  return '▓'.repeat(full) + '░'.repeat(width - full);
};

/** The milestones (10, 20, 30, 40 hours) passed when confirmed minutes go from `before` to `after`. */
export const milestonesCrossed = (before: number, after: number): number[] =>
  MILESTONE_HOURS.filter((h) => before < h * 60 && after >= h * 60);

/** One bewijs van deelname: an offer type at one contact person or organisation. */
export interface ProofGroup {
  readonly offerType: OfferType;
  readonly contact: string;
  readonly entries: readonly LedgerEntry[];
  readonly totalMinutes: number;
}

/** Confirmed hours grouped the way the bewijs van deelname groups them. */
export const groupForProof = (entries: readonly LedgerEntry[]): ProofGroup[] => {
  const groups = new Map<string, LedgerEntry[]>();
  for (const e of entries.filter((x) => x.status === 'confirmed')) {
    const key = `${e.offerType}|${e.contactId ?? e.organisation ?? 'unknown'}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const [offerType, contact] = key.split('|') as [OfferType, string];
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
    return { offerType, contact, entries: sorted, totalMinutes: sorted.reduce((n, e) => n + e.minutes, 0) };
  });
};
