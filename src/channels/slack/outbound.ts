/**
 * Core {@link Outbound} -> Slack Web API arguments, and Slack errors -> {@link SendResult}. Pure
 * functions, so rendering and error mapping are unit-testable without a Slack client.
 */
import type { types } from '@slack/bolt';
import type { SendResult } from '../../core/channel.js';
import { directed, numberedText } from '../../core/format.js';
import type { Address, Outbound, OutboundChoice } from '../../core/messages.js';
import type { SlackActivityTexts } from './activity-form.js';
import { PERSON_ADD_BLOCKS } from './inbound.js';

/** Most buttons in one actions block (Slack's limit); more choices become numbered text. */
export const SLACK_MAX_BUTTONS = 25;
/** Slack's limits: button label 75 chars, button value 2000, section text 3000. */
const MAX_LABEL = 75;
const MAX_VALUE = 2000;
const MAX_SECTION = 3000;
/** Modal title, submit and close labels: 24 chars. */
const MAX_VIEW_LABEL = 24;
const RLM = '\u200f';

/** Arguments of `chat.postMessage` the bot uses. */
export interface SlackPost {
  readonly channel: string;
  /** Fallback for notifications and old clients: the text with numbered choices. */
  readonly text: string;
  readonly blocks: types.KnownBlock[];
  readonly thread_ts?: string;
}

/** Escapes the three characters Slack's mrkdwn reserves (`&`, `<`, `>`). */
export const escapeMrkdwn = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The inverse of {@link escapeMrkdwn} (for reading back what the bot posted). */
export const unescapeMrkdwn = (s: string): string =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

const truncate = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

const plain = (text: string, max = MAX_LABEL): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});

/** Splits text into pieces of at most `max` characters, at line ends where possible. */
export const chunkText = (text: string, max = MAX_SECTION): string[] => {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > 0 ? cut + 1 : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  out.push(rest);
  return out;
};

/**
 * The platform id of a posted message: `<conversation id>:<ts>` (e.g. `D0NOUR:1763888400.000100`),
 * enough to edit it later. {@link threadTs} accepts it (or a bare ts) as `Address.thread`.
 */
export const platformIdOf = (channel: string, ts: string): string => `${channel}:${ts}`;

/** The `thread_ts` for an `Address.thread`: a bare ts, or the ts part of a {@link platformIdOf} id. */
export const threadTs = (thread: string): string => thread.slice(thread.lastIndexOf(':') + 1);

/** True when the choices can be real buttons: at most 25, each value within Slack's 2000 chars. */
const fitsButtons = (choices: readonly OutboundChoice[]): boolean =>
  choices.length > 0 &&
  choices.length <= SLACK_MAX_BUTTONS &&
  choices.every((c) => c.value.length > 0 && c.value.length <= MAX_VALUE);

/** Buttons for the choices; `action_id` is `choice_<i>`, the value comes back in the block action. */
const choiceButtons = (choices: readonly OutboundChoice[]): types.ActionsBlock => ({
  type: 'actions',
  block_id: 'choices',
  elements: choices.map((c, i): types.Button => ({
    type: 'button',
    action_id: `choice_${i}`,
    text: plain(c.label),
    value: c.value,
  })),
});

const sections = (mrkdwn: string): types.SectionBlock[] =>
  chunkText(mrkdwn)
    .filter((text) => text.trim())
    .map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));

const isUrl = (s: string) => /^https?:\/\//.test(s);

/**
 * `chat.postMessage` arguments for an Outbound. A private address posts to the user id (Slack
 * delivers it in the app's direct messages), a group to the channel id; `address.thread` replies in
 * that thread. The text is a mrkdwn section (escaped, right-to-left marks for RTL text); choices
 * become buttons, or numbered text when there are more than Slack can show. An image given as a
 * URL becomes an image block; other media references are not renderable and are left out.
 */
export const toPostMessage = (to: Address, m: Outbound): SlackPost => {
  const choices = m.choices ?? [];
  const buttons = fitsButtons(choices);
  const shown = buttons ? directed(m.text, m.direction) : numberedText(m);
  const blocks: types.KnownBlock[] = sections(escapeMrkdwn(shown));
  if (m.media?.kind === 'image' && isUrl(m.media.ref))
    blocks.push({ type: 'image', image_url: m.media.ref, alt_text: truncate(m.text || 'image', 2000) });
  if (buttons) blocks.push(choiceButtons(choices));
  return {
    channel: to.chat,
    text: escapeMrkdwn(numberedText(m)),
    blocks,
    ...(to.thread ? { thread_ts: threadTs(to.thread) } : {}),
  };
};

/** A message as Slack hands it back in a block action (`body.message`). */
export interface SlackPostedMessage {
  readonly text?: string;
  readonly blocks?: readonly { readonly type: string; readonly text?: unknown }[];
}

