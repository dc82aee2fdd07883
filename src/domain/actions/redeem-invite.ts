import { addressKey } from '../../core/messages.js';
import type { DomainAction } from '../../core/actions.js';
import { checkInvite } from '../invites.js';
import type { DataSchema } from '../schema.js';

/**
 * Links the sender's chat identity to the invited person and uses up the code.
 * Outcomes: ok | unknown | expired | used.
 */
export const redeemInvite: DomainAction<DataSchema> = ({ tx, now, address }, args) => {
  const check = checkInvite(tx, String(args['code'] ?? ''), now);
  if (!check.ok) return { outcome: check.reason };
  const { invite } = check;
  const at = now.toISOString();
  tx.put('invites', invite.code, { ...invite, usedAt: at });
  tx.put('identities', addressKey(address), { v: 1, address, personId: invite.personId, linkedAt: at });
  return { outcome: 'ok' };
};
