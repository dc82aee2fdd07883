import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';
import { CodedError } from '../../core/errors.js';
import type { Log } from '../../core/log.js';

export interface WebhookServerOptions {
  /** Channel name, for logs. */
  readonly channel: string;
  readonly secret: string;
  readonly port: number;
  readonly host?: string;
  /** False while the channel stops: requests get 503 and Telegram delivers them again later. */
  readonly accepting: () => boolean;
  readonly log: Log;
}

/**
 * The HTTP server Telegram posts updates to (webhook mode), over grammY's `webhookCallback`:
 * a request without the right X-Telegram-Bot-Api-Secret-Token gets 401 before anything runs;
 * an update is answered 200 once the bot handled it. Resolves with the port it listens on.
 */
export const serveWebhook = async (
  bot: Bot,
  o: WebhookServerOptions,
): Promise<{ server: Server; port: number }> => {
  const callback = webhookCallback(bot, 'http', { secretToken: o.secret, onTimeout: 'return' });
  const server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    if (!o.accepting()) {
      res.writeHead(503).end();
      return;
    }
    callback(req, res).catch((err: unknown) => {
      o.log.warn(
        { channel: o.channel, err: err instanceof Error ? err.message : String(err) },
        'telegram webhook request failed',
      );
      if (!res.headersSent) res.writeHead(err instanceof SyntaxError ? 400 : 500);
      res.end();
    });
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
    return { server, port };
  } catch (err) {
    throw new CodedError(
      'CHANNEL_START',
      `The Telegram webhook server could not listen on TELEGRAM_WEBHOOK_PORT ${o.port} (${(err as NodeJS.ErrnoException).code ?? String(err)}). Choose a free port in .env.`,
      { cause: err },
    );
  }
};

/** Stops accepting connections; requests in progress finish first. */
export const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
