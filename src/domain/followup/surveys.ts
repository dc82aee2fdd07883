import type { ReadTx, WriteTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import type { Duo } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import { SURVEY_MOMENTS, type SurveyItem, type SurveyMoment, type SurveyResponse } from './types.js';

/** The questions of each survey moment, in the order they are asked. */
export const SURVEY_QUESTIONS: Readonly<Record<SurveyMoment, readonly SurveyItem[]>> = {
  first_meeting: ['how_it_went'],
  three_months: ['met_people', 'new_places', 'courage_dutch', 'at_home'],
  end: ['met_people', 'new_places', 'courage_dutch', 'at_home'],
};

/** Most characters of a free comment that are kept. */
export const MAX_SURVEY_COMMENT = 500;

/** True for one of the survey moments. */
export const isSurveyMoment = (s: unknown): s is SurveyMoment =>
  typeof s === 'string' && (SURVEY_MOMENTS as readonly string[]).includes(s);

/** Where a person stands in a duo: its newcomer, its buddy, or neither (null). */
export const roleInDuo = (duo: Pick<Duo, 'newcomerId' | 'buddyId'>, personId: string) =>
  duo.newcomerId === personId ? 'newcomer' : duo.buddyId === personId ? 'buddy' : null;

/** The answers of one person to one survey moment of a duo, as the flow has them so far. */
export interface SurveyAnswers {
  readonly duoId: string;
  readonly respondentId: string;
  readonly moment: SurveyMoment;
  /** 1..5 per question answered; only the moment's own questions. */
  readonly scores: Readonly<Partial<Record<SurveyItem, number>>>;
  readonly comment?: string | null;
}

/** Why answers were not saved (expected situations, never exceptions). */
export type SurveyRefusal = 'unknown_duo' | 'not_in_duo' | 'bad_score' | 'empty';

export type SaveSurveyResult =
  | { readonly ok: true; readonly survey: SurveyResponse; readonly replaced: boolean }
  | { readonly ok: false; readonly reason: SurveyRefusal };

/** One response per duo, respondent and moment: its id says which, so a repeat lands on it. */
const surveyId = (duoId: string, respondentId: string, moment: SurveyMoment): string =>
  `${duoId}:${respondentId}:${moment}`;

const validScore = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 5;

/**
 * Saves a person's answers to a survey moment of their duo, in the caller's transaction. The
 * respondent must be the duo's newcomer or buddy. Answering the same moment again replaces the
 * earlier response as a whole (the newest answers count): the flow saves after every answer, so
 * what was answered before a timeout or a "menu" is kept, and a new run starts clean.
 */
export const saveSurvey = (
  tx: WriteTx<DataSchema>,
  a: SurveyAnswers,
  o: { readonly now: Date },
): SaveSurveyResult => {
  const duo = tx.get('duos', a.duoId);
  if (!duo) return { ok: false, reason: 'unknown_duo' };
  const role = roleInDuo(duo, a.respondentId);
  if (!role) return { ok: false, reason: 'not_in_duo' };
  const asked = SURVEY_QUESTIONS[a.moment];
  const scores = Object.entries(a.scores).filter(([, n]) => n !== undefined);
  if (scores.some(([item, n]) => !asked.includes(item as SurveyItem) || !validScore(n)))
    return { ok: false, reason: 'bad_score' };
  const comment = a.comment?.trim().slice(0, MAX_SURVEY_COMMENT) || null;
  if (!scores.length && !comment) return { ok: false, reason: 'empty' };
  const id = surveyId(a.duoId, a.respondentId, a.moment);
  const replaced = tx.get('surveys', id) !== undefined;
  const survey: SurveyResponse = {
    v: 1,
    id,
    newcomerId: duo.newcomerId,
    duoId: duo.id,
    respondentId: a.respondentId,
    role,
    moment: a.moment,
    scores: Object.fromEntries(scores),
    comment,
    lang: tx.get('people', a.respondentId)?.lang ?? 'nl',
    at: o.now.toISOString(),
  };
  tx.put('surveys', id, survey);
  return { ok: true, survey, replaced };
};

/** Which responses `surveysOf` returns; every field given must match. */
export interface SurveyFilter {
  readonly newcomerId?: string;
  readonly duoId?: string;
  readonly respondentId?: string;
  readonly role?: SurveyResponse['role'];
  readonly moment?: SurveyMoment;
  /** The gemeente (id) of the newcomer. */
  readonly municipality?: string;
  /** Local dates (YYYY-MM-DD, inclusive) of the answer, counted in `timeZone`. */
  readonly from?: string;
  readonly to?: string;
  readonly timeZone?: string;
}

/**
 * The responses that match `filter`, oldest first: for the export, a coach's view of a duo, or
 * the campaign's "already answered". Dates are local to `filter.timeZone` (default Europe/Brussels).
 */
export const surveysOf = (tx: ReadTx<DataSchema>, filter: SurveyFilter = {}): SurveyResponse[] => {
  const f = filter;
  const zone = f.timeZone ?? 'Europe/Brussels';
  const inDates = (at: string) => {
    if (!f.from && !f.to) return true;
    const day = localDate(new Date(at), zone);
    return (!f.from || day >= f.from) && (!f.to || day <= f.to);
  };
  return tx
    .list(
      'surveys',
      (s) =>
        (!f.newcomerId || s.newcomerId === f.newcomerId) &&
        (!f.duoId || s.duoId === f.duoId) &&
        (!f.respondentId || s.respondentId === f.respondentId) &&
        (!f.role || s.role === f.role) &&
        (!f.moment || s.moment === f.moment) &&
        (!f.municipality || tx.get('people', s.newcomerId)?.municipality === f.municipality) &&
        inDates(s.at),
    )
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
};

/**
 * True when this person already answered (part of) this survey moment for this duo: the campaign
 * engine skips a survey event whose purpose is met.
 */
export const hasAnswered = (
  tx: ReadTx<DataSchema>,
  q: { readonly duoId: string; readonly respondentId: string; readonly moment: SurveyMoment },
): boolean => tx.get('surveys', surveyId(q.duoId, q.respondentId, q.moment)) !== undefined;
