import type { ReadTx } from '../../core/store.js';
import type { DataSchema, Person } from '../schema.js';
import { inScope } from '../staff.js';

/**
 * What someone may do, checked in the domain layer for every command and domain action (the
 * channels only pass on who is talking). One table, walked whole by test/domain/access.
 */
export const PERMISSIONS = [
  /** See a newcomer's hours, progress, duo log, digest. */
  'trajectory.view',
  /** Add or change people, duos, trajectories, tasks; import people. */
  'trajectory.manage',
  /** Report hours for a newcomer. */
  'hours.report',
  /** Confirm or dispute a reported entry. */
  'hours.confirm',
  /** Correct an entry afterwards. */
  'hours.correct',
  /** Activities, gemeente-groepen and broadcasts. */
  'aanbod.manage',
  /** Say "ik kom" to an activity one got, for oneself. */
  'aanbod.rsvp',
  /** Pause or resume a duo: its newcomer (when it becomes too heavy), and staff. */
  'duo.pause',
  /** Answer a duo's check-in, survey or closing: its buddy and its newcomer. */
  'duo.respond',
  /** Proof of participation, TB report, exports. */
  'data.export',
  /** A person's own data ("mijn gegevens"), consent, "vergeet mij". */
  'privacy.own',
  /** Confirm an erasure; run the retention clean-up. */
  'privacy.erase',
  /** Answer a person in a handover. */
  'handover.reply',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Who or what an action is about: a person (their gemeente decides a coach's scope), a gemeente,
 * a ledger entry or a duo. Every field given must be in scope; an id that does not exist is out of
 * scope. No subject at all means "one's own": for a coach their own gemeenten (the caller lists
 * within them), for anyone else themselves.
 */
export interface Subject {
  readonly personId?: string;
  readonly municipality?: string;
  /** For hours.confirm and hours.correct: the ledger entry. */
  readonly entryId?: string;
  /** For duo.pause, duo.respond and trajectory.view of a duo: the duo. */
  readonly duoId?: string;
}

export type DenyReason = 'not_linked' | 'role' | 'scope';
export type Decision = { readonly ok: true } | { readonly ok: false; readonly reason: DenyReason };

const NO = (reason: DenyReason): Decision => ({ ok: false, reason });
const YES: Decision = { ok: true };
const when = (ok: boolean): Decision => (ok ? YES : NO('scope'));

/** What the subject's ids point at; `missing` when one of them does not exist. */
const resolve = (tx: ReadTx<DataSchema>, s: Subject) => {
  const person = s.personId !== undefined ? tx.get('people', s.personId) : undefined;
  const entry = s.entryId !== undefined ? tx.get('ledger', s.entryId) : undefined;
  const duo = s.duoId !== undefined ? tx.get('duos', s.duoId) : undefined;
  const missing =
    (s.personId !== undefined && !person) ||
    (s.entryId !== undefined && !entry) ||
    (s.duoId !== undefined && !duo);
  /** Every gemeente the subject touches: the one named, the person's, the entry's or duo's newcomer's. */
  const gemeenten = [
    s.municipality,
    person?.municipality,
    entry ? tx.get('people', entry.newcomerId)?.municipality : undefined,
    duo ? tx.get('people', duo.newcomerId)?.municipality : undefined,
  ];
  return { person, entry, duo, missing, gemeenten };
};

/** Permissions a newcomer, buddy or contact person has about themselves. */
const SELF: ReadonlySet<Permission> = new Set(['privacy.own', 'aanbod.rsvp']);

/**
 * Whether `actor` may do `permission` on `subject`. Admins everything; coaches everything within
 * their gemeenten (every gemeente the subject touches must be theirs); buddies report and see the
 * hours of their own live duos' newcomers and answer for their duos; newcomers only themselves
 * (and pause their own duo); contact persons only the entries they must confirm. Someone the bot
 * does not know may do nothing.
 */
export const authorize = (
  tx: ReadTx<DataSchema>,
  actor: Person | undefined,
  permission: Permission,
  subject: Subject = {},
): Decision => {
  if (!actor) return NO('not_linked');
  if (actor.role === 'admin') return YES;
  const { entry, duo, missing, gemeenten } = resolve(tx, subject);
  if (missing) return NO('scope');
  if (actor.role === 'coach') return when(gemeenten.every((g) => g === undefined || inScope(actor, g)));
  // Newcomers, buddies and contact persons: only what concerns themselves.
  // A subject that names only a gemeente is that gemeente, not the actor.
  const self =
    subject.personId === undefined ? subject.municipality === undefined : subject.personId === actor.id;
  const ownDuo = (newcomerId: string | undefined) =>
    !!newcomerId &&
    tx.list('duos', (d) => d.buddyId === actor.id && d.newcomerId === newcomerId && d.status !== 'ended')
      .length > 0;
  const inDuo = !!duo && (duo.buddyId === actor.id || duo.newcomerId === actor.id);
  if (SELF.has(permission)) return when(self && !entry && !duo);
  switch (permission) {
    case 'hours.report':
    case 'trajectory.view':
      if (duo)
        return actor.role === 'contact'
          ? NO('role')
          : when(inDuo && (subject.personId === undefined || subject.personId === duo.newcomerId));
      if (entry) return NO('scope');
      if (actor.role === 'newcomer') return when(self);
      if (actor.role === 'buddy') return when(ownDuo(subject.personId));
      return NO('role');
    case 'hours.confirm':
      if (actor.role === 'newcomer') return NO('role');
      return when(!!entry && entry.contactId === actor.id && entry.newcomerId !== actor.id);
    case 'duo.pause':
      if (actor.role !== 'newcomer') return NO('role');
      return when(!!duo && duo.newcomerId === actor.id);
    case 'duo.respond':
      if (actor.role === 'contact') return NO('role');
      return when(inDuo);
    default:
      return NO('role');
  }
};

/** {@link authorize} as a yes/no, for filtering lists to what `actor` may see or change. */
export const allowed = (
  tx: ReadTx<DataSchema>,
  actor: Person | undefined,
  permission: Permission,
  subject: Subject = {},
): boolean => authorize(tx, actor, permission, subject).ok;
