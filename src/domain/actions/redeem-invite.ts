import { addressKey } from '../../core/messages.js';
import type { DomainAction } from '../../core/actions.js';
import {
  clearAttempts,
  DEFAULT_INVITE_MAX_FAILURES,
  isBlocked,
  pruneAttempts,
  recordFailure,
} from '../access/attempts.js';
import { checkInvite } from '../invites.js';
import type { DataSchema } from '../schema.js';

/**
 * Creates `redeem_invite`: links the sender's chat identity to the invited person and uses up the
 * code. After `maxFailures` wrong codes (INVITE_MAX_FAILURES) within an hour, the sender's codes
 * are not checked for the rest of that hour: the failure that reaches the limit answers
 * `blocked` (said once), later ones `blocked_quiet`. Only a hash of the address is kept.
 * Outcomes: ok | unknown | expired | used | blocked | blocked_quiet.
 */
export const createRedeemInvite =
  (maxFailures = DEFAULT_INVITE_MAX_FAILURES): DomainAction<DataSchema> =>
  ({ tx, now, address }, args) => {
    pruneAttempts(tx, now);
    if (isBlocked(tx, address, now, maxFailures)) return { outcome: 'blocked_quiet' };
    const check = checkInvite(tx, String(args['code'] ?? ''), now);
    if (!check.ok) {
      const { blocked } = recordFailure(tx, address, now, maxFailures);
      return { outcome: blocked ? 'blocked' : check.reason };
    }
    clearAttempts(tx, address);
    const { invite } = check;
    const at = now.toISOString();
    tx.put('invites', invite.code, { ...invite, usedAt: at });
    tx.put('identities', addressKey(address), { v: 1, address, personId: invite.personId, linkedAt: at });
    return { outcome: 'ok' };
  };

/** `redeem_invite` with the default limit of wrong codes (5 an hour). */
export const redeemInvite: DomainAction<DataSchema> = createRedeemInvite();
