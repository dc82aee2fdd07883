import QRCode from 'qrcode';
import type { Channel, ChannelEvent, InboundHandler, SendResult } from '../../core/channel.js';
import { CodedError, isCodedError } from '../../core/errors.js';
import { silentLog, type Log } from '../../core/log.js';
import type { WaMessage, WhatsAppClient } from './client.js';
import { toInbound } from './inbound.js';
import { createPacer } from './pace.js';
import { NOT_CONNECTED, scrubReason, sendFailure, toWhatsApp } from './outbound.js';

export interface WhatsAppOptions {
  /** Builds a client; called for the first connect and again for every reconnect. */
  readonly createClient: () => WhatsAppClient;
  /** Channel name in addresses; default 'whatsapp'. */
  readonly name?: string;
  /**
   * Least time between any two sends, plus a random extra up to `jitterMs` (default 1200 + 0..1800
   * ms, WHATSAPP_PACE_MS): an unofficial client that sends like a machine risks a ban.
   */
  readonly pace?: { readonly minMs: number; readonly jitterMs: number };
  /** Wait before reconnect attempt 1, doubling up to `maxMs` (default 5 s to 5 min). */
  readonly reconnect?: { readonly firstMs: number; readonly maxMs: number };
  /** Connection news for the admins (QR to scan, ready, lost, reconnecting, relink needed). */
  readonly onEvent?: (e: ChannelEvent) => void;
  /** Shows a QR code to scan; default: drawn in the terminal on stdout. */
  readonly printQr?: (qr: string) => void;
  /** Injected for tests: waiting between sends, jitter, reconnect timers, and the time in ms. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  readonly now?: () => number;
  readonly log?: Log;
}

/** The WhatsApp channel, with its connection state for health checks and the admin CLI. */
export interface WhatsAppChannel extends Channel {
  /** 'starting' | 'qr' | 'ready' | 'reconnecting' | 'relink' | 'stopped' */
  readonly state: WhatsAppState;
}

export type WhatsAppState = 'starting' | 'qr' | 'ready' | 'reconnecting' | 'relink' | 'stopped';

/** Connection states after which whatsapp-web.js can still send (the rest mean the link is lost). */
const LIVE_STATES = new Set(['CONNECTED', 'OPENING', 'PAIRING', 'TIMEOUT']);

const terminalQr = (qr: string): void => {
  QRCode.toString(qr, { type: 'terminal', small: true }).then(
    (s) => process.stdout.write(`${s}\n`),
    () => undefined,
  );
};

const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(t) };
};

const startError = (cause: unknown): CodedError =>
  new CodedError(
    'CHANNEL_START',
    `WhatsApp did not start: the browser could not launch or could not open WhatsApp Web (${scrubReason(cause)}). ` +
      'Check that PUPPETEER_EXECUTABLE_PATH in .env points to Chrome/Chromium (install it: sudo apt-get install chromium) ' +
      'and that this machine can reach web.whatsapp.com.',
    { cause, context: { variable: 'PUPPETEER_EXECUTABLE_PATH' } },
  );

const authError = (): CodedError =>
  new CodedError(
    'CHANNEL_START',
    'WhatsApp could not restore its saved session (auth_failure). Delete the folder whatsapp/ in DATA_DIR ' +
      'and start again to link the phone with a new QR code.',
    { context: { variable: 'DATA_DIR' } },
  );

/**
 * The WhatsApp channel over a {@link WhatsAppClient} (whatsapp-web.js in production, a fake in
 * tests). `start()` resolves as soon as the client is ready or shows a QR code, so waiting for a
 * scan does not hold up other channels. A lost link is reconnected with a fresh client and
 * doubling waits; every change is reported through `onEvent`. Sends go through one paced queue.
 */
