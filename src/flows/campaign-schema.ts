import { z } from 'zod';
import { SURVEY_MOMENTS, TASK_KINDS } from '../domain/followup/types.js';

/**
 * A follow-up campaign, declared as data (flows/campaigns/*.yaml) like flows: a list of events,
 * each at an offset from a date of the duo (the match, the first meeting, the planned end), at a
 * time of day, that sends a message, starts a flow (a check-in, a survey, the closing) or creates
 * a task for the coach. `npm run schema` writes flows/campaign.schema.json for editors.
 */

const id = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, - and _');
const i18nKey = z.string().regex(/^[a-z]+:[A-Za-z0-9_.]+$/, 'an i18n key such as followup:month_checkin');

/** How far from the anchor; negative goes back ("end - 2 weeks": `{ weeks: -2 }`). */
export const offset = z
  .object({
    months: z.number().int().min(-24).max(24).optional(),
    weeks: z.number().int().min(-104).max(104).optional(),
    days: z.number().int().min(-730).max(730).optional(),
  })
  .strict();

/** The dates of a duo an event can hang from. */
export const ANCHORS = ['match', 'first_meeting', 'end'] as const;
const anchor = z.enum(ANCHORS).describe('match: the match date; first_meeting; end: the planned end');
const recipient = z.enum(['newcomer', 'buddy', 'coach']);

const message = z
  .object({ type: z.literal('message'), to: recipient, text: i18nKey })
  .strict()
  .describe('a message (params: newcomer, buddy, coach, end)');
const flowStart = z
  .object({
    type: z.literal('flow'),
    to: z.enum(['newcomer', 'buddy']),
    flow: id,
    vars: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict()
  .describe('starts a flow in their conversation, with vars duo, event and these');
const task = z
  .object({ type: z.literal('task'), task: z.enum(TASK_KINDS) })
  .strict()
  .describe("a task in the coach's digest");

export const campaignAction = z.discriminatedUnion('type', [message, flowStart, task]);

/** When an event's purpose is already met, it is skipped (any condition that holds). */
export const skipIf = z
  .object({
    met_within_days: z
      .number()
      .int()
      .min(1)
      .max(365)
      .optional()
      .describe('the duo logged a buddy meeting in the last N days'),
    task_done: z.enum(TASK_KINDS).optional().describe('a task of this kind for the duo is already done'),
    answered: z.enum(SURVEY_MOMENTS).optional().describe('the recipient already answered this survey'),
    checkin_answered: id.optional().describe('a check-in of this event id was already answered'),
  })
  .strict();

export const campaignEvent = z
  .object({
    id,
    anchor,
    offset: offset.optional(),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, e.g. 10:00')
      .optional()
      .describe('local time (TIMEZONE); default 10:00; an event due before the match goes at the match'),
    do: campaignAction,
    skip_if: skipIf.optional(),
    repeat: z
      .object({
        every_months: z.number().int().min(1).max(12),
        until: z.object({ anchor, offset: offset.optional() }).strict(),
      })
      .strict()
      .optional()
      .describe('repeats (id#2, id#3, ...) while before the until date'),
  })
  .strict();

export const campaign = z
  .object({
    id,
    version: z.literal(1),
    description: z.string().optional(),
    events: z.array(campaignEvent).min(1),
  })
  .strict();

export type Campaign = z.infer<typeof campaign>;
export type CampaignEvent = z.infer<typeof campaignEvent>;
export type CampaignAction = z.infer<typeof campaignAction>;
export type Offset = z.infer<typeof offset>;
export type Anchor = (typeof ANCHORS)[number];
