/**
 * The Slack form for `activity add`: the modal a coach fills in instead of typing the command, and
 * its submission as the very command line they could have typed. Pure functions, so both are
 * unit-testable without Bolt.
 */
import type { types } from '@slack/bolt';
import type { Inbound } from '../../core/messages.js';
import { commandFromView, inputOf, type SlackViewSubmission, type SlackViewValues } from './inbound.js';

/** The form's fields; each is also the block id of its input (the input's action_id is `value`). */
export const ACTIVITY_FIELDS = [
  'title',
  'description',
  'date',
  'start',
  'end',
  'place',
  'address',
  'municipality',
  'price',
  'organiser',
  'tags',
  'criteria',
] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

/** The accessibility tags the form offers, in the order they are written into `tags=`. */
export const ACTIVITY_TAGS = [
  'children_welcome',
  'no_registration',
  'public_transport',
  'school_hours',
  'wheelchair',
] as const;

/** The three criteria of a weekly activity; each becomes `<criterion>=ja|nee`. */
export const ACTIVITY_CRITERIA = ['free', 'dutch_context', 'accessible_organisation'] as const;

/**
 * User-facing words of the form, ready-made from the app's i18n. `tags` and `criteria` are the
 * checkbox options: the values of {@link ACTIVITY_TAGS} and {@link ACTIVITY_CRITERIA} with labels.
 */
export interface SlackActivityTexts {
  readonly title: string;
  readonly submit: string;
  readonly cancel: string;
  readonly fields: Readonly<Record<ActivityField, string>>;
  readonly tags: readonly { readonly value: string; readonly label: string }[];
  readonly criteria: readonly { readonly value: string; readonly label: string }[];
}

/** The modal's callback id (its view_submission comes back with it). */
export const ACTIVITY_ADD_CALLBACK = 'netwerkbot_activity_add';

/** Longest title and description the form accepts. */
const ACTIVITY_TITLE_MAX = 80;
const ACTIVITY_DESCRIPTION_MAX = 400;
/** Longest other text input (place, address, organiser, municipality, price). */
const TEXT_MAX = 200;
/** Modal title, submit and close labels: 24 characters; option labels 75; input labels 2000. */
const MAX_VIEW_LABEL = 24;
const MAX_OPTION = 75;
const MAX_LABEL = 2000;
/** Slack shows at most 10 checkboxes in one element. */
const MAX_CHECKBOXES = 10;

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: text.length <= max ? text : `${text.slice(0, max - 1)}…`,
  emoji: true,
});

/** True for `activity add` with nothing after it: the command opens the form instead. */
export const isActivityAddAlone = (args: string): boolean => /^activity\s+add$/i.test(args.trim());

type InputElement = types.InputBlock['element'];

const input = (
  id: ActivityField,
  label: string,
  element: InputElement,
  optional = false,
): types.InputBlock => ({
  type: 'input',
  block_id: id,
  label: plain(label, MAX_LABEL),
  element,
  ...(optional ? { optional: true } : {}),
});

const text = (max: number, multiline = false): types.PlainTextInput => ({
  type: 'plain_text_input',
  action_id: 'value',
  max_length: max,
  ...(multiline ? { multiline: true } : {}),
});

const checkboxes = (options: SlackActivityTexts['tags']): types.Checkboxes => ({
  type: 'checkboxes',
  action_id: 'value',
  options: options
    .slice(0, MAX_CHECKBOXES)
    .map((o) => ({ text: plain(o.label, MAX_OPTION), value: o.value })),
});

/**
 * The `activity add` form for `views.open`: title, description, date, start and end time, place,
 * address, an optional municipality (empty: the coach's own), price, organiser, the accessibility
 * tags and the three criteria as checkboxes (both optional: nothing ticked is allowed).
 * `privateMetadata` is the conversation the command came from.
 */
