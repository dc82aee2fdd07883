import type { Ids } from '../core/clock.js';
import type { ReadTx } from '../core/store.js';
import type { DataSchema, Invite } from './schema.js';

/** No I, L, O, 0 or 1: they are easy to mix up when typed from a paper note. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** A new code with at least one letter and one digit, so that no ordinary word looks like one. */
export const newInviteCode = (ids: Ids): string => {
  for (;;) {
    const c = ids.random(ALPHABET, LENGTH);
    if (/\d/.test(c) && /[A-Z]/.test(c)) return c;
  }
};

/** The code as printed for people: two groups of four ("K7QP-2MXA"). */
export const formatInviteCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * The normalised code when `text` looks like an invite code (spaces, dashes and case do not
 * matter), else null.
 */
export const parseInviteCode = (text: string): string | null => {
  const c = text.replace(/[\s\-_.]/g, '').toUpperCase();
  if (c.length !== LENGTH || ![...c].every((ch) => ALPHABET.includes(ch))) return null;
  return /\d/.test(c) && /[A-Z]/.test(c) ? c : null;
};

export type InviteCheck =
  | { readonly ok: true; readonly invite: Invite }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'used' };

/** Whether a code can be redeemed now. */
export const checkInvite = (tx: ReadTx<DataSchema>, code: string, now: Date): InviteCheck => {
  const invite = tx.get('invites', code);
  if (!invite) return { ok: false, reason: 'unknown' };
  if (invite.usedAt) return { ok: false, reason: 'used' };
  if (Date.parse(invite.expiresAt) <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, invite };
};
