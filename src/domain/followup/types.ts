/**
 * Follow-up (opvolging) records: the coach's tasks, survey answers, the campaign's "sent once"
 * marks and the closing of a duo. Every record carries `v`; new optional fields are read with
 * defaults, so older records stay valid without a migration.
 */

/** What a coach must do; each kind has its own text (`coach:task.kind.<kind>`). */
export const TASK_KINDS = [
  /** Phone the newcomer (VGC: after 3 months). */
  'call_newcomer',
  /** Phone the buddy (VGC: right after matching, when the buddy did not confirm). */
  'call_buddy',
  /** Phone both (Wetteren: right after the first activity). */
  'call_both',
  /** The duo chose a closing conversation. */
  'closing_conversation',
  /** The duo would like to go on after the planned end. */
  'extend_duo',
  /** Anything else a coach planned by hand. */
  'other',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * Something a coach must do about a duo or a newcomer: an opvolggesprek to hold, a call to make.
 * Made by a campaign event, the closing flow or a coach; shown in the coach's daily digest from
 * `dueDate` on until it is done.
 */
export interface CoachTask {
  readonly v: 1;
  readonly id: string;
  /** The coach who must do it (the duo's coach, else the newcomer's). */
  readonly coachId: string | null;
  readonly newcomerId: string;
  readonly duoId: string | null;
  readonly kind: TaskKind;
  /** Local date (YYYY-MM-DD, Europe/Brussels) from which it is due. */
  readonly dueDate: string;
  readonly status: 'open' | 'done';
  readonly createdAt: string;
  /** What made it: `campaign:<campaign>:<event>`, `closing`, `coach`. */
  readonly source: string;
  /** Free text from whoever made it (a coach's own task), shown in the digest. */
  readonly detail?: string | null;
  readonly doneAt?: string | null;
  /** Person id of who marked it done (or "cli"). */
  readonly doneBy?: string | null;
  /** The coach's follow-up note (shown in the duo log). */
  readonly note?: string | null;
  /** How often it was postponed (a week each time). */
  readonly postponed?: number;
}

/** Moments of the short surveys. */
export const SURVEY_MOMENTS = ['first_meeting', 'three_months', 'end'] as const;
export type SurveyMoment = (typeof SURVEY_MOMENTS)[number];

/** Questions of the surveys, each answered 1 (not at all) to 5 (very much). */
export const SURVEY_ITEMS = ['how_it_went', 'met_people', 'new_places', 'courage_dutch', 'at_home'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];

/** One person's answers to one survey, stored per trajectory (the newcomer). */
export interface SurveyResponse {
  readonly v: 1;
  readonly id: string;
  /** The newcomer whose trajectory it is about. */
  readonly newcomerId: string;
  readonly duoId: string | null;
  /** Who answered: the newcomer or the buddy. */
  readonly respondentId: string;
  readonly role: 'newcomer' | 'buddy';
  readonly moment: SurveyMoment;
  /** 1..5 per question asked; a question skipped is absent. */
  readonly scores: Readonly<Partial<Record<SurveyItem, number>>>;
  readonly comment: string | null;
  readonly lang: string;
  readonly at: string;
}

/**
 * What the follow-up flows record as a check-in's answer (`followup_answer`): `met` / `not_met`
 * (flows/checkin.yaml), `confirmed` (flows/match-confirm.yaml), `question` (both: the coach gets
 * a task to call). Each has its words in the duo log (`coach:log.answer.<answer>`).
 */
export const CHECKIN_ANSWERS = ['met', 'not_met', 'confirmed', 'question'] as const;
export type CheckinAnswer = (typeof CHECKIN_ANSWERS)[number];

/**
 * That a campaign event of a duo has been handled, once: sent, skipped (its purpose was already
 * met) or cancelled (the duo or trajectory ended). Id: `<duoId>:<eventId>`.
 */
export interface FollowUpMark {
  readonly v: 1;
  readonly id: string;
  readonly duoId: string;
  readonly campaign: string;
  readonly eventId: string;
  /** When it was due (after shifting for pauses). */
  readonly dueAt: string;
  readonly status: 'sent' | 'skipped' | 'cancelled';
  readonly at: string;
  /** Why it was skipped or cancelled (e.g. `met_recently`, `task_done`, `duo_ended`). */
  readonly reason?: string;
  /** For a check-in: the answer once given, one of {@link CHECKIN_ANSWERS}. */
  readonly answer?: string;
  readonly answeredAt?: string;
}

/** What one side of a duo chose at the end. */
export interface ClosingAnswer {
  readonly format: 'conversation' | 'survey' | null;
  readonly extend: boolean | null;
  readonly stayInTouch: boolean | null;
  /** Buddy only: available for a new duo. */
  readonly available?: boolean | null;
  readonly at: string;
}

/** The closing of a duo (id = duo id): the buddy is asked first, then the newcomer. */
export interface DuoClosing {
  readonly v: 1;
  readonly id: string;
  readonly duoId: string;
  readonly buddy: ClosingAnswer | null;
  readonly newcomer: ClosingAnswer | null;
}