/**
 * `chat.update` text and blocks after a button press: the same text, no buttons, and a context line
 * `→ <label>` so the conversation shows what was chosen.
 */
export const chosenUpdate = (
  message: SlackPostedMessage,
  label: string,
): { text: string; blocks: types.KnownBlock[] } => {
  const kept = (message.blocks ?? []).filter((b) => b.type !== 'actions') as unknown as types.KnownBlock[];
  const body = (message.blocks ?? [])
    .filter((b) => b.type === 'section')
    .map((b) => (b.text as { text?: unknown } | undefined)?.text)
    .map((t) => (typeof t === 'string' ? t : ''))
    .join('');
  const rtl = body.startsWith(RLM) ? RLM : '';
  const line = `${rtl}→ ${escapeMrkdwn(label)}`;
  return {
    text: `${body || (message.text ?? '')}\n\n${line}`,
    blocks: [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: line }] }],
  };
};

/**
 * User-facing words of the Slack adapter (the `person add` and `activity add` modals). They come
 * from the app's i18n, ready-made, so the adapter holds no language of its own.
 */
export interface SlackTexts {
  /** The `activity add` form. */
  readonly activity: SlackActivityTexts;
  readonly personAddTitle: string;
  readonly submit: string;
  readonly cancel: string;
  readonly name: string;
  readonly role: string;
  readonly language: string;
  readonly municipality: string;
  /** newcomer, buddy, contact, coach */
  readonly roles: readonly { value: string; label: string }[];
  /** nl, en, fr, ... (`nl` is preselected) */
  readonly languages: readonly { value: string; label: string }[];
}

/** The modal's callback id (its view_submission comes back with it). */
export const PERSON_ADD_CALLBACK = 'netwerkbot_person_add';

const option = (o: { value: string; label: string }): types.PlainTextOption => ({
  text: plain(o.label),
  value: o.value,
});

/**
 * The `person add` modal for `views.open`: name, role, language (Dutch preselected) and an optional
 * municipality. `privateMetadata` is the conversation the command came from (to tell a group).
 */
export const personAddModal = (t: SlackTexts, privateMetadata: string): types.ModalView => {
  const languages = t.languages.slice(0, 100).map(option);
  const nl = languages.find((l) => l.value === 'nl');
  return {
    type: 'modal',
    callback_id: PERSON_ADD_CALLBACK,
    private_metadata: privateMetadata,
    title: plain(t.personAddTitle, MAX_VIEW_LABEL),
    submit: plain(t.submit, MAX_VIEW_LABEL),
    close: plain(t.cancel, MAX_VIEW_LABEL),
    blocks: [
      {
        type: 'input',
        block_id: PERSON_ADD_BLOCKS.name,
        label: plain(t.name, 2000),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 200 },
      },
      {
        type: 'input',
        block_id: PERSON_ADD_BLOCKS.role,
        label: plain(t.role, 2000),
        element: { type: 'static_select', action_id: 'value', options: t.roles.slice(0, 100).map(option) },
      },
      {
        type: 'input',
        block_id: PERSON_ADD_BLOCKS.language,
        label: plain(t.language, 2000),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: languages,
          ...(nl ? { initial_option: nl } : {}),
        },
      },
      {
        type: 'input',
        block_id: PERSON_ADD_BLOCKS.municipality,
        optional: true,
        label: plain(t.municipality, 2000),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 200 },
      },
    ],
  };
};

/** Platform errors that may succeed later; every other `{ok:false,error}` will never succeed. */
const TRANSIENT = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'timeout',
]);

/**
 * A failed Web API call as a {@link SendResult}. 429 -> retryable with Slack's Retry-After;
 * `{ok:false,error}` such as channel_not_found, invalid_auth, not_in_channel -> permanent
 * (Slack's few server-side errors excepted); 5xx and network errors -> retryable. The reason is
 * Slack's error code, never a text or a token.
 */
export const sendFailure = (err: unknown): Extract<SendResult, { ok: false }> => {
  const e = (err ?? {}) as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string; response_metadata?: { retryAfter?: number } };
  };
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return {
        ok: false,
        permanent: false,
        retryAfterMs: (e.retryAfter ?? 1) * 1000,
        reason: 'slack: rate limited (429)',
      };
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      const retry = e.data?.response_metadata?.retryAfter;
      return {
        ok: false,
        permanent: !TRANSIENT.has(code),
        ...(retry !== undefined ? { retryAfterMs: retry * 1000 } : {}),
        reason: `slack: ${code}`,
      };
    }
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      const permanent = status >= 400 && status < 500 && status !== 408;
      return { ok: false, permanent, reason: `slack: HTTP ${status}` };
    }
    case 'slack_webapi_request_error':
      return { ok: false, permanent: false, reason: 'slack: request failed (network)' };
    default:
      return { ok: false, permanent: false, reason: 'slack: unexpected error' };
  }
};
