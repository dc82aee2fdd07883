/**
 * A loopback fake of Slack's Web API (`POST /api/<method>`), driven by the real @slack/web-api
 * client. It answers in Slack's shapes (`{ok:true,...}` / `{ok:false,error}`, HTTP 429 with
 * Retry-After), keeps what the bot posted per conversation with its edits applied, and records
 * every call. Posting to a user id lands in that user's direct-message conversation (`U…` ->
 * `D…`), as on Slack; chat.update, as on Slack, needs that conversation's id (conversations.open
 * gives it) and answers channel_not_found for a user id.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface FakeSlackApiOptions {
  readonly botToken?: string;
  readonly appToken?: string;
  readonly botUserId?: string;
  readonly botId?: string;
  readonly teamId?: string;
}

/** A message as the fake holds it. */
export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  text: string;
  blocks: Block[];
  readonly thread_ts?: string;
  readonly user: string;
  readonly bot_id: string;
  readonly files?: readonly { id: string; title?: string }[];
  edits: number;
}

/** A Block Kit block, as loosely as the fake needs it. */
export interface Block {
  readonly type: string;
  readonly block_id?: string;
  readonly text?: { readonly type: string; readonly text: string };
  readonly elements?: readonly {
    readonly type: string;
    readonly text?: string | { readonly text: string };
    readonly action_id?: string;
    readonly value?: string;
  }[];
}

export interface ApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** The bearer token sent (compare, never print). */
  readonly token: string | undefined;
  readonly status: number;
}

export interface FakeSlackApi {
  /** Base URL for `slackApiUrl` / SLACK_API_URL, ending in `/api/`. */
  readonly url: string;
  readonly calls: readonly ApiCall[];
  /** Uploaded files (the upload URL POST), by file id: the size in bytes of the request body. */
  readonly uploads: ReadonlyMap<string, number>;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  /** The conversation a user id or conversation id posts into (`U1` -> `D1`). */
  conversationOf(idOrUser: string): string;
  /** Messages in a conversation (or a user's DM), oldest first, with edits applied. */
  messages(idOrUser: string): readonly StoredMessage[];
  /** The next API call gets HTTP 429 with this Retry-After (seconds). */
  rateLimitNext(seconds: number): void;
  /** The next call of `method` answers `{ok:false, error}` (e.g. chat.update, edit_window_closed). */
  failNext(method: string, error: string): void;
  /** The message disappears, as when someone deletes it; chat.update then answers message_not_found. */
  remove(idOrUser: string, ts: string): void;
  /** The next call answers with this HTTP status (e.g. 503). */
  httpErrorNext(status: number): void;
  /** Where apps.connections.open sends the Socket Mode client. */
  setSocketUrl(url: string): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });

const JSON_FIELDS = new Set(['blocks', 'view', 'files', 'attachments']);

/** The web-api client sends form-encoded arguments with objects as JSON strings. */
const parseArgs = (body: Buffer, contentType: string | undefined): Record<string, unknown> => {
  const text = body.toString('utf8');
  if (contentType?.startsWith('application/json')) return JSON.parse(text || '{}') as Record<string, unknown>;
  const q = parseQuery(text);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(q)) {
    const value = Array.isArray(v) ? v[0] : v;
    out[k] = JSON_FIELDS.has(k) && typeof value === 'string' ? JSON.parse(value) : value;
  }
  return out;
};

