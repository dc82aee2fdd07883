import { z } from 'zod';

/**
 * The flow definition language. Flows are data in `flows/*.yaml`, validated by this schema at
 * load; `npm run schema` writes `flows/flow.schema.json` from it for editor completion.
 * Text is referenced only by i18n key (`namespace:key`).
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, - and _, starting with a letter');
const i18nKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*:[a-z0-9_.-]+$/i, 'an i18n key like "onboarding:welcome" (namespace:key)');
const duration = z
  .string()
  .regex(/^\d+(m|h|d)$/, 'a duration like "30m", "2h" or "3d"')
  .describe('minutes (m), hours (h) or days (d)');

/** Parameters for a message: literal strings, or `$var` to take a conversation variable. */
const params = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional();

export const sendAction = z
  .object({
    type: z.literal('send'),
    text: i18nKey,
    params,
    to: z.enum(['self', 'coach']).default('self').describe('the person in the conversation, or their coach'),
  })
  .strict();

export const setAction = z
  .object({
    type: z.literal('set'),
    var: id,
    value: z
      .union([z.string(), z.number(), z.boolean(), z.null()])
      .describe('a literal, or "$other" to copy a variable'),
  })
  .strict();

export const callAction = z
  .object({
    type: z.literal('call'),
    action: id.describe('a named domain action (see src/domain/actions)'),
    args: params,
    result: id.optional().describe('variable that receives the result data'),
    assign: z.boolean().default(false).describe('copy the fields of the result data into variables'),
    routes: z.record(z.string(), id).optional().describe('outcome -> node to go to'),
  })
  .strict();

export const startFlowAction = z
  .object({
    type: z.literal('start_flow'),
    flow: id,
    return: z.boolean().default(false).describe('come back to this node when that flow ends'),
  })
  .strict();

export const gotoAction = z.object({ type: z.literal('goto'), node: id }).strict();
export const endAction = z.object({ type: z.literal('end') }).strict();

export const action = z.discriminatedUnion('type', [
  sendAction,
  setAction,
  callAction,
  startFlowAction,
  gotoAction,
  endAction,
]);
export type Action = z.infer<typeof action>;
export type ActionType = Action['type'];

const timeout = z.object({ after: duration, next: id }).strict();

export const choiceOption = z
  .object({
    value: z.string().min(1),
    label: i18nKey,
    /** Render the label in this language whatever the person's language (a language list). */
    label_lng: z.string().optional(),
    keywords: i18nKey
      .optional()
      .describe('comma-separated words that also pick this option, in every language'),
    next: id.optional(),
  })
  .strict();

export const choiceWait = z
  .object({
    type: z.literal('choice'),
    prompt: i18nKey,
    options: z.array(choiceOption).max(12).default([]),
    options_from: id
      .optional()
      .describe(
        'a variable holding a list of {value, text} shown before the fixed options (names, known activities)',
      ),
    other: z
      .object({ var: id, next: id })
      .strict()
      .optional()
      .describe('where free text that picks no option goes (stored in var) instead of counting as a miss'),
    var: id.optional(),
    next: id.optional().describe('where to go when the chosen option has no next'),
    timeout: timeout.optional(),
  })
  .strict()
  .refine((w) => w.options.length > 0 || w.options_from !== undefined, {
    message: 'give options, options_from, or both',
    path: ['options'],
  });

export const numberWait = z
  .object({
    type: z.literal('number'),
    prompt: i18nKey,
    min: z.number().optional(),
    max: z.number().optional(),
    var: id,
    next: id,
    timeout: timeout.optional(),
  })
  .strict();

export const textWait = z
  .object({
    type: z.literal('text'),
    prompt: i18nKey,
    max_length: z.number().int().positive().default(500),
    var: id,
    next: id,
    timeout: timeout.optional(),
  })
  .strict();

export const wait = z.discriminatedUnion('type', [choiceWait, numberWait, textWait]);
export type Wait = z.infer<typeof wait>;
export type WaitType = Wait['type'];

export const node = z
  .object({
    actions: z.array(action).default([]),
    wait: wait.optional(),
    next: id.optional().describe('node after the actions when there is no wait; none ends the flow'),
  })
  .strict();
export type FlowNode = z.infer<typeof node>;

export const flow = z
  .object({
    id,
    version: z.number().int().positive(),
    description: z.string().optional(),
    start: id,
    nodes: z.record(id, node),
  })
  .strict();
export type Flow = z.infer<typeof flow>;
