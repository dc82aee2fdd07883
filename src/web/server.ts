import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, timingSafeEqual } from 'node:crypto';
import { CodedError } from '../core/errors.js';
import type { Log } from '../core/log.js';
import type { WebRoute } from './types.js';

export interface WebServerOptions {
  /** WEB_HOST: loopback by default; any other address needs `password`. */
  readonly host: string;
  /** WEB_PORT (0: any free port). */
  readonly port: number;
  /** WEB_PASSWORD: HTTP Basic auth with user `admin` on every request when set. */
  readonly password?: string;
  /** Tried in order; the first that returns true answered. None: 404 with {@link notFound}. */
  readonly routes: readonly WebRoute[];
  /** The text of a 404 answer (plain text), in the pages' language. */
  readonly notFound: string;
  readonly log: Log;
}

export interface WebServer {
  /** Listens; resolves with the address to open (`http://127.0.0.1:8088`). */
  start(): Promise<string>;
  /** Closes open connections (the simulator's event streams too) and the server. */
  stop(): Promise<void>;
}

/** True for an address only this machine can reach. */
const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when the request carries `Authorization: Basic admin:<password>` (compared in constant time). */
const authorised = (header: string | undefined, password: string): boolean => {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  return timingSafeEqual(digest(Buffer.from(m[1]!, 'base64').toString('utf8')), digest(`admin:${password}`));
};

/**
 * The local web server of the simulator and the coach dashboard (node:http, no framework). It
 * refuses to listen on an address other machines can reach unless WEB_PASSWORD is set, and then
 * asks every request for it (user `admin`).
 */
export const createWebServer = (o: WebServerOptions): WebServer => {
  if (!isLoopback(o.host) && !o.password)
    throw new CodedError(
      'CONFIG_INVALID',
      `WEB_HOST=${o.host} can be reached from other machines: set WEB_PASSWORD (at least 8 characters) or use WEB_HOST=127.0.0.1.`,
      { context: { variable: 'WEB_PASSWORD' } },
    );
  let server: Server | null = null;
  const handle: Parameters<typeof createServer>[1] = (req, res) => {
    if (o.password && !authorised(req.headers.authorization, o.password)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="Netwerkbot", charset="UTF-8"' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    void (async () => {
      for (const route of o.routes) if (await route(req, res, url)) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(o.notFound);
    })().catch((err: unknown) => {
      o.log.error(
        { err: err instanceof Error ? err.message : String(err), path: url.pathname },
        'web: failed',
      );
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  };
  return {
    start: () =>
      new Promise((resolve, reject) => {
        const s = createServer(handle);
        s.once('error', (err) =>
          reject(
            new CodedError(
              'CHANNEL_START',
              `The web server cannot listen on ${o.host}:${o.port}: change WEB_PORT.`,
              {
                cause: err,
                context: { variable: 'WEB_PORT' },
              },
            ),
          ),
        );
        s.listen(o.port, o.host, () => {
          server = s;
          const a = s.address() as AddressInfo;
          const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
          resolve(`http://${host}:${a.port}`);
        });
      }),
    stop: async () => {
      const s = server;
      server = null;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    },
  };
};
