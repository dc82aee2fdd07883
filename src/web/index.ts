import type { WebChannel } from '../channels/web/index.js';
import type { Log } from '../core/log.js';
import type { AdjustableClock } from '../system.js';
import { dashboardRoutes } from './dashboard/index.js';
import { sendRedirect } from './dashboard/respond.js';
import { createWebServer, type WebServer } from './server.js';
import { linkToWeb, simulatorRoutes, type Ticking } from './simulator/index.js';
import type { WebContext, WebRoute } from './types.js';

export { createWebServer, type WebServer, type WebServerOptions } from './server.js';
export type { WebContext, WebRoute } from './types.js';

export interface LocalWebOptions {
  readonly ctx: WebContext;
  /** The web channel the panes talk through (already in the app's channels). */
  readonly channel: WebChannel;
  /** The app's adjustable clock (the same object as `ctx.clock`). */
  readonly clock: AdjustableClock;
  readonly app: Ticking;
  /** WEB_HOST, WEB_PORT, WEB_PASSWORD. */
  readonly host: string;
  readonly port: number;
  readonly password?: string;
  readonly log: Log;
  /**
   * The simulator (panes, clock control, reset) at `/`; default true. Off on a shared database (a
   * region): its clock and its reset of all data are for a local demo. Then `/` leads to the
   * dashboard.
   */
  readonly simulator?: boolean;
}

/** Without the simulator, `/` leads to the dashboard. */
const toDashboard: WebRoute = async (req, res, url) => {
  if (url.pathname !== '/' || req.method !== 'GET') return false;
  sendRedirect(res, '/dashboard', 302);
  return true;
};

/**
 * The local web server with the simulator at `/` and the coach dashboard at `/dashboard`. The
 * people linked on the console (the demo's coach and buddy) get their web pane too. Throws a
 * coded error when WEB_HOST is not loopback and WEB_PASSWORD is missing.
 */
export const createLocalWeb = async (o: LocalWebOptions): Promise<WebServer> => {
  const simulator = o.simulator ?? true;
  const server = createWebServer({
    host: o.host,
    port: o.port,
    ...(o.password ? { password: o.password } : {}),
    log: o.log,
    notFound: o.ctx.content.i18n.t(o.ctx.language, 'simulator:not_found'),
    routes: [
      // It answers /dashboard and below only.
      dashboardRoutes(o.ctx),
      simulator
        ? simulatorRoutes({ ctx: o.ctx, channel: o.channel, clock: o.clock, app: o.app, log: o.log })
        : toDashboard,
    ],
  });
  if (simulator) await o.ctx.store.transact((tx) => linkToWeb(tx, o.channel.name, o.clock.now()));
  return server;
};
