import type { ReadTx } from '../../core/store.js';
import { allowed } from '../access/policy.js';
import type { DataSchema } from '../schema.js';
import type { AuditEvent, Via } from './types.js';

/** Who does something to the ledger, and through which chat message (null for the CLI). */
export interface Actor {
  readonly personId: string;
  readonly via: Via | null;
}

/**
 * True when `personId` is a coach of the newcomer's gemeente or an admin (the access policy's
 * `hours.correct`): the people who may confirm, dispute and correct any entry of that newcomer.
 */
export const isCoachOf = (tx: ReadTx<DataSchema>, personId: string, newcomerId: string): boolean => {
  const p = tx.get('people', personId);
  return (
    (p?.role === 'coach' || p?.role === 'admin') && allowed(tx, p, 'hours.correct', { personId: newcomerId })
  );
};

/** One audit event by `actor` at `now`. */
export const auditEvent = (
  action: AuditEvent['action'],
  actor: Actor,
  now: Date,
  extra: Pick<AuditEvent, 'changes' | 'note'> = {},
): AuditEvent => ({
  at: now.toISOString(),
  by: actor.personId,
  action,
  via: actor.via,
  ...(extra.changes ? { changes: extra.changes } : {}),
  ...(extra.note ? { note: extra.note } : {}),
});
