import type { DomainAction } from '../../core/actions.js';
import type { DataSchema } from '../schema.js';
import { recordConsent, setBroadcasts, setLanguage } from './person-settings.js';
import { redeemInvite } from './redeem-invite.js';
import { requestCoach } from './request-coach.js';
import { whoami } from './whoami.js';

/** The domain actions flows may `call`, by name. Later capabilities add theirs here. */
export const createDomainActions = (
  languages: readonly string[],
): Record<string, DomainAction<DataSchema>> => ({
  redeem_invite: redeemInvite,
  set_language: setLanguage(languages),
  record_consent: recordConsent,
  set_broadcasts: setBroadcasts,
  request_coach: requestCoach,
  whoami,
});
