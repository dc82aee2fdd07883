import { EventEmitter } from 'node:events';
import type { WaMessage, WhatsAppClient } from '../../../src/channels/whatsapp/index.js';

/** What the fake does when the channel calls `initialize()`. */
export type FakeStartup =
  | 'ready' // linked session: emits ready (the default)
  | 'qr' // not linked: emits a QR code and waits for `scan()`
  | 'silent' // emits nothing (the test drives it)
  | { readonly fail: Error } // the browser did not launch
  | 'auth_failure'; // the saved session is broken

export interface FakeSent {
  readonly chatId: string;
  readonly content: string;
  readonly id: string;
}

export interface FakeWhatsAppOptions {
  readonly startup?: FakeStartup;
  /** The bot's own id, set as `info.wid` on ready. */
  readonly self?: string;
}

/**
 * An EventEmitter standing in for whatsapp-web.js's Client behind the adapter's narrow seam:
 * drive connection events and incoming messages, read what the bot sent per chat.
 */
export interface FakeWhatsAppClient extends WhatsAppClient {
  info: { wid: { _serialized: string } } | undefined;
  readonly self: string;
  /** Every send, in order, across chats. */
  readonly sent: FakeSent[];
  /** Calls of `initialize()` and `destroy()`, to check the channel's lifecycle. */
  readonly calls: { initialize: number; destroy: number };
  sentTo(chatId: string): FakeSent[];
  qr(code?: string): void;
  ready(): void;
  disconnect(reason: string): void;
  changeState(state: string): void;
  authFailure(message?: string): void;
  /** Delivers a message as WhatsApp would (synchronously through the listeners). */
  receive(m: WaMessage): void;
  /** The next send is refused with whatsapp-web.js-style rate limiting (`rate-overlimit`). */
  rateLimitNext(retryAfterSeconds: number): void;
  /** The next send rejects with this error. */
  failNext(err: Error): void;
  listenerCount(event: string): number;
}

let seq = 0;

export const BOT_ID = '32400000001@c.us';

export const createFakeWhatsAppClient = (o: FakeWhatsAppOptions = {}): FakeWhatsAppClient => {
  const ee = new EventEmitter();
  const self = o.self ?? BOT_ID;
  const sent: FakeSent[] = [];
  const failures: Error[] = [];
  const calls = { initialize: 0, destroy: 0 };
  const fake: FakeWhatsAppClient = {
    info: undefined,
    self,
    sent,
    calls,
    on: (event: string, listener: (...args: never[]) => void) => ee.on(event, listener as never),
    listenerCount: (event) => ee.listenerCount(event),
    initialize: async () => {
      calls.initialize++;
      const s = o.startup ?? 'ready';
      if (typeof s === 'object') throw s.fail;
      if (s === 'ready') fake.ready();
      else if (s === 'qr') fake.qr();
      else if (s === 'auth_failure') fake.authFailure();
    },
    destroy: async () => {
      calls.destroy++;
    },
    sendMessage: async (chatId, content) => {
      const err = failures.shift();
      if (err) throw err;
      const id = `true_${chatId}_FAKE${++seq}`;
      sent.push({ chatId, content, id });
      return { id: { _serialized: id } };
    },
    sentTo: (chatId) => sent.filter((s) => s.chatId === chatId),
    qr: (code = `2@fake-qr-${++seq}`) => void ee.emit('qr', code),
    ready: () => {
      fake.info = { wid: { _serialized: self } };
      ee.emit('ready');
    },
    disconnect: (reason) => void ee.emit('disconnected', reason),
    changeState: (state) => void ee.emit('change_state', state),
    authFailure: (message = 'Unable to log in. Are the session details valid?') =>
      void ee.emit('auth_failure', message),
    receive: (m) => void ee.emit('message', m),
    rateLimitNext: (sec) => {
      failures.push(Object.assign(new Error('rate-overlimit'), { retryAfterMs: sec * 1000 }));
    },
    failNext: (err) => {
      failures.push(err);
    },
  };
  return fake;
};

let msgSeq = 0;

/** A message as whatsapp-web.js delivers it; override what the test is about. */
export const waMessage = (over: Partial<WaMessage> & { from: string }): WaMessage => ({
  id: { _serialized: `false_${over.from}_3EB0${(++msgSeq).toString(16).toUpperCase().padStart(8, '0')}` },
  to: BOT_ID,
  body: '',
  fromMe: false,
  isStatus: false,
  hasMedia: false,
  type: 'chat',
  timestamp: 1_795_424_400,
  mentionedIds: [],
  ...over,
});
