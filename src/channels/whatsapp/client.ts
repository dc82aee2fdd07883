import { existsSync } from 'node:fs';
import { join } from 'node:path';
import wwebjs from 'whatsapp-web.js';
import { CodedError } from '../../core/errors.js';

const { Client, LocalAuth } = wwebjs;

/**
 * A WhatsApp message as the adapter reads it: the few fields of whatsapp-web.js's `Message` that
 * the mapping needs, so another client (the official Cloud API) can supply the same shape.
 */
export interface WaMessage {
  /** Stable per message; the same when the platform delivers it again. */
  readonly id: { readonly _serialized: string };
  /** The chat: a person (`...@c.us`, `...@lid`), a group (`...@g.us`) or `status@broadcast`. */
  readonly from: string;
  readonly to: string;
  /** The sender inside a group; absent in private chats. */
  readonly author?: string | undefined;
  /** The text, or the caption of a media message. */
  readonly body: string;
  readonly fromMe: boolean;
  readonly isStatus: boolean;
  readonly hasMedia: boolean;
  /** `chat`, `image`, `video`, `audio`, `ptt`, `document`, `location`, `sticker`, ... */
  readonly type: string;
  /** Seconds since the epoch, set by WhatsApp. */
  readonly timestamp: number;
  /** Ids (`...@c.us` / `...@lid`) of the people @-mentioned in the text. */
  readonly mentionedIds: readonly string[];
  readonly hasQuotedMsg?: boolean | undefined;
}

/**
 * The narrow seam between the WhatsApp adapter and whatever talks to WhatsApp. whatsapp-web.js's
 * `Client` satisfies it structurally (checked below); tests drive an EventEmitter fake; the
 * official Cloud API could implement it later without touching the adapter or the flows.
 */
export interface WhatsAppClient {
  /** A QR code to scan with the phone (emitted again every ~20 s until scanned). */
  on(event: 'qr', listener: (qr: string) => void): unknown;
  /** Linked and able to send; `info` is set from now on. */
  on(event: 'ready', listener: () => void): unknown;
  /** The saved session could not be restored: someone must link the phone again. */
  on(event: 'auth_failure', listener: (message: string) => void): unknown;
  /** Lost: a state name, or `LOGOUT` when the phone unlinked this device. */
  on(event: 'disconnected', listener: (reason: string) => void): unknown;
  on(event: 'change_state', listener: (state: string) => void): unknown;
  on(event: 'message', listener: (message: WaMessage) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<{ readonly id: { readonly _serialized: string } }>;
  /** The bot's own id (`wid`), set once ready. */
  readonly info?: { readonly wid: { readonly _serialized: string } } | undefined;
}

// Compile-time proof that the real client fits the seam: if whatsapp-web.js changes shape, this
// line fails to compile instead of the bot failing at run time.
const _fits = (c: InstanceType<typeof Client>): WhatsAppClient => c;

export interface WwebjsClientOptions {
  /** DATA_DIR: the session is kept in `<dataDir>/<session>`, next to the database. */
  readonly dataDir: string;
  /** The session's folder: the channel name (`whatsapp`, or `whatsapp-<account>`). Default `whatsapp`. */
  readonly session?: string;
  /** PUPPETEER_EXECUTABLE_PATH: the system Chromium (Puppeteer's own download is skipped). */
  readonly executablePath: string;
}

/**
 * Builds a real whatsapp-web.js client (headless Chromium, session saved under DATA_DIR). Pass it
 * as `createClient: () => createWwebjsClient(...)`: the channel makes a fresh one per (re)connect.
 */
export const createWwebjsClient = (o: WwebjsClientOptions): WhatsAppClient =>
  new Client({
    authStrategy: new LocalAuth({ dataPath: join(o.dataDir, o.session ?? 'whatsapp') }),
    puppeteer: {
      executablePath: o.executablePath,
      headless: true,
      // --no-sandbox: Chromium refuses to run as root with its sandbox (containers, small servers).
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
  });

/**
 * Checks before start-up that the configured Chromium exists, so a missing browser is one clear
 * CHANNEL_START error instead of a Puppeteer stack trace.
 */
export const checkChromium = (path: string): void => {
  if (!path || !existsSync(path))
    throw new CodedError(
      'CHANNEL_START',
      `WhatsApp needs Chromium at ${path || '(empty)'} (PUPPETEER_EXECUTABLE_PATH) and it is not there. ` +
        'Install it: sudo apt-get install chromium — or set PUPPETEER_EXECUTABLE_PATH in .env to your Chrome/Chromium.',
      { context: { variable: 'PUPPETEER_EXECUTABLE_PATH' } },
    );
};
