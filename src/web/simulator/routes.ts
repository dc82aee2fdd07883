import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { WebChannel, WebEvent, WebInput } from '../../channels/web/index.js';
import type { Log } from '../../core/log.js';
import type { AdjustableClock } from '../../system.js';
import type { WebContext, WebRoute } from '../types.js';
import { CLOCK_STEPS, runUntil, stepTarget, type ClockStep, type Ticking } from './clock.js';
import { panePeople, resetDemo } from './demo.js';
import { renderPage } from './page.js';

export interface SimulatorOptions {
  readonly ctx: WebContext;
  readonly channel: WebChannel;
  /** The app's clock (the same object as `ctx.clock`), moved by the clock control. */
  readonly clock: AdjustableClock;
  readonly app: Ticking;
  readonly log: Log;
}

const BASE = '/simulator';
const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));
const TYPES: Record<string, string> = { 'app.js': 'text/javascript', 'app.css': 'text/css' };
const USER = /^[\p{L}\p{N}_-]{1,40}$/u;
const MAX_BODY = 16 * 1024;

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/**
 * The JSON body of a POST, or null. Only `application/json` is read: a page of another site
 * cannot send that to this server without a preflight, which it never gets an answer to.
 */
const body = async (req: IncomingMessage): Promise<Record<string, unknown> | null> => {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return null;
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_BODY) return null;
    chunks.push(c);
  }
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * The simulator's routes: `/` the page, `/simulator/assets/*` its script and style,
 * `/simulator/events` the Server-Sent Events of every pane and of the clock, `POST
 * /simulator/send` (a pane's text or button), `/simulator/clock` (+1 day, week, month) and
 * `/simulator/reset` (fresh demo data), `GET /simulator/state` (time and people).
 */
export const simulatorRoutes = (o: SimulatorOptions): WebRoute => {
  const { ctx, channel, clock } = o;
  const i18n = ctx.content.i18n;
  const t = (key: string, params: Record<string, string> = {}) =>
    i18n.t(ctx.language, `simulator:${key}`, params);
  const streams = new Set<ServerResponse>();
  const push = (event: string, data: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const s of streams) s.write(frame);
  };
  const formatted = (d: Date) =>
    new Intl.DateTimeFormat(ctx.language, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: ctx.timeZone,
    }).format(d);
  const clockState = () => ({ now: clock.now().toISOString(), text: formatted(clock.now()) });
  channel.subscribe((e: WebEvent) => push(e.kind, e.kind === 'clear' ? {} : e.message));
  // One clock move or reset at a time; a second click waits for the first.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const people = () => ctx.store.read(panePeople);

  const events = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(`retry: 1000\nevent: clock\ndata: ${JSON.stringify(clockState())}\n\n`);
    for (const m of channel.history()) res.write(`event: message\ndata: ${JSON.stringify(m)}\n\n`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
  };

  const send = async (req: IncomingMessage, res: ServerResponse) => {
    const b = await body(req);
    const user = typeof b?.['user'] === 'string' ? b['user'] : '';
    const text = typeof b?.['text'] === 'string' ? b['text'].slice(0, 4000) : undefined;
    const choice = typeof b?.['choice'] === 'string' ? b['choice'].slice(0, 400) : undefined;
    const label = typeof b?.['label'] === 'string' ? b['label'].slice(0, 400) : undefined;
    if (!USER.test(user) || (text === undefined && choice === undefined) || text?.trim() === '')
      return json(res, 400, { ok: false });
    const input: WebInput = choice !== undefined ? { choice } : { text: text! };
    await channel.receive(user.toLowerCase(), input, label);
    json(res, 200, { ok: true });
  };

  const move = async (req: IncomingMessage, res: ServerResponse) => {
    const b = await body(req);
    const step = b?.['step'];
    if (!CLOCK_STEPS.includes(step as ClockStep)) return json(res, 400, { ok: false });
    await serial(async () => {
      const target = stepTarget(clock.now(), step as ClockStep);
      await runUntil(clock, o.app, target, () => push('clock', clockState()));
    });
    push('clock', clockState());
    json(res, 200, { ok: true, ...clockState() });
  };

  const reset = async (req: IncomingMessage, res: ServerResponse) => {
    if (!(await body(req))) return json(res, 400, { ok: false });
    await serial(async () => {
      await o.app.idle();
      clock.reset();
      const left = await ctx.store.transact((tx) => resetDemo(tx, channel.name, clock.now(), i18n.languages));
      if (left) o.log.warn({ left }, 'simulator: records not removed at reset');
      channel.clear();
      await o.app.tick();
      await o.app.idle();
    });
    push('clock', clockState());
    json(res, 200, { ok: true, ...clockState(), people: await people() });
  };

  return async (req, res, url) => {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && (path === '/' || path === BASE || path === `${BASE}/`)) {
      const html = renderPage({
        lang: ctx.language,
        t,
        people: await people(),
        now: formatted(clock.now()),
        base: BASE,
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return true;
    }
    if (method === 'GET' && path.startsWith(`${BASE}/assets/`)) {
      const name = path.slice(`${BASE}/assets/`.length);
      const type = TYPES[name];
      if (!type) return false;
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' });
      res.end(await readFile(`${ASSETS}${name}`));
      return true;
    }
    if (method === 'GET' && path === `${BASE}/events`) {
      events(req, res);
      return true;
    }
    if (method === 'GET' && path === `${BASE}/state`) {
      json(res, 200, { ...clockState(), people: await people() });
      return true;
    }
    if (method !== 'POST') return false;
    if (path === `${BASE}/send`) await send(req, res);
    else if (path === `${BASE}/clock`) await move(req, res);
    else if (path === `${BASE}/reset`) await reset(req, res);
    else return false;
    return true;
  };
};
