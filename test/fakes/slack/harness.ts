/**
 * The Slack channel in HTTP mode behind the fake Web API, driven by correctly signed requests into
 * Bolt's own HTTPReceiver, as Slack would send them. Implements the shared {@link ChannelHarness}.
 */
import { privateAddress, groupAddress, type InboundHandler } from '../../../src/core/channel.js';
import type { Log } from '../../../src/core/log.js';
import type { Inbound } from '../../../src/core/messages.js';
import {
  createSlackChannel,
  type SlackActivityTexts,
  type SlackChannel,
  type SlackTexts,
  unescapeMrkdwn,
} from '../../../src/channels/slack/index.js';
import { waitFor, type ChannelHarness, type PlatformMessage } from '../harness.js';
import {
  appMention,
  blockActions,
  channelMessage,
  clientMsgId,
  dmMessage,
  eventEnvelope,
  freshTs,
  type Workspace,
} from './payloads.js';
import { postSigned, type SignOptions, type SlackRequestBody, type SlackResponse } from './sign.js';
import { createFakeSlackApi, type FakeSlackApi, type StoredMessage } from './web-api.js';

/** Dutch words of the `activity add` form, as the app would pass them. */
export const TEST_ACTIVITY_TEXTS: SlackActivityTexts = {
  title: 'Activiteit toevoegen',
  submit: 'Toevoegen',
  cancel: 'Annuleren',
  fields: {
    title: 'Titel',
    description: 'Beschrijving',
    date: 'Datum',
    start: 'Begin',
    end: 'Einde',
    place: 'Plaats',
    address: 'Adres',
    municipality: 'Gemeente (leeg: je eigen gemeente)',
    price: 'Prijs (0 of 3,50)',
    organiser: 'Organisator',
    tags: 'Goed om te weten',
    criteria: 'Criteria',
  },
  tags: [
    { value: 'children_welcome', label: 'Kinderen welkom' },
    { value: 'no_registration', label: 'Zonder inschrijving' },
    { value: 'public_transport', label: 'Met bus of tram' },
    { value: 'school_hours', label: 'Tijdens de schooluren' },
    { value: 'wheelchair', label: 'Rolstoel' },
  ],
  criteria: [
    { value: 'free', label: 'Gratis' },
    { value: 'dutch_context', label: 'In het Nederlands' },
    { value: 'accessible_organisation', label: 'Toegankelijke organisatie' },
  ],
};

/** Words of the Slack modals for tests (the app passes translated ones). */
export const TEST_TEXTS: SlackTexts = {
  personAddTitle: 'Persoon toevoegen',
  submit: 'Toevoegen',
  cancel: 'Annuleren',
  name: 'Naam',
  role: 'Rol',
  language: 'Taal',
  municipality: 'Gemeente',
  roles: [
    { value: 'newcomer', label: 'Inburgeraar' },
    { value: 'buddy', label: 'Buddy' },
    { value: 'contact', label: 'Contactpersoon' },
    { value: 'coach', label: 'Coach' },
  ],
  languages: [
    { value: 'nl', label: 'Nederlands' },
    { value: 'en', label: 'English' },
    { value: 'fr', label: 'Français' },
    { value: 'ar', label: 'العربية' },
  ],
  activity: TEST_ACTIVITY_TEXTS,
};

const TEST_SECRET = 'fake-signing-secret-8f14e45fceea167a';
export const TEST_BOT_TOKEN = 'xoxb-1111-2222-fakebottoken';

export interface SlackHarnessOptions {
  /** The words of the forms; default {@link TEST_TEXTS}. */
  readonly texts?: SlackTexts;
  readonly command?: string;
  readonly adminChannel?: string;
  readonly log?: Log;
  readonly botToken?: string;
}

/** The shared harness plus what Slack-specific tests need. */
export interface SlackHarness extends ChannelHarness {
  readonly slack: SlackChannel;
  readonly api: FakeSlackApi;
  readonly workspace: Workspace;
  /** Every inbound the channel handed to its handler, in order. */
  readonly inbound: readonly Inbound[];
  /** The Request URL of the running channel (`http://127.0.0.1:PORT/slack/events`). */
  eventsUrl(): string;
  /** The user's direct-message conversation id (`D…`). */
  dmOf(name: string): string;
  /** POSTs a signed request; `handled` says whether it should reach the handler (for settle()). */
  post(body: SlackRequestBody, opts?: SignOptions & { handled?: boolean }): Promise<SlackResponse>;
  /** The text as Slack shows a stored message (blocks rendered, mrkdwn unescaped). */
  shown(m: StoredMessage): string;
}

