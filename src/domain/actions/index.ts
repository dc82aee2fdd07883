import type { DomainAction } from '../../core/actions.js';
import type { DataSchema } from '../schema.js';
import type { HoursSettings } from '../settings.js';
import { aanbodActions } from './aanbod.js';
import { duoActions } from './duo.js';
import { followUpActions } from './followup.js';
import { handoverActions } from './handover.js';
import type { HandoverRelayOptions } from '../handover/relay.js';
import { hoursConfirmActions } from './hours-confirm.js';
import { hoursReportActions } from './hours-report.js';
import { hoursSummaryActions } from './hours-summary.js';
import { recordConsent, setBroadcasts, setLanguage } from './person-settings.js';
import { createRedeemInvite } from './redeem-invite.js';
import { requestCoach } from './request-coach.js';
import { taskNote } from './task.js';
import { surveyActions } from './survey.js';
import { privacyActions } from './privacy.js';
import { whoami } from './whoami.js';
import { outreachAnswered } from '../outreach/start.js';

export interface DomainSettings extends HoursSettings {
  readonly languages: readonly string[];
  /** Wrong invite codes a sender may send in an hour before codes are no longer checked (INVITE_MAX_FAILURES, default 5). */
  readonly inviteMaxFailures?: number;
  /** Rendering and channel threads for the coach's first post of a handover (the app's). */
  readonly handover?: HandoverRelayOptions;
}

/** The domain actions flows may `call`, by name. Later capabilities add theirs here. */
export const createDomainActions = (o: DomainSettings): Record<string, DomainAction<DataSchema>> => ({
  ...hoursReportActions(o),
  ...hoursConfirmActions(),
  ...hoursSummaryActions(o),
  ...aanbodActions(o),
  ...duoActions(o),
  ...followUpActions(o),
  ...surveyActions(),
  ...privacyActions(),
  ...handoverActions(o.handover),
  redeem_invite: createRedeemInvite(o.inviteMaxFailures),
  set_language: setLanguage(o.languages),
  record_consent: recordConsent,
  set_broadcasts: setBroadcasts,
  request_coach: requestCoach,
  task_note: taskNote,
  outreach_answered: outreachAnswered,
  whoami,
});