export const createWhatsAppChannel = (o: WhatsAppOptions): WhatsAppChannel => {
  const name = o.name ?? 'whatsapp';
  const backoff = o.reconnect ?? { firstMs: 5_000, maxMs: 300_000 };
  const log = o.log ?? silentLog;
  const setTimer = o.setTimer ?? defaultTimer;
  const pacer = createPacer({
    ...(o.pace ?? { minMs: 1200, jitterMs: 1800 }),
    sleep: o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    random: o.random ?? Math.random,
    now: o.now ?? Date.now,
  });
  const printQr = o.printQr ?? terminalQr;

  let state: WhatsAppState = 'stopped';
  /** Between a start() that did not fail and stop(). */
  let running = false;
  let client: WhatsAppClient | undefined;
  /** Bumped for every client; events of an older client are ignored (the seam has no `off`). */
  let generation = 0;
  let attempt = 0;
  let timer: { cancel(): void } | undefined;
  let handler: InboundHandler | undefined;
  let firstStart: { resolve: () => void; reject: (e: Error) => void } | undefined;

  const emit = (e: Omit<ChannelEvent, 'channel'>) => {
    try {
      o.onEvent?.({ channel: name, ...e });
    } catch (err) {
      log.warn({ channel: name, err: scrubReason(err) }, 'whatsapp onEvent failed');
    }
  };
  const setState = (s: WhatsAppState) => {
    if (s !== state) log.info({ channel: name, from: state, to: s }, 'whatsapp state');
    state = s;
  };
  const settleStart = (err?: Error) => {
    const f = firstStart;
    firstStart = undefined;
    if (f && err) f.reject(err);
    else f?.resolve();
  };
  const drop = (c: WhatsAppClient | undefined) => {
    if (c === client) client = undefined;
    generation++;
    try {
      c?.destroy().catch(() => undefined);
    } catch {
      // A client that throws on destroy is gone anyway.
    }
  };

  const scheduleReconnect = () => {
    attempt++;
    const wait = Math.min(backoff.firstMs * 2 ** (attempt - 1), backoff.maxMs);
    if (state !== 'relink') setState('reconnecting');
    emit({ kind: 'reconnecting', attempt, retryInMs: wait });
    log.info({ channel: name, attempt, retryInMs: wait }, 'whatsapp reconnecting');
    timer?.cancel();
    timer = setTimer(() => {
      timer = undefined;
      if (state !== 'stopped') connect();
    }, wait);
  };

  /** The link is gone: report it, throw the client away and try again with a new one. */
  const lost = (gen: number, why: string) => {
    if (gen !== generation || state === 'stopped') return;
    const reason = scrubReason(why);
    drop(client);
    if (reason === 'LOGOUT' || reason === 'UNPAIRED' || reason === 'UNPAIRED_IDLE') {
      // The phone unlinked this device: a new client will show a QR code to scan.
      setState('relink');
      emit({ kind: 'relink_needed', reason });
    } else emit({ kind: 'disconnected', reason });
    log.warn({ channel: name, reason }, 'whatsapp disconnected');
    // Lost while starting: the channel is up and reconnects in the background, like later on.
    settleStart();
    scheduleReconnect();
  };

  const onMessage = (gen: number, m: WaMessage) => {
    if (gen !== generation || !handler) return;
    let inbound;
    try {
      inbound = toInbound(m, { channel: name, self: client?.info?.wid._serialized });
    } catch (err) {
      log.warn({ channel: name, err: scrubReason(err) }, 'whatsapp message not understood');
      return;
    }
    if (!inbound) return;
    log.debug({ channel: name, kind: inbound.kind, inGroup: !!inbound.inGroup }, 'whatsapp inbound');
    let handled: Promise<void>;
    try {
      handled = handler(inbound);
    } catch (err) {
      handled = Promise.reject(err);
    }
    handled.catch((err: unknown) =>
      log.error({ channel: name, err: scrubReason(err) }, 'whatsapp inbound handler failed'),
    );
  };

  const wire = (c: WhatsAppClient, gen: number) => {
    c.on('qr', (qr) => {
      if (gen !== generation) return;
      setState('qr');
      try {
        printQr(qr);
      } catch (err) {
        log.warn({ channel: name, err: scrubReason(err) }, 'whatsapp QR not printed');
      }
      emit({ kind: 'qr', qr });
      settleStart();
    });
    c.on('ready', () => {
      if (gen !== generation) return;
      attempt = 0;
      setState('ready');
      emit({ kind: 'ready' });
      settleStart();
    });
    c.on('auth_failure', () => {
      if (gen !== generation) return;
      // A session that cannot be restored will not restore on a retry either: wait for a relink.
      drop(c);
      setState('relink');
      emit({ kind: 'relink_needed', reason: 'auth_failure' });
      log.error({ channel: name }, 'whatsapp session could not be restored');
      if (firstStart) running = false;
      settleStart(authError());
    });
    c.on('disconnected', (reason) => lost(gen, String(reason)));
    c.on('change_state', (s) => {
      if (!LIVE_STATES.has(String(s))) lost(gen, String(s));
    });
    c.on('message', (m) => onMessage(gen, m));
  };

  const connect = () => {
    let c: WhatsAppClient;
    try {
      c = o.createClient();
    } catch (err) {
      return failedToConnect(err);
    }
    client = c;
    const gen = ++generation;
    wire(c, gen);
    Promise.resolve()
      .then(() => c.initialize())
      .catch((err: unknown) => {
        if (gen !== generation || state === 'stopped') return;
        drop(c);
        failedToConnect(err);
      });
  };

  const failedToConnect = (err: unknown) => {
    log.error({ channel: name, err: scrubReason(err) }, 'whatsapp client did not start');
    if (firstStart) {
      running = false;
      setState('stopped');
      // A CHANNEL_START error (checkChromium in createClient) already says what to fix.
      settleStart(isCodedError(err, 'CHANNEL_START') ? err : startError(err));
    } else scheduleReconnect();
  };

  const send: Channel['send'] = (to, message) =>
    pacer
      .run(async (gap): Promise<SendResult> => {
        if (state !== 'ready' || !client) return NOT_CONNECTED;
        await gap();
        const c = client;
        if (state !== 'ready' || !c) return NOT_CONNECTED;
        const { chatId, content } = toWhatsApp(to, message);
        try {
          const sent = await c.sendMessage(chatId, content);
          return { ok: true, platformId: sent.id._serialized };
        } catch (err) {
          const failure = sendFailure(err);
          log.warn(
            { channel: name, permanent: failure.permanent, reason: failure.reason },
            'whatsapp send failed',
          );
          return failure;
        }
      })
      .catch((err: unknown) => sendFailure(err));

  return {
    name,
    capabilities: { buttons: false, maxButtons: 0, groups: true, threads: false, bidi: false },
    // A getter, so the state is live; a spread copy holds the state at the moment of spreading.
    get state() {
      return state;
    },
    start: (onInbound) => {
      if (running) return Promise.resolve();
      running = true;
      handler = onInbound;
      attempt = 0;
      setState('starting');
      const started = new Promise<void>((resolve, reject) => (firstStart = { resolve, reject }));
      connect();
      return started;
    },
    send,
    stop: async () => {
      running = false;
      setState('stopped');
      timer?.cancel();
      timer = undefined;
      handler = undefined;
      const c = client;
      client = undefined;
      generation++;
      settleStart(new CodedError('CHANNEL_START', 'WhatsApp was stopped before it was ready.'));
      await c?.destroy().catch(() => undefined);
    },
  };
};
