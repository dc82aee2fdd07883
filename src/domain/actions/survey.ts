import type { DomainAction } from '../../core/actions.js';
import type { Json } from '../../core/store.js';
import { allowed } from '../access/policy.js';
import { isSurveyMoment, roleInDuo, saveSurvey, SURVEY_QUESTIONS } from '../followup/surveys.js';
import type { SurveyItem } from '../followup/types.js';
import type { DataSchema } from '../schema.js';
import { me, num, str } from './hours-context.js';
import { personName } from '../people.js';

type Actions = Record<string, DomainAction<DataSchema>>;

/** A score as the flow passes it ("4" from a choice, or null when not answered). */
const scoreOf = (v: Json | undefined): number | null | 'bad' => {
  if (v === null || v === undefined || v === '') return null;
  const n = num(v);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 5 ? n : 'bad';
};

/**
 * The short surveys (flows/survey.yaml), started by the follow-up campaigns with
 * `{ moment, duo }` in a newcomer's or a buddy's conversation. Who may answer is checked here,
 * not in the flow; expected situations are outcomes, never exceptions.
 */
export const surveyActions = (): Actions => ({
  /**
   * Checks the survey is this person's and gives the flow what it words the questions with.
   * Outcomes: first_meeting (one question, either role) | newcomer | buddy (the four statements,
   * about themselves or about the newcomer) | unknown_moment | unknown_duo | not_in_duo.
   * Data: s_moment, s_duo, s_role, s_newcomer, s_other (the other one of the duo), s_gemeente.
   */
  survey_start: (ctx, args) => {
    const person = me(ctx);
    const moment = args['moment'];
    if (!isSurveyMoment(moment)) return { outcome: 'unknown_moment' };
    const duo = ctx.tx.get('duos', str(args['duo']) ?? '');
    if (!duo || !person) return { outcome: 'unknown_duo' };
    const role = roleInDuo(duo, person.id);
    if (!role || !allowed(ctx.tx, person, 'duo.respond', { duoId: duo.id })) return { outcome: 'not_in_duo' };
    const newcomer = ctx.tx.get('people', duo.newcomerId);
    const gemeente = newcomer ? ctx.tx.get('municipalities', newcomer.municipality) : undefined;
    return {
      outcome: moment === 'first_meeting' ? moment : role,
      data: {
        s_moment: moment,
        s_duo: duo.id,
        s_role: role,
        s_newcomer: newcomer?.name ?? '',
        s_other: personName(ctx.tx, role === 'newcomer' ? duo.buddyId : duo.newcomerId) ?? '',
        s_gemeente: gemeente?.name ?? newcomer?.municipality ?? '',
      },
    };
  },
  /**
   * Saves the answers so far (called after every answer, so a timeout keeps them); each call
   * replaces the person's response to this moment. Args: moment, duo, one per question
   * (1..5 or null), comment. Outcomes: ok | unknown_moment | unknown_duo | not_in_duo |
   * bad_score | empty.
   */
  survey_save: (ctx, args) => {
    const moment = args['moment'];
    if (!isSurveyMoment(moment)) return { outcome: 'unknown_moment' };
    if (!ctx.personId) return { outcome: 'not_in_duo' };
    const duoId = str(args['duo']) ?? '';
    if (ctx.tx.get('duos', duoId) && !allowed(ctx.tx, me(ctx), 'duo.respond', { duoId }))
      return { outcome: 'not_in_duo' };
    const scores: Partial<Record<SurveyItem, number>> = {};
    for (const item of SURVEY_QUESTIONS[moment]) {
      const n = scoreOf(args[item]);
      if (n === 'bad') return { outcome: 'bad_score' };
      if (n !== null) scores[item] = n;
    }
    const r = saveSurvey(
      ctx.tx,
      {
        duoId,
        respondentId: ctx.personId,
        moment,
        scores,
        comment: str(args['comment']),
      },
      { now: ctx.now },
    );
    return { outcome: r.ok ? 'ok' : r.reason };
  },
});