const slackId = (prefix: string, name: string) => `${prefix}${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

const shown = (m: StoredMessage): string => {
  const sections = m.blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
  const contexts = m.blocks
    .filter((b) => b.type === 'context')
    .flatMap((b) =>
      (b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))),
    );
  const body = sections.length ? sections.join('') : m.text;
  return unescapeMrkdwn(contexts.length ? `${body}\n\n${contexts.join('\n')}` : body);
};

const buttonsOf = (m: StoredMessage): string[] =>
  m.blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).filter((e) => e.type === 'button'))
    .map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? '')));

export const createSlackHarness = async (o: SlackHarnessOptions = {}): Promise<SlackHarness> => {
  const api = await createFakeSlackApi({ botToken: o.botToken ?? TEST_BOT_TOKEN });
  const workspace: Workspace = { teamId: api.teamId, botUserId: api.botUserId };
  const slack = createSlackChannel({
    botToken: TEST_BOT_TOKEN,
    mode: 'http',
    signingSecret: TEST_SECRET,
    port: 0,
    apiUrl: api.url,
    texts: o.texts ?? TEST_TEXTS,
    ...(o.command ? { command: o.command } : {}),
    ...(o.adminChannel ? { adminChannel: o.adminChannel } : {}),
    ...(o.log ? { log: o.log } : {}),
  });
  const inbound: Inbound[] = [];
  let expected = 0;
  let handled = 0;
  let last: { body: SlackRequestBody; handled: boolean } | undefined;
  let retries = 0;

  // Bolt acknowledges before it runs the listener, so the HTTP answer does not mean "handled":
  // count the deliveries that must reach the handler and the handler's completions.
  const channel = {
    ...slack,
    start: (h: InboundHandler) =>
      slack.start(async (m) => {
        inbound.push(m);
        try {
          await h(m);
        } finally {
          handled++;
        }
      }),
  };

  const eventsUrl = () => {
    if (slack.port === undefined) throw new Error('slack channel not started');
    return `http://127.0.0.1:${slack.port}/slack/events`;
  };
  const post = async (body: SlackRequestBody, opts: SignOptions & { handled?: boolean } = {}) => {
    const res = await postSigned(eventsUrl(), TEST_SECRET, body, opts);
    if (res.status === 200 && opts.handled) expected++;
    return res;
  };
  const deliver = async (body: SlackRequestBody, handledToo: boolean) => {
    last = { body, handled: handledToo };
    const res = await post(body, { handled: handledToo });
    if (res.status !== 200) throw new Error(`Slack request refused with HTTP ${res.status}`);
  };
  const dmOf = (name: string) => slackId('D', name);
  const userId = (name: string) => slackId('U', name);
  const groupId = (name: string) => slackId('C', name);

  return {
    channel,
    slack,
    api,
    workspace,
    inbound,
    eventsUrl,
    dmOf,
    post,
    shown,
    userId,
    groupId,
    privateAddress: (name) => privateAddress(slack.name, userId(name)),
    groupAddress: (name) => groupAddress(slack.name, groupId(name)),
    userSays: (name, text) =>
      deliver(
        {
          kind: 'event',
          json: eventEnvelope(
            workspace,
            dmMessage(workspace, { user: userId(name), channel: dmOf(name), text }),
          ),
        },
        true,
      ),
    userPicks: async (name, index) => {
      const withButtons = api.messages(dmOf(name)).filter((m) => buttonsOf(m).length > 0);
      const message = withButtons.at(-1);
      if (!message) throw new Error(`no message with buttons to ${name}`);
      const actions = message.blocks.find((b) => b.type === 'actions')!;
      const button = (actions.elements ?? []).filter((e) => e.type === 'button')[index];
      if (!button?.action_id) throw new Error(`no button ${index} on the last message to ${name}`);
      await deliver(
        {
          kind: 'interaction',
          payload: blockActions(workspace, { user: userId(name), message, actionId: button.action_id }),
        },
        true,
      );
    },
    memberSays: async (group, name, text, { mention }) => {
      const ts = freshTs();
      const msg = {
        user: userId(name),
        channel: groupId(group),
        text: mention ? `<@${api.botUserId}> ${text}` : text,
        ts,
        client_msg_id: clientMsgId(),
      };
      // Slack sends the channel message (message.channels) and, for a mention, an app_mention too.
      // Without a mention the channel message reaches the handler (unaddressed); with one only the
      // app_mention does.
      await deliver(
        { kind: 'event', json: eventEnvelope(workspace, channelMessage(workspace, msg)) },
        !mention,
      );
      if (mention)
        await deliver({ kind: 'event', json: eventEnvelope(workspace, appMention(workspace, msg)) }, true);
    },
    redeliverLast: async () => {
      if (!last) throw new Error('nothing delivered yet');
      const res = await post(last.body, { handled: last.handled, retryNum: ++retries });
      if (res.status !== 200) throw new Error(`Slack retry refused with HTTP ${res.status}`);
    },
    settle: async () => {
      await new Promise((r) => setImmediate(r));
      await waitFor(() => handled >= expected, 'the Slack channel to hand every delivery to its handler');
    },
    sent: (chat): readonly PlatformMessage[] =>
      api.messages(chat).map((m) => ({
        chat,
        text: shown(m),
        buttons: buttonsOf(m),
        ...(m.thread_ts ? { thread: m.thread_ts } : {}),
        platformId: `${m.channel}:${m.ts}`,
      })),
    rateLimitNext: (seconds) => api.rateLimitNext(seconds),
    close: async () => {
      await slack.stop();
      await api.close();
    },
  };
};