export const createFakeSlackApi = async (o: FakeSlackApiOptions = {}): Promise<FakeSlackApi> => {
  const botToken = o.botToken ?? 'xoxb-fake-bot-token';
  const appToken = o.appToken ?? 'xapp-fake-app-token';
  const botUserId = o.botUserId ?? 'UBOT';
  const botId = o.botId ?? 'BBOT';
  const teamId = o.teamId ?? 'T0TEAM';
  const calls: ApiCall[] = [];
  const store = new Map<string, StoredMessage[]>();
  const uploads = new Map<string, number>();
  const pendingFiles = new Map<string, { filename: string; length: number }>();
  let rateLimit: number | undefined;
  let httpError: number | undefined;
  const failures = new Map<string, string>();
  let socketUrl: string | undefined;
  let seq = 0;
  let base = '';

  const conversationOf = (id: string) => (id.startsWith('U') || id.startsWith('W') ? `D${id.slice(1)}` : id);
  const nextTs = () => {
    seq++;
    return `${1763888400 + seq}.${String(seq).padStart(6, '0')}`;
  };
  const post = (m: Omit<StoredMessage, 'ts' | 'user' | 'bot_id' | 'edits'>): StoredMessage => {
    const msg: StoredMessage = { ...m, ts: nextTs(), user: botUserId, bot_id: botId, edits: 0 };
    const list = store.get(msg.channel) ?? [];
    list.push(msg);
    store.set(msg.channel, list);
    return msg;
  };
  const find = (channel: string, ts: string) => store.get(conversationOf(channel))?.find((m) => m.ts === ts);

  type Answer = Record<string, unknown>;
  const methods: Record<string, (args: Record<string, unknown>) => Answer> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://netwerkbot-test.slack.com/',
      team: 'Netwerkbot test',
      user: 'netwerkbot',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (a) => {
      const channel = String(a['channel'] ?? '');
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const text = typeof a['text'] === 'string' ? a['text'] : '';
      const blocks = (a['blocks'] as Block[] | undefined) ?? [];
      if (!text && blocks.length === 0) return { ok: false, error: 'no_text' };
      const thread = typeof a['thread_ts'] === 'string' ? a['thread_ts'] : undefined;
      const m = post({
        channel: conversationOf(channel),
        text,
        blocks,
        ...(thread ? { thread_ts: thread } : {}),
      });
      return {
        ok: true,
        channel: m.channel,
        ts: m.ts,
        message: { type: 'message', user: botUserId, bot_id: botId, text, ts: m.ts, blocks },
      };
    },
    'chat.update': (a) => {
      const channel = String(a['channel'] ?? '');
      if (!channel || /^[UW]/.test(channel)) return { ok: false, error: 'channel_not_found' };
      const m = find(channel, String(a['ts'] ?? ''));
      if (!m) return { ok: false, error: 'message_not_found' };
      if (typeof a['text'] === 'string') m.text = a['text'];
      if (a['blocks']) m.blocks = a['blocks'] as Block[];
      m.edits++;
      return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
    },
    'conversations.open': (a) => {
      const users = String(a['users'] ?? '');
      if (!/^[UW][A-Z0-9]+$/.test(users)) return { ok: false, error: 'user_not_found' };
      return { ok: true, channel: { id: conversationOf(users) } };
    },
    'views.open': (a) => {
      if (!a['trigger_id']) return { ok: false, error: 'invalid_trigger_id' };
      const view = a['view'] as Record<string, unknown>;
      return { ok: true, view: { id: `V${++seq}`, hash: `h${seq}`, ...view, state: { values: {} } } };
    },
    'files.getUploadURLExternal': (a) => {
      const id = `F${++seq}`;
      pendingFiles.set(id, { filename: String(a['filename']), length: Number(a['length']) });
      return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
    },
    'files.completeUploadExternal': (a) => {
      const files = (a['files'] as { id: string; title?: string }[] | undefined) ?? [];
      if (files.some((f) => !pendingFiles.has(f.id) || !uploads.has(f.id)))
        return { ok: false, error: 'file_not_found' };
      const channel = a['channel_id'] ? String(a['channel_id']) : undefined;
      if (channel)
        post({
          channel: conversationOf(channel),
          text: typeof a['initial_comment'] === 'string' ? a['initial_comment'] : '',
          blocks: [],
          files,
        });
      return {
        ok: true,
        files: files.map((f) => ({ id: f.id, title: f.title ?? pendingFiles.get(f.id)!.filename })),
      };
    },
    'apps.connections.open': () =>
      socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'internal_error' },
  };

  const reply = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (path.startsWith('/upload/')) {
      const id = path.slice('/upload/'.length);
      if (!pendingFiles.has(id)) {
        res.writeHead(404);
        res.end();
        return;
      }
      uploads.set(id, body.length);
      calls.push({ method: 'upload', args: { file_id: id, bytes: body.length }, token, status: 200 });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${body.length}`);
      return;
    }
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : '';
    let args: Record<string, unknown> = {};
    try {
      args = parseArgs(body, req.headers['content-type']);
    } catch {
      reply(res, 200, { ok: false, error: 'invalid_arguments' });
      return;
    }
    const record = (status: number) => calls.push({ method, args, token, status });
    if (rateLimit !== undefined) {
      const sec = rateLimit;
      rateLimit = undefined;
      record(429);
      reply(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(sec) });
      return;
    }
    if (httpError !== undefined) {
      const status = httpError;
      httpError = undefined;
      record(status);
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end('upstream failure');
      return;
    }
    const handler = methods[method];
    if (!handler) {
      record(200);
      reply(res, 200, { ok: false, error: 'unknown_method' });
      return;
    }
    const expected = method === 'apps.connections.open' ? appToken : botToken;
    record(200);
    if (!token) return reply(res, 200, { ok: false, error: 'not_authed' });
    if (token !== expected) return reply(res, 200, { ok: false, error: 'invalid_auth' });
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return reply(res, 200, { ok: false, error: failure });
    }
    reply(res, 200, handler(args));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${base}/api/`,
    calls,
    uploads,
    botUserId,
    botId,
    teamId,
    conversationOf,
    messages: (id) => store.get(conversationOf(id)) ?? [],
    rateLimitNext: (seconds) => {
      rateLimit = seconds;
    },
    failNext: (method, error) => {
      failures.set(method, error);
    },
    remove: (id, ts) => {
      const list = store.get(conversationOf(id));
      if (list)
        store.set(
          conversationOf(id),
          list.filter((m) => m.ts !== ts),
        );
    },
    httpErrorNext: (status) => {
      httpError = status;
    },
    setSocketUrl: (url) => {
      socketUrl = url;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
