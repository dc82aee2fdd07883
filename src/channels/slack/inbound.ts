/**
 * Slack payloads -> core {@link Inbound}. Pure functions over the small part of each Slack payload
 * the bot reads, so they are unit-testable without Bolt. `null` means "ignore this update".
 */
import { privateAddress } from '../../core/channel.js';
import type { Inbound, MediaRef } from '../../core/messages.js';

/** A file attached to a message (`files[]` of a `file_share` message). */
export interface SlackFile {
  readonly id: string;
  readonly mimetype?: string;
  readonly name?: string;
}

/** A `message` event (Events API / Socket Mode), the fields the bot reads. */
export interface SlackMessageEvent {
  readonly type: 'message';
  readonly subtype?: string;
  readonly channel: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly client_msg_id?: string;
  readonly files?: readonly SlackFile[];
}

/** An `app_mention` event: someone wrote `@bot` in a channel the bot is in. */
export interface SlackMentionEvent {
  readonly type: 'app_mention';
  readonly channel: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text: string;
  readonly ts: string;
  readonly client_msg_id?: string;
}

/** The body of a slash command request. */
export interface SlackCommandBody {
  readonly command: string;
  readonly text: string;
  readonly user_id: string;
  readonly channel_id: string;
  readonly trigger_id: string;
}

/** A `block_actions` interaction (a button press), the fields the bot reads. */
export interface SlackBlockActionBody {
  readonly type: 'block_actions';
  readonly user: { readonly id: string };
  readonly trigger_id?: string;
  readonly channel?: { readonly id: string };
  readonly container?: { readonly channel_id?: string; readonly message_ts?: string };
  readonly actions: readonly {
    readonly type: string;
    readonly action_id: string;
    readonly value?: string;
    readonly action_ts?: string;
    readonly text?: { readonly text: string };
  }[];
}

/** One input's state in a submitted modal: text, select, date, time or checkboxes. */
export interface SlackViewValue {
  readonly value?: string | null;
  readonly selected_option?: { readonly value: string } | null;
  /** datepicker: `YYYY-MM-DD` */
  readonly selected_date?: string | null;
  /** timepicker: `HH:mm` */
  readonly selected_time?: string | null;
  /** checkboxes */
  readonly selected_options?: readonly { readonly value: string }[] | null;
}

/** The state of a submitted modal: `values[block_id][action_id]`. */
export type SlackViewValues = Readonly<Record<string, Readonly<Record<string, SlackViewValue>>>>;

/** A `view_submission` of one of the bot's modals, the fields the bot reads. */
export interface SlackViewSubmission {
  readonly user: { readonly id: string };
  readonly view: {
    readonly id: string;
    readonly private_metadata?: string;
    readonly state: { readonly values: SlackViewValues };
  };
}

/** Block ids of the `person add` modal's inputs (each input's action_id is `value`). */
export const PERSON_ADD_BLOCKS = {
  name: 'name',
  role: 'role',
  language: 'language',
  municipality: 'municipality',
} as const;

/** Slack timestamps (`"1763888400.000100"`, seconds) as ISO-8601. */
export const slackTime = (ts: string): string => new Date(Math.round(Number(ts) * 1000)).toISOString();

/** Slack ids of direct-message conversations start with D; everything else is a channel or group. */
const isDirectChannel = (channel: string | undefined): boolean => !!channel && channel.startsWith('D');

/**
 * What a person typed, as plain text: Slack escapes `&`, `<`, `>` and wraps links and mentions in
 * `<...>`; links become their label (or the URL), `<@U1>` stays readable as `@U1`.
 */
