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

/** Who or what an action is about: a person (their gemeente decides a coach's scope), or an entry. */
export interface Subject {
  readonly personId?: string;
  readonly municipality?: string;
  /** For hours.confirm: the ledger entry. */
  readonly entryId?: string;
}

export type Decision =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'not_linked' | 'role' | 'scope' };

const NO = (reason: 'not_linked' | 'role' | 'scope'): Decision => ({ ok: false, reason });
const YES: Decision = { ok: true };

/**
 * Whether `actor` may do `permission` on `subject`. Admins everything; coaches staff work within
 * their gemeenten; buddies their own duos' newcomers; newcomers only themselves; contact persons
 * only the entries they must confirm.
 */
export const authorize = (
  tx: ReadTx<DataSchema>,
  actor: Person | undefined,
  permission: Permission,
  subject: Subject = {},
): Decision => {
  if (!actor) return NO('not_linked');
  if (actor.role === 'admin') return YES;
  const target = subject.personId ? tx.get('people', subject.personId) : undefined;
  const gemeente = subject.municipality ?? target?.municipality;
  if (actor.role === 'coach') return gemeente === undefined || inScope(actor, gemeente) ? YES : NO('scope');
  const entry = subject.entryId ? tx.get('ledger', subject.entryId) : undefined;
  const ownDuo = (newcomerId: string | undefined) =>
    !!newcomerId &&
    tx.list('duos', (d) => d.buddyId === actor.id && d.newcomerId === newcomerId && d.status !== 'ended')
      .length > 0;
  switch (permission) {
    case 'privacy.own':
      return !subject.personId || subject.personId === actor.id ? YES : NO('scope');
    case 'hours.report':
      if (actor.role === 'newcomer')
        return !subject.personId || subject.personId === actor.id ? YES : NO('scope');
      if (actor.role === 'buddy') return ownDuo(subject.personId) ? YES : NO('scope');
      return NO('role');
    case 'trajectory.view':
      if (actor.role === 'newcomer') return subject.personId === actor.id ? YES : NO('scope');
      if (actor.role === 'buddy') return ownDuo(subject.personId) ? YES : NO('scope');
      return NO('role');
    case 'hours.confirm':
      if (actor.role === 'newcomer') return NO('role');
      return entry && entry.contactId === actor.id && entry.newcomerId !== actor.id ? YES : NO('scope');
    default:
      return NO('role');
  }
};
