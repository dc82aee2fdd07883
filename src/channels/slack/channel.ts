import { App, webApi } from '@slack/bolt';
import {
  groupAddress,
  type AdminNotifier,
  type Channel,
  type InboundHandler,
  type SendResult,
} from '../../core/channel.js';
import { silentLog, type Log } from '../../core/log.js';
import type { Address, Inbound, Outbound } from '../../core/messages.js';
import {
  ACTIVITY_ADD_CALLBACK,
  activityAddModal,
  fromActivityAddSubmission,
  isActivityAddAlone,
} from './activity-form.js';
import { updateInPlace } from './edit.js';
import { isLocalDocument, uploadDocument } from './upload.js';
import {
  fromAction,
  fromCommand,
  fromMention,
  fromMessage,
  fromPersonAddSubmission,
  isPersonAddAlone,
  type SlackBlockActionBody,
  type SlackCommandBody,
  type SlackMentionEvent,
  type SlackMessageEvent,
  type SlackViewSubmission,
} from './inbound.js';
import {
  chosenUpdate,
  escapeMrkdwn,
  PERSON_ADD_CALLBACK,
  personAddModal,
  platformIdOf,
  SLACK_MAX_BUTTONS,
  sendFailure,
  toPostMessage,
  type SlackPostedMessage,
  type SlackTexts,
} from './outbound.js';
import {
  BOT_TOKEN_HOW,
  boltLogger,
  checkCredentials,
  createReceiver,
  tokenError,
  type SlackClientOptions,
  type SlackReceiver,
} from './receiver.js';

/** Options of the Slack channel; each comes from the .env variable named beside it. */
export interface SlackOptions {
  /** SLACK_BOT_TOKEN (xoxb-...) */
  readonly botToken: string;
  /** SLACK_MODE, default socket (no public URL needed). */
  readonly mode?: 'socket' | 'http';
  /** SLACK_APP_TOKEN (xapp-..., socket mode) */
  readonly appToken?: string;
  /** SLACK_SIGNING_SECRET (http mode) */
  readonly signingSecret?: string;
  /** SLACK_PORT (http mode; 0 = any free port, see {@link SlackChannel.port}), default 3000. */
  readonly port?: number;
  /** SLACK_API_URL (tests: the fake Web API, e.g. http://127.0.0.1:PORT/api/) */
  readonly apiUrl?: string;
  /** SLACK_COMMAND, default '/netwerkbot' */
  readonly command?: string;
  /** SLACK_ADMIN_CHANNEL (channel id for admin notices) */
  readonly adminChannel?: string;
  readonly texts: SlackTexts;
  /** default 'slack' */
  readonly name?: string;
  readonly log?: Log;
}

/** The Slack channel: the coach's workplace. Also posts admin notices into SLACK_ADMIN_CHANNEL. */
export interface SlackChannel extends Channel, AdminNotifier {
  /** HTTP mode: the port listened on, after start (undefined in socket mode and when stopped). */
  readonly port: number | undefined;
}

const now = () => new Date();

/**
 * The Slack adapter over Bolt. `start()` checks the bot token with auth.test (a refused token is a
 * CHANNEL_START error naming SLACK_BOT_TOKEN), then listens in Socket Mode or over HTTP.
 * Direct messages, @-mentions in channels (answered privately), the slash command, choice buttons
 * and the `person add` and `activity add` forms become core inbounds, and so do members' channel
 * messages that do not mention the bot, as `unaddressed` without their text (Slack sends those with
 * the `message.channels` event and `channels:history` scope); everything else Slack sends
 * is acknowledged and ignored. A 429 is not waited on inside the client but returned with its
 * Retry-After, so the outbox decides. `send()` returns `platformId` `<conversation>:<ts>`; an
 * outbound with `replace` (that id, or a bare ts) updates that message with chat.update and keeps
 * its id, or, when it is gone or no longer editable, is posted anew with the new id.
 */
