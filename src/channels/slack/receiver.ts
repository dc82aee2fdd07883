/**
 * How Slack reaches the bot: Socket Mode (default; an outgoing WebSocket, no public URL) or HTTP
 * (Bolt's HTTPReceiver checks every request's signature and answers 401 itself), plus the coded
 * start-up errors that say which .env variable to fix. Never puts a token into a message.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPReceiver, LogLevel, SocketModeReceiver, type Logger, type Receiver } from '@slack/bolt';
import { CodedError } from '../../core/errors.js';
import type { Log } from '../../core/log.js';

/** Web API client options shared by the bot's client, Bolt's and the Socket Mode client. */
export interface SlackClientOptions {
  readonly slackApiUrl?: string;
  readonly rejectRateLimitedCalls: true;
  readonly retryConfig: { readonly retries: number };
}

export interface ReceiverOptions {
  readonly mode: 'socket' | 'http';
  readonly appToken?: string;
  readonly signingSecret?: string;
  readonly port?: number;
  readonly clientOptions: SlackClientOptions;
  readonly logger: Logger;
}

/** A receiver that is built but not yet listening. */
export interface SlackReceiver {
  readonly receiver: Receiver;
  /** Connects (socket) or listens (http); resolves with the HTTP port, or undefined in socket mode. */
  listen(): Promise<number | undefined>;
  close(): Promise<void>;
}

const fail = (message: string, variable: string, cause?: unknown, slackError?: string) =>
  new CodedError('CHANNEL_START', message, {
    ...(cause === undefined ? {} : { cause }),
    context: { variable, ...(slackError ? { slackError } : {}) },
  });

const TOKEN_REFUSED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'invalid_token',
  'not_allowed_token_type',
]);

/**
 * Why Slack did not accept a token at start-up, as a CHANNEL_START error naming the variable.
 * `how` says where the right token is found.
 */
export const tokenError = (err: unknown, variable: string, how: string): CodedError => {
  const e = (err ?? {}) as { code?: string; data?: { error?: string }; retryAfter?: number };
  const code = e.data?.error;
  if (e.code === 'slack_webapi_platform_error' && code && TOKEN_REFUSED.has(code))
    return fail(`Slack refused ${variable} (${code}). ${how}`, variable, err, code);
  if (e.code === 'slack_webapi_platform_error')
    return fail(
      `Slack did not accept ${variable} (${code ?? 'unknown error'}). Check the token and the app's installation, then start again.`,
      variable,
      err,
      code,
    );
  if (e.code === 'slack_webapi_rate_limited_error')
    return fail(
      `Slack rate-limited the check of ${variable}; start again in ${e.retryAfter ?? 60} s.`,
      variable,
      err,
    );
  return fail(
    `Could not reach Slack to check ${variable}. Check the internet connection (and SLACK_API_URL if it is set), then start again.`,
    variable,
    err,
  );
};

/** How to fix the bot token; used in every SLACK_BOT_TOKEN error. */
export const BOT_TOKEN_HOW =
  'Copy the Bot User OAuth Token (xoxb-…) from your Slack app into SLACK_BOT_TOKEN in .env.';
const APP_TOKEN_HOW =
  "Create an app-level token (xapp-…) with the connections:write scope under your Slack app's Basic Information → App-Level Tokens and put it into SLACK_APP_TOKEN in .env (or set SLACK_MODE=http).";

/** Checks the credentials the mode needs before any network call; throws CHANNEL_START. */
export const checkCredentials = (o: {
  botToken: string;
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
}): void => {
  if (!o.botToken) throw fail(`SLACK_BOT_TOKEN is empty. ${BOT_TOKEN_HOW}`, 'SLACK_BOT_TOKEN');
  if (!o.botToken.startsWith('xoxb-'))
    throw fail(
      `SLACK_BOT_TOKEN is not a bot token (it must start with xoxb-). ${BOT_TOKEN_HOW}`,
      'SLACK_BOT_TOKEN',
    );
  if (o.mode === 'socket' && !o.appToken)
    throw fail(`SLACK_APP_TOKEN is missing: Socket Mode needs it. ${APP_TOKEN_HOW}`, 'SLACK_APP_TOKEN');
  if (o.mode === 'socket' && !o.appToken!.startsWith('xapp-'))
    throw fail(
      `SLACK_APP_TOKEN is not an app-level token (it must start with xapp-). ${APP_TOKEN_HOW}`,
      'SLACK_APP_TOKEN',
    );
  if (o.mode === 'http' && !o.signingSecret)
    throw fail(
      "SLACK_SIGNING_SECRET is missing: HTTP mode needs it to check Slack's requests. Copy the Signing Secret from your Slack app's Basic Information into SLACK_SIGNING_SECRET in .env (or use SLACK_MODE=socket).",
      'SLACK_SIGNING_SECRET',
    );
};

/**
 * Builds the receiver for the mode. HTTP mode listens on `port` (0 = any free port; the real one
 * is returned by `listen()`), on all interfaces, at `/slack/events` for events, commands and
 * interactions alike.
 */
export const createReceiver = (o: ReceiverOptions): SlackReceiver => {
  if (o.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: o.appToken!,
      logger: o.logger,
      logLevel: LogLevel.WARN,
      installerOptions: { clientOptions: { ...o.clientOptions } },
    });
    return {
      receiver,
      listen: async () => {
        try {
          await receiver.start();
        } catch (err) {
          await receiver.stop().catch(() => undefined);
          const e = err as { code?: string };
          throw e.code?.startsWith('slack_webapi_')
            ? tokenError(err, 'SLACK_APP_TOKEN', APP_TOKEN_HOW)
            : fail(
                'Slack Socket Mode did not connect. Check the internet connection and that Socket Mode is enabled for your Slack app, then start again.',
                'SLACK_APP_TOKEN',
                err,
              );
        }
        return undefined;
      },
      close: () => receiver.stop(),
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: o.signingSecret!,
    port: o.port ?? 3000,
    logger: o.logger,
    logLevel: LogLevel.WARN,
  });
  let server: Server | undefined;
  return {
    receiver,
    listen: async () => {
      try {
        server = await receiver.start(o.port ?? 3000);
      } catch (err) {
        throw fail(
          `Could not listen for Slack on SLACK_PORT ${o.port ?? 3000} (${(err as { code?: string }).code ?? 'error'}). Choose a free port in SLACK_PORT in .env.`,
          'SLACK_PORT',
          err,
        );
      }
      return (server.address() as AddressInfo).port;
    },
    close: async () => {
      if (!server) return;
      server = undefined;
      await receiver.stop();
    },
  };
};

/**
 * Bolt's logger interface over the project's log: Bolt's warnings and errors (bad signatures,
 * failed connections) go to `log` with the channel name; its debug and info lines, which can
 * carry request bodies, are dropped.
 */
export const boltLogger = (log: Log, channel: string): Logger => {
  let level = LogLevel.WARN;
  const line = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg: unknown[]) => log.warn({ channel, source: 'bolt' }, line(msg)),
    error: (...msg: unknown[]) => log.error({ channel, source: 'bolt' }, line(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
};
