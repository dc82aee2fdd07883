import { addressKey, hashTag, type Address } from '../../core/messages.js';
import type { WriteTx } from '../../core/store.js';
import type { DataSchema } from '../schema.js';
import type { InviteAttempts } from './types.js';

/** The window in which wrong invite codes are counted, and how long a sender is stopped after it. */
export const INVITE_WINDOW_MS = 3_600_000;
/** INVITE_MAX_FAILURES when the app gives none. */
export const DEFAULT_INVITE_MAX_FAILURES = 5;

/**
 * The record id for a sender: a hash of their address only, so the record cannot be read back to
 * a phone number or chat id (the sender is not a person of the bot yet).
 */
export const attemptsId = (address: Address): string => hashTag(`invite-attempts|${addressKey(address)}`, 32);

const recent = (failures: readonly string[], now: Date): string[] =>
  failures.filter((at) => now.getTime() - Date.parse(at) < INVITE_WINDOW_MS);

/**
 * Drops failures older than the window, and records with none left (every sender's, so a guesser
 * who never comes back leaves nothing behind after an hour).
 */
export const pruneAttempts = (tx: WriteTx<DataSchema>, now: Date): void => {
  for (const a of tx.list('attempts')) {
    const keep = recent(a.failures, now);
    if (keep.length === 0) tx.delete('attempts', a.id);
    else if (keep.length !== a.failures.length) tx.put('attempts', a.id, { ...a, failures: keep });
  }
};

/** True while the sender had `max` wrong codes within the last hour: their codes are not checked. */
export const isBlocked = (tx: WriteTx<DataSchema>, address: Address, now: Date, max: number): boolean =>
  recent(tx.get('attempts', attemptsId(address))?.failures ?? [], now).length >= max;

/**
 * Counts one wrong code of the sender; `blocked` when this one reached `max` (the moment to say
 * so, once).
 */
export const recordFailure = (
  tx: WriteTx<DataSchema>,
  address: Address,
  now: Date,
  max: number,
): { readonly blocked: boolean } => {
  const id = attemptsId(address);
  const failures = [...recent(tx.get('attempts', id)?.failures ?? [], now), now.toISOString()];
  const rec: InviteAttempts = { v: 1, id, failures };
  tx.put('attempts', id, rec);
  return { blocked: failures.length >= max };
};

/** Forgets the sender's wrong codes (after a right one). */
export const clearAttempts = (tx: WriteTx<DataSchema>, address: Address): void => {
  const id = attemptsId(address);
  if (tx.get('attempts', id)) tx.delete('attempts', id);
};
