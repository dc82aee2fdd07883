/**
 * Bodies Slack sends to an app, shaped like the real ones (Events API envelopes, slash command
 * fields, block_actions and view_submission payloads), for the signed-request fakes and Socket Mode.
 */
import type { Block, StoredMessage } from './web-api.js';

export interface Workspace {
  readonly teamId: string;
  readonly botUserId: string;
  readonly appId?: string;
}

let counter = 0;
const uid = () => {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return `0f1e2d3c-4b5a-4968-8776-${hex}`;
};
let tsSeq = 0;
/** A fresh Slack ts ("seconds.micro") for an inbound message. */
export const freshTs = (): string => {
  tsSeq++;
  return `${1763890000 + tsSeq}.${String(tsSeq).padStart(6, '0')}`;
};

/** `event_callback` envelope around an event. */
export const eventEnvelope = (w: Workspace, event: Record<string, unknown>): Record<string, unknown> => ({
  token: 'legacy-verification-token',
  team_id: w.teamId,
  context_team_id: w.teamId,
  api_app_id: w.appId ?? 'A0APP',
  event,
  type: 'event_callback',
  event_id: `Ev${uid().replaceAll('-', '').slice(-10).toUpperCase()}`,
  event_time: Math.floor(Number(event['event_ts'] ?? event['ts'] ?? 0)),
  authorizations: [
    {
      enterprise_id: null,
      team_id: w.teamId,
      user_id: w.botUserId,
      is_bot: true,
      is_enterprise_install: false,
    },
  ],
  is_ext_shared_channel: false,
});

/** A person's message in their direct messages with the app. */
export const dmMessage = (
  w: Workspace,
  o: { user: string; channel: string; text: string; ts?: string; thread_ts?: string },
): Record<string, unknown> => {
  const ts = o.ts ?? freshTs();
  return {
    type: 'message',
    client_msg_id: uid(),
    text: o.text,
    user: o.user,
    ts,
    team: w.teamId,
    channel: o.channel,
    event_ts: ts,
    channel_type: 'im',
    ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
  };
};

/** A file shared in a DM (subtype file_share, no client_msg_id). */
export const dmFileShare = (
  w: Workspace,
  o: { user: string; channel: string; text: string; file: { id: string; mimetype: string; name: string } },
): Record<string, unknown> => {
  const ts = freshTs();
  return {
    type: 'message',
    subtype: 'file_share',
    text: o.text,
    files: [{ ...o.file, filetype: 'png', size: 1234, url_private: `https://files.slack.com/${o.file.id}` }],
    upload: false,
    user: o.user,
    display_as_bot: false,
    ts,
    channel: o.channel,
    event_ts: ts,
    channel_type: 'im',
    team: w.teamId,
  };
};

/** One message posted in a channel: the fields its message and app_mention events share. */
interface ChannelPost {
  readonly user: string;
  readonly channel: string;
  readonly text: string;
  readonly ts: string;
  readonly client_msg_id: string;
}

const postedFields = (w: Workspace, o: ChannelPost) => ({
  client_msg_id: o.client_msg_id,
  text: o.text,
  user: o.user,
  ts: o.ts,
  team: w.teamId,
  channel: o.channel,
  event_ts: o.ts,
});

/** A message in a channel (what Slack sends for message.channels), mention or not. */
export const channelMessage = (w: Workspace, o: ChannelPost): Record<string, unknown> => ({
  type: 'message',
  ...postedFields(w, o),
  channel_type: 'channel',
});

/** The app_mention Slack sends alongside a channel message that @-mentions the bot. */
export const appMention = (w: Workspace, o: ChannelPost): Record<string, unknown> => ({
  type: 'app_mention',
  ...postedFields(w, o),
});

/** A fresh client message id (the same for the message and app_mention events of one message). */
export const clientMsgId = uid;

/** The form fields of a slash command request. */
export const slashCommand = (
  w: Workspace,
  o: { user: string; channel: string; command: string; text: string; trigger_id?: string },
): Record<string, string> => ({
  token: 'legacy-verification-token',
  team_id: w.teamId,
  team_domain: 'netwerkbot-test',
  channel_id: o.channel,
  channel_name: o.channel.startsWith('D') ? 'directmessage' : 'wijk',
  user_id: o.user,
  user_name: o.user.toLowerCase(),
  command: o.command,
  text: o.text,
  api_app_id: w.appId ?? 'A0APP',
  is_enterprise_install: 'false',
  response_url: 'https://hooks.slack.com/commands/T0TEAM/1/abc',
  trigger_id: o.trigger_id ?? `${uid().slice(-6)}.${Date.now()}.trig`,
});

/** A press on button `actionId` of a message the bot posted. */
export const blockActions = (
  w: Workspace,
  o: { user: string; message: StoredMessage; actionId: string; action_ts?: string },
): Record<string, unknown> => {
  const actions = o.message.blocks.find((b: Block) => b.type === 'actions');
  const button = actions?.elements?.find((e) => e.action_id === o.actionId);
  if (!actions || !button) throw new Error(`no button ${o.actionId} on that message`);
  return {
    type: 'block_actions',
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: w.teamId },
    api_app_id: w.appId ?? 'A0APP',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: o.message.ts,
      channel_id: o.message.channel,
      is_ephemeral: false,
    },
    trigger_id: `${uid().slice(-6)}.${Date.now()}.trig`,
    team: { id: w.teamId, domain: 'netwerkbot-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: o.message.channel, name: o.message.channel.startsWith('D') ? 'directmessage' : 'wijk' },
    message: {
      type: 'message',
      subtype: 'bot_message',
      text: o.message.text,
      ts: o.message.ts,
      bot_id: o.message.bot_id,
      user: o.message.user,
      blocks: o.message.blocks,
    },
    state: { values: {} },
    response_url: 'https://hooks.slack.com/actions/T0TEAM/1/abc',
    actions: [
      {
        action_id: o.actionId,
        block_id: actions.block_id ?? 'choices',
        text: button.text,
        value: button.value,
        type: 'button',
        action_ts: o.action_ts ?? freshTs(),
      },
    ],
  };
};

/** A submitted modal with its state values. */
export const viewSubmission = (
  w: Workspace,
  o: {
    user: string;
    view: Record<string, unknown>;
    values: Record<string, Record<string, unknown>>;
    viewId?: string;
  },
): Record<string, unknown> => ({
  type: 'view_submission',
  team: { id: w.teamId, domain: 'netwerkbot-test' },
  user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: w.teamId },
  api_app_id: w.appId ?? 'A0APP',
  token: 'legacy-verification-token',
  trigger_id: `${uid().slice(-6)}.${Date.now()}.trig`,
  view: {
    ...o.view,
    id: o.viewId ?? 'V0MODAL',
    team_id: w.teamId,
    state: { values: o.values },
    hash: '1763890000.abc',
    root_view_id: o.viewId ?? 'V0MODAL',
    app_id: w.appId ?? 'A0APP',
    bot_id: 'BBOT',
  },
  response_urls: [],
  is_enterprise_install: false,
  enterprise: null,
});
