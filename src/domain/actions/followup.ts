import type { DomainAction } from '../../core/actions.js';
import type { Effect } from '../../core/effects.js';
import type { Json } from '../../core/store.js';
import { allowed } from '../access/policy.js';
import { recordCheckin } from '../campaigns/jobs.js';
import { localDate } from '../dates.js';
import { createTask } from '../followup/tasks.js';
import type { ClosingAnswer, DuoClosing } from '../followup/types.js';
import type { Duo } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import { str, type Ctx } from './hours-context.js';
import { personName } from '../people.js';

type Actions = Record<string, DomainAction<DataSchema>>;
type Notify = Extract<Effect, { type: 'notify' }>;

/** The duo of a follow-up flow, and who is talking in it: its buddy, its newcomer, or nobody of it. */
const duoAndRole = (ctx: Ctx, duoId: Json | undefined): { duo: Duo; role: 'buddy' | 'newcomer' } | null => {
  const duo = typeof duoId === 'string' ? ctx.tx.get('duos', duoId) : undefined;
  if (!duo || !ctx.personId) return null;
  if (!allowed(ctx.tx, ctx.tx.get('people', ctx.personId), 'duo.respond', { duoId: duo.id })) return null;
  if (ctx.personId === duo.buddyId) return { duo, role: 'buddy' };
  if (ctx.personId === duo.newcomerId) return { duo, role: 'newcomer' };
  return null;
};

const coachOf = (ctx: Ctx, duo: Duo): string | null =>
  duo.coachId ?? ctx.tx.get('people', duo.newcomerId)?.coachId ?? null;

const yesNo = (v: Json | undefined): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

/** A closing choice as nested text for the coach's summary (`not_asked`: a question the person never got). */
const said = (v: boolean | string | null | undefined): Json =>
  ({ $t: `followup:said.${v === true ? 'yes' : v === false ? 'no' : (v ?? 'none')}` }) as Json;

export interface FollowUpActionSettings {
  readonly timeZone: string;
}

/**
 * The follow-up flows' actions: who is talking in a duo's check-in or closing, a check-in's answer
 * (a question gives the coach a task to call), and the closing's choices (a closing conversation or
 * going on give the coach a task; the buddy's answers start the newcomer's part).
 */
export const followUpActions = (s: FollowUpActionSettings): Actions => ({
  /**
   * Who is talking in the duo's flow: buddy | newcomer | gone (not of this duo, or no duo).
   * Data: f_newcomer, f_buddy (names); the closing's answers reset.
   */
  followup_context: (ctx, args) => {
    const r = duoAndRole(ctx, args['duo']);
    if (!r) return { outcome: 'gone' };
    return {
      outcome: r.role,
      data: {
        f_newcomer: personName(ctx.tx, r.duo.newcomerId) ?? '',
        f_buddy: personName(ctx.tx, r.duo.buddyId) ?? '',
        c_format: null,
        c_extend: null,
        c_stay: null,
        c_available: null,
      },
    };
  },

  /** A check-in's answer (`met`, `not_met`, `confirmed`, `question`) kept on its mark. ok | gone. */
  followup_answer: (ctx, args) => {
    const r = duoAndRole(ctx, args['duo']);
    const answer = str(args['answer']);
    if (!r || !answer) return { outcome: 'gone' };
    const event = str(args['event']);
    if (event) recordCheckin(ctx.tx, r.duo.id, event, answer, ctx.now);
    if (answer !== 'question') return { outcome: 'ok' };
    const coach = coachOf(ctx, r.duo);
    createTask(
      ctx.tx,
      {
        newcomerId: r.duo.newcomerId,
        duoId: r.duo.id,
        kind: r.role === 'buddy' ? 'call_buddy' : 'call_newcomer',
        dueDate: localDate(ctx.now, s.timeZone),
        source: `question:${event ?? 'chat'}`,
      },
      ctx,
    );
    const effects: Notify[] = coach
      ? [
          {
            type: 'notify',
            personId: coach,
            template: {
              key: 'followup:coach_question',
              params: {
                person: personName(ctx.tx, ctx.personId) ?? '',
                newcomer: personName(ctx.tx, r.duo.newcomerId) ?? '',
              },
            },
          },
        ]
      : [];
    return { outcome: 'ok', effects };
  },

  /**
   * Whether to ask about staying in touch: the buddy always (`buddy`); the newcomer only when the
   * buddy said yes (`newcomer`), so nobody is turned down; else `skip`.
   */
  closing_stay_question: (ctx, args) => {
    const r = duoAndRole(ctx, args['duo']);
    if (!r) return { outcome: 'skip' };
    if (r.role === 'buddy') return { outcome: 'buddy' };
    return { outcome: ctx.tx.get('closings', r.duo.id)?.buddy?.stayInTouch ? 'newcomer' : 'skip' };
  },

  /**
   * Saves one side's closing answers. A closing conversation or the wish to go on gives the coach
   * a task (once per duo); the coach gets a one-line summary; the buddy's answers start the
   * newcomer's part. Outcome: survey | conversation | none | gone.
   */
  closing_save: (ctx, args) => {
    const r = duoAndRole(ctx, args['duo']);
    if (!r) return { outcome: 'gone' };
    const { duo, role } = r;
    const format = args['format'] === 'conversation' || args['format'] === 'survey' ? args['format'] : null;
    const answer: ClosingAnswer = {
      format,
      extend: yesNo(args['extend']),
      stayInTouch: yesNo(args['stay']),
      ...(role === 'buddy'
        ? { available: args['available'] === 'later' ? null : yesNo(args['available']) }
        : {}),
      at: ctx.now.toISOString(),
    };
    const before = ctx.tx.get('closings', duo.id);
    const closing: DuoClosing = {
      v: 1,
      id: duo.id,
      duoId: duo.id,
      buddy: role === 'buddy' ? answer : (before?.buddy ?? null),
      newcomer: role === 'newcomer' ? answer : (before?.newcomer ?? null),
    };
    ctx.tx.put('closings', duo.id, closing);
    const today = localDate(ctx.now, s.timeZone);
    const task = (kind: 'closing_conversation' | 'extend_duo') =>
      createTask(
        ctx.tx,
        { newcomerId: duo.newcomerId, duoId: duo.id, kind, dueDate: today, source: 'closing' },
        ctx,
      );
    if (format === 'conversation') task('closing_conversation');
    if (answer.extend) task('extend_duo');
    const effects: Extract<Effect, { type: 'notify' | 'start' }>[] = [];
    const coach = coachOf(ctx, duo);
    if (coach)
      effects.push({
        type: 'notify',
        personId: coach,
        template: {
          key: 'followup:closing_coach',
          params: {
            person: personName(ctx.tx, ctx.personId) ?? '',
            newcomer: personName(ctx.tx, duo.newcomerId) ?? '',
            buddy: personName(ctx.tx, duo.buddyId) ?? '',
            format: said(format),
            extend: said(answer.extend),
            stay: said(answer.stayInTouch),
            available:
              role === 'buddy'
                ? said(args['available'] === 'later' ? 'later' : answer.available)
                : said('not_asked'),
          },
        },
      });
    if (role === 'buddy' && !before?.newcomer)
      effects.push({ type: 'start', personId: duo.newcomerId, flow: 'closing', vars: { duo: duo.id } });
    return {
      outcome: format ?? 'none',
      effects,
    };
  },
});