export const createSlackChannel = (o: SlackOptions): SlackChannel => {
  const name = o.name ?? 'slack';
  const log = o.log ?? silentLog;
  const mode = o.mode ?? 'socket';
  const command = `/${(o.command ?? '/netwerkbot').replace(/^\//, '')}`;
  const clientOptions: SlackClientOptions = {
    ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  };
  const logger = boltLogger(log, name);
  const client = new webApi.WebClient(o.botToken, { ...clientOptions, logger });
  let slack: { app: App; receiver: SlackReceiver } | undefined;
  let handler: InboundHandler | undefined;
  let port: number | undefined;
  const inflight = new Set<Promise<void>>();

  /** Hands an inbound to the handler; its failure is logged (Slack already got its ack). */
  const deliver = async (m: Inbound | null): Promise<void> => {
    if (!m || !handler) return;
    const run = handler(m).catch((err: unknown) => {
      log.error(
        { channel: name, kind: m.kind, err: err instanceof Error ? err.message : String(err) },
        'inbound handler failed',
      );
    });
    inflight.add(run);
    try {
      await run;
    } finally {
      inflight.delete(run);
    }
  };

  const listen = (app: App, botUserId: string) => {
    app.event('message', async ({ event }) => {
      await deliver(fromMessage(name, event as unknown as SlackMessageEvent, botUserId));
    });
    app.event('app_mention', async ({ event }) => {
      await deliver(fromMention(name, event as unknown as SlackMentionEvent, botUserId));
    });
    app.command(command, async ({ ack, command: body }) => {
      await ack();
      const cmd = body as unknown as SlackCommandBody;
      const args = cmd.text ?? '';
      // `person add` and `activity add` alone open a form; its submission becomes the command.
      const view = isPersonAddAlone(args)
        ? personAddModal(o.texts, cmd.channel_id)
        : isActivityAddAlone(args)
          ? activityAddModal(o.texts.activity, cmd.channel_id)
          : undefined;
      if (!view) return deliver(fromCommand(name, cmd, now()));
      try {
        await client.views.open({ trigger_id: cmd.trigger_id, view });
      } catch (err) {
        log.warn(
          { channel: name, form: view.callback_id, reason: sendFailure(err).reason },
          'could not open the form',
        );
      }
    });
    // Every block action is acknowledged (Slack shows an error otherwise); only choice buttons count.
    app.action({ type: 'block_actions' }, async ({ ack, body }) => {
      await ack();
      const b = body as unknown as SlackBlockActionBody & {
        message?: SlackPostedMessage & { ts?: string };
      };
      const m = fromAction(name, b, now());
      if (!m || m.kind !== 'choice') return;
      const where = b.container?.channel_id ?? b.channel?.id;
      const ts = b.container?.message_ts ?? b.message?.ts;
      if (where && ts && b.message) {
        const label = b.actions[0]?.text?.text ?? m.choice;
        try {
          await client.chat.update({ channel: where, ts, ...chosenUpdate(b.message, label) });
        } catch (err) {
          log.warn({ channel: name, reason: sendFailure(err).reason }, 'could not mark the chosen button');
        }
      }
      await deliver(m);
    });
    app.view(PERSON_ADD_CALLBACK, async ({ ack, body }) => {
      await ack({ response_action: 'clear' });
      await deliver(fromPersonAddSubmission(name, command, body as unknown as SlackViewSubmission, now()));
    });
    app.view(ACTIVITY_ADD_CALLBACK, async ({ ack, body }) => {
      await ack({ response_action: 'clear' });
      await deliver(fromActivityAddSubmission(name, command, body as unknown as SlackViewSubmission, now()));
    });
    app.error(async (err) => {
      log.error({ channel: name, code: err.code, err: err.message }, 'slack listener failed');
    });
  };

  const start = async (onInbound: InboundHandler): Promise<void> => {
    if (slack) throw new Error(`${name} channel already started`);
    checkCredentials({ botToken: o.botToken, mode, appToken: o.appToken, signingSecret: o.signingSecret });
    let auth: { user_id?: string; bot_id?: string; team_id?: string };
    try {
      auth = await client.auth.test();
    } catch (err) {
      throw tokenError(err, 'SLACK_BOT_TOKEN', BOT_TOKEN_HOW);
    }
    const receiver = createReceiver({
      mode,
      appToken: o.appToken,
      signingSecret: o.signingSecret,
      port: o.port,
      clientOptions,
      logger,
    });
    // botId and botUserId given, so Bolt does not call auth.test again; ignoreSelf drops our own posts.
    const app = new App({
      token: o.botToken,
      botId: auth.bot_id,
      botUserId: auth.user_id,
      receiver: receiver.receiver,
      clientOptions: { ...clientOptions },
      logger,
      convoStore: false,
    });
    listen(app, auth.user_id ?? '');
    handler = onInbound;
    try {
      port = await receiver.listen();
    } catch (err) {
      handler = undefined;
      throw err;
    }
    slack = { app, receiver };
    log.info({ channel: name, mode, team: auth.team_id }, 'slack channel started');
  };

  const send = async (to: Address, m: Outbound): Promise<SendResult> => {
    try {
      if (m.replace && (await updateInPlace(client, to, m))) return { ok: true, platformId: m.replace };
      if (isLocalDocument(m)) return await uploadDocument(client, to, m);
      const res = await client.chat.postMessage(toPostMessage(to, m));
      return { ok: true, platformId: platformIdOf(res.channel ?? to.chat, res.ts ?? '') };
    } catch (err) {
      const failure = sendFailure(err);
      log.warn({ channel: name, reason: failure.reason, permanent: failure.permanent }, 'slack send failed');
      return failure;
    }
  };

  return {
    name,
    capabilities: {
      buttons: true,
      maxButtons: SLACK_MAX_BUTTONS,
      groups: true,
      threads: true,
      bidi: false,
      edit: true,
    },
    get port() {
      return port;
    },
    start,
    send,
    stop: async () => {
      const s = slack;
      slack = undefined;
      if (s) await s.receiver.close().catch(() => undefined);
      await Promise.allSettled([...inflight]);
      handler = undefined;
      port = undefined;
    },
    /**
     * Posts a notice (with its PNG, e.g. WhatsApp's QR code, as a file upload) to
     * SLACK_ADMIN_CHANNEL. Without that setting it does nothing. Best effort: a failure is logged,
     * not thrown, so a lost notice never stops the bot.
     */
    notifyAdmins: async (n) => {
      if (!o.adminChannel) {
        log.debug({ channel: name }, 'no SLACK_ADMIN_CHANNEL: admin notice not posted');
        return;
      }
      try {
        if (n.image)
          await client.files.uploadV2({
            channel_id: o.adminChannel,
            file: Buffer.from(n.image.png),
            filename: n.image.filename,
            initial_comment: escapeMrkdwn(n.text),
          });
        else
          await client.chat.postMessage(toPostMessage(groupAddress(name, o.adminChannel), { text: n.text }));
      } catch (err) {
        log.warn({ channel: name, reason: sendFailure(err).reason }, 'admin notice not posted');
      }
    },
  };
};