export const activityAddModal = (t: SlackActivityTexts, privateMetadata: string): types.ModalView => {
  const f = t.fields;
  return {
    type: 'modal',
    callback_id: ACTIVITY_ADD_CALLBACK,
    private_metadata: privateMetadata,
    title: plain(t.title, MAX_VIEW_LABEL),
    submit: plain(t.submit, MAX_VIEW_LABEL),
    close: plain(t.cancel, MAX_VIEW_LABEL),
    blocks: [
      input('title', f.title, text(ACTIVITY_TITLE_MAX)),
      input('description', f.description, text(ACTIVITY_DESCRIPTION_MAX, true)),
      input('date', f.date, { type: 'datepicker', action_id: 'value' }),
      input('start', f.start, { type: 'timepicker', action_id: 'value' }),
      input('end', f.end, { type: 'timepicker', action_id: 'value' }),
      input('place', f.place, text(TEXT_MAX)),
      input('address', f.address, text(TEXT_MAX)),
      input('municipality', f.municipality, text(TEXT_MAX), true),
      input('price', f.price, text(20)),
      input('organiser', f.organiser, text(TEXT_MAX)),
      input('tags', f.tags, checkboxes(t.tags), true),
      input('criteria', f.criteria, checkboxes(t.criteria), true),
    ],
  };
};

/**
 * A free-text value as one command argument: in `"…"`, a `"` inside becoming `”` and line
 * breaks spaces, so the command's parser reads it back whole.
 */
export const quoteFree = (s: string): string =>
  `"${s
    .replace(/\r\n|\r|\n/g, ' ')
    .replaceAll('"', '”')
    .trim()}"`;

const textOf = (v: SlackViewValues, id: ActivityField): string => (inputOf(v, id)?.value ?? '').trim();
const checked = (v: SlackViewValues, id: ActivityField): string[] =>
  (inputOf(v, id)?.selected_options ?? []).map((o) => o.value).filter((x) => /^[a-z0-9_]+$/.test(x));

/** The price as typed (`0`, `3,50`); quoted like free text only when it has spaces or quotes. */
const priceArg = (price: string): string => {
  const p = price.replace(/\s+/g, ' ');
  return /[\s"'“”]/.test(p) ? quoteFree(p) : p;
};

/** Tags in the order of {@link ACTIVITY_TAGS}, values the form does not know after them. */
const ordered = (tags: string[]): string[] => {
  const rank = (t: string) => {
    const i = (ACTIVITY_TAGS as readonly string[]).indexOf(t);
    return i < 0 ? ACTIVITY_TAGS.length : i;
  };
  return [...new Set(tags)].sort((a, b) => rank(a) - rank(b));
};

/**
 * The command line of a submitted form: `activity add title="…" description="…" date=YYYY-MM-DD
 * start=HH:MM end=HH:MM place="…" address="…" price=… organiser="…" free=ja|nee
 * dutch_context=ja|nee accessible_organisation=ja|nee`, then ` gemeente="…"` when filled and
 * ` tags=a,b` when any is ticked. Null when a required field is empty (Slack refuses those itself).
 */
export const activityAddArgs = (v: SlackViewValues): string | null => {
  const date = inputOf(v, 'date')?.selected_date ?? '';
  const start = inputOf(v, 'start')?.selected_time ?? '';
  const end = inputOf(v, 'end')?.selected_time ?? '';
  const required = ['title', 'description', 'place', 'address', 'price', 'organiser'] as const;
  const words = Object.fromEntries(required.map((k) => [k, textOf(v, k)])) as Record<
    (typeof required)[number],
    string
  >;
  if (required.some((k) => !words[k])) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(start) || !/^\d{2}:\d{2}$/.test(end))
    return null;
  const criteria = new Set(checked(v, 'criteria'));
  const tags = ordered(checked(v, 'tags'));
  const municipality = textOf(v, 'municipality');
  return [
    'activity add',
    `title=${quoteFree(words.title)}`,
    `description=${quoteFree(words.description)}`,
    `date=${date}`,
    `start=${start}`,
    `end=${end}`,
    `place=${quoteFree(words.place)}`,
    `address=${quoteFree(words.address)}`,
    `price=${priceArg(words.price)}`,
    `organiser=${quoteFree(words.organiser)}`,
    ...ACTIVITY_CRITERIA.map((c) => `${c}=${criteria.has(c) ? 'ja' : 'nee'}`),
    ...(municipality ? [`gemeente=${quoteFree(municipality)}`] : []),
    ...(tags.length ? [`tags=${tags.join(',')}`] : []),
  ].join(' ');
};

/**
 * The submitted `activity add` form -> the command inbound `/<command> activity add …` (see
 * {@link activityAddArgs}) from the coach's private address, or null when incomplete.
 */
export const fromActivityAddSubmission = (
  channel: string,
  command: string,
  body: SlackViewSubmission,
  at: Date,
): Inbound | null => {
  const args = activityAddArgs(body.view.state.values);
  return args ? commandFromView(channel, command, body, at, args) : null;
};