export const plainText = (text: string): string =>
  text
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_m, _target: string, label: string) => label)
    .replace(/<([@#!])([^<>]+)>/g, (_m, sigil: string, id: string) => `${sigil === '!' ? '@' : sigil}${id}`)
    .replace(/<([^<>]+)>/g, (_m, target: string) => target.replace(/^mailto:/, ''))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** Removes `<@BOT>` (and `<@BOT|name>`) mentions of the bot from a message text. */
export const withoutMention = (text: string, botUserId: string): string =>
  text
    .replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

const mediaKind = (mime: string | undefined): MediaRef['kind'] => {
  if (!mime) return 'other';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('application/') || mime.startsWith('text/')) return 'document';
  return 'other';
};

/** The stable id of a message: Slack's client_msg_id, else the channel and ts (same on retries). */
export const messageId = (ev: { channel: string; ts: string; client_msg_id?: string }): string =>
  ev.client_msg_id ?? `${ev.channel}:${ev.ts}`;

/** Subtypes of a channel message a member wrote (a plain message has none). */
const MEMBER_SUBTYPES: ReadonlySet<string | undefined> = new Set([
  undefined,
  'file_share',
  'thread_broadcast',
]);

/** True when the Slack text @-mentions the bot (`<@BOT>` or `<@BOT|name>`). */
const mentionsBot = (text: string, botUserId: string): boolean =>
  text.includes(`<@${botUserId}>`) || text.includes(`<@${botUserId}|`);

/**
 * A member's message in a channel that does not mention the bot -> `unaddressed`: who (their
 * private address) and where (the channel id), never the text or the files. A message that does
 * mention the bot is null here: Slack sends an `app_mention` for it too, and that one is handed on.
 */
const fromChannelMessage = (
  channel: string,
  user: string,
  ev: SlackMessageEvent,
  botUserId: string,
): Inbound | null => {
  if (!MEMBER_SUBTYPES.has(ev.subtype)) return null;
  if (mentionsBot(ev.text ?? '', botUserId)) return null;
  if (!(ev.text ?? '').trim() && !ev.files?.length) return null;
  return {
    kind: 'text',
    text: '',
    id: messageId(ev),
    address: privateAddress(channel, user),
    receivedAt: slackTime(ev.ts),
    inGroup: true,
    unaddressed: true,
    group: ev.channel,
  };
};

/**
 * A `message` event -> text or media from a private chat. Edits, deletions and everything sent by
 * a bot (the bot itself included) are ignored. A message in a thread carries the thread's ts as
 * `address.thread`. Of several files, the first is handed on (a person sends one picture as proof;
 * Slack gives the message one id). A message without text or file (a shared post, an attachment
 * only) is ignored. A member's message in a channel (message.channels, message.groups,
 * message.mpim) becomes `unaddressed`, without its text, unless it mentions the bot.
 */
export const fromMessage = (channel: string, ev: SlackMessageEvent, botUserId: string): Inbound | null => {
  if (ev.bot_id || !ev.user || ev.user === botUserId) return null;
  const direct = ev.channel_type ? ev.channel_type === 'im' : isDirectChannel(ev.channel);
  if (!direct) return fromChannelMessage(channel, ev.user, ev, botUserId);
  if (ev.subtype !== undefined && ev.subtype !== 'file_share') return null;
  const address = privateAddress(channel, ev.user);
  const base = {
    id: messageId(ev),
    address: ev.thread_ts && ev.thread_ts !== ev.ts ? { ...address, thread: ev.thread_ts } : address,
    receivedAt: slackTime(ev.ts),
  };
  const text = plainText(ev.text ?? '');
  const file = ev.files?.[0];
  if (ev.subtype === 'file_share' || file) {
    if (!file) return null;
    const mimeType = file.mimetype;
    return {
      ...base,
      kind: 'media',
      media: { kind: mediaKind(mimeType), ref: file.id, ...(mimeType ? { mimeType } : {}) },
      ...(text.trim() ? { caption: text } : {}),
    };
  }
  return text.trim() ? { ...base, kind: 'text', text } : null;
};

/**
 * An `app_mention` in a channel -> text without the mention, from the sender's PRIVATE address
 * with `inGroup: true`, so the answer goes to them privately and never into the channel.
 */
export const fromMention = (channel: string, ev: SlackMentionEvent, botUserId: string): Inbound | null => {
  if (ev.bot_id || !ev.user || ev.user === botUserId) return null;
  return {
    kind: 'text',
    id: messageId(ev),
    address: privateAddress(channel, ev.user),
    receivedAt: slackTime(ev.ts),
    inGroup: !isDirectChannel(ev.channel),
    text: plainText(withoutMention(ev.text, botUserId)),
  };
};

/** `/netwerkbot` -> `netwerkbot`: the command name the core sees (no slash, lower case). */
const commandName = (command: string): string => command.replace(/^\//, '').toLowerCase();

/** True for `person add` with nothing after it: the command opens the modal instead. */
export const isPersonAddAlone = (args: string): boolean => /^person\s+add$/i.test(args.trim());

/** A slash command -> a command inbound from the user's private address. */
export const fromCommand = (channel: string, body: SlackCommandBody, at: Date): Inbound => ({
  kind: 'command',
  id: `cmd:${body.trigger_id}`,
  address: privateAddress(channel, body.user_id),
  receivedAt: at.toISOString(),
  ...(isDirectChannel(body.channel_id) ? {} : { inGroup: true }),
  command: commandName(body.command),
  args: plainText(body.text ?? '').trim(),
});

/** Action ids of the bot's choice buttons: `choice_<index>`. */
const CHOICE_ACTION = /^choice_\d+$/;

/** A button press on one of the bot's choice buttons -> a choice inbound from the presser. */
export const fromAction = (channel: string, body: SlackBlockActionBody, at: Date): Inbound | null => {
  const action = body.actions[0];
  if (!action || action.type !== 'button' || !CHOICE_ACTION.test(action.action_id)) return null;
  if (action.value === undefined) return null;
  const where = body.container?.channel_id ?? body.channel?.id;
  const id = action.action_ts ? `act:${action.action_ts}` : `act:${body.trigger_id ?? ''}`;
  return {
    kind: 'choice',
    id,
    address: privateAddress(channel, body.user.id),
    receivedAt: action.action_ts ? slackTime(action.action_ts) : at.toISOString(),
    ...(where && !isDirectChannel(where) ? { inGroup: true } : {}),
    choice: action.value,
  };
};

/** A municipality of several words ("De Panne") is quoted so it stays one option value. */
const quoted = (s: string) => (/\s/.test(s) ? `"${s.replaceAll('"', '')}"` : s);

/** The value of a form's input block (each input's action_id is `value`). */
export const inputOf = (values: SlackViewValues, block: string) => values[block]?.['value'];

/**
 * A submitted form as the command line a coach could have typed: `/<command> <args>` from the
 * submitter's private address, `inGroup` when the form was opened from a channel (the conversation
 * travels in the view's private_metadata). The view id makes the inbound id, so a resent
 * submission is a duplicate.
 */
export const commandFromView = (
  channel: string,
  command: string,
  body: SlackViewSubmission,
  at: Date,
  args: string,
): Inbound => {
  const from = body.view.private_metadata ?? '';
  return {
    kind: 'command',
    id: `view:${body.view.id}`,
    address: privateAddress(channel, body.user.id),
    receivedAt: at.toISOString(),
    ...(from && !isDirectChannel(from) ? { inGroup: true } : {}),
    command: commandName(command),
    args,
  };
};

/**
 * The submitted `person add` modal -> `/<command> person add <role> <name> taal=<lang>
 * [gemeente=<municipality>]`, the same command a coach could type: the name is the rest of the
 * words, unquoted; only a municipality with a space is quoted (`gemeente="De Panne"`). Null when a
 * required field is empty (Slack itself refuses to submit those).
 */
export const fromPersonAddSubmission = (
  channel: string,
  command: string,
  body: SlackViewSubmission,
  at: Date,
): Inbound | null => {
  const v = body.view.state.values;
  const name = (inputOf(v, PERSON_ADD_BLOCKS.name)?.value ?? '').replace(/\s+/g, ' ').trim();
  const role = inputOf(v, PERSON_ADD_BLOCKS.role)?.selected_option?.value;
  const lang = inputOf(v, PERSON_ADD_BLOCKS.language)?.selected_option?.value;
  const municipality = (inputOf(v, PERSON_ADD_BLOCKS.municipality)?.value ?? '').replace(/\s+/g, ' ').trim();
  if (!name || !role || !lang) return null;
  const args = `person add ${role} ${name} taal=${lang}${municipality ? ` gemeente=${quoted(municipality)}` : ''}`;
  return commandFromView(channel, command, body, at, args);
};
