import type { DomainAction } from '../../core/actions.js';
import type { DataSchema } from '../schema.js';
import type { HoursSettings } from '../settings.js';
import { aanbodActions } from './aanbod.js';
import { duoActions } from './duo.js';
import { followUpActions } from './followup.js';
import { hoursConfirmActions } from './hours-confirm.js';
import { hoursReportActions } from './hours-report.js';
import { hoursSummaryActions } from './hours-summary.js';
import { recordConsent, setBroadcasts, setLanguage } from './person-settings.js';
import { redeemInvite } from './redeem-invite.js';
import { requestCoach } from './request-coach.js';
import { taskNote } from './task.js';
import { surveyActions } from './survey.js';
import { whoami } from './whoami.js';

export interface DomainSettings extends HoursSettings {
  readonly languages: readonly string[];
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
  redeem_invite: redeemInvite,
  set_language: setLanguage(o.languages),
  record_consent: recordConsent,
  set_broadcasts: setBroadcasts,
  request_coach: requestCoach,
  task_note: taskNote,
  whoami,
});
