import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWhatsAppChannel, type WhatsAppOptions } from '../../src/channels/whatsapp/channel.js';
import { checkChromium, createWwebjsClient } from '../../src/channels/whatsapp/client.js';
import { groupAddress, privateAddress, type ChannelEvent } from '../../src/core/channel.js';
import { isCodedError } from '../../src/core/errors.js';
import type { Log } from '../../src/core/log.js';
import type { Inbound } from '../../src/core/messages.js';
import { waitFor } from '../fakes/harness.js';
import {
  BOT_ID,
  createFakeWhatsAppClient,
  waMessage,
  type FakeStartup,
  type FakeWhatsAppClient,
} from '../fakes/whatsapp/fake-client.js';

const AMINA = '32470111222@c.us';
const GROUP = '120363000000000001@g.us';
const to = privateAddress('whatsapp', AMINA);

/** Manual reconnect timers: the test fires them. */
const timers = () => {
  const list: { ms: number; fn: () => void; cancelled: boolean }[] = [];
  return {
    list,
    setTimer: (fn: () => void, ms: number) => {
      const t = { ms, fn, cancelled: false };
      list.push(t);
      return { cancel: () => void (t.cancelled = true) };
    },
    pending: () => list.filter((t) => !t.cancelled),
    fireLast: () => {
      const t = list.at(-1)!;
      expect(t.cancelled).toBe(false);
      t.cancelled = true;
      t.fn();
    },
  };
};

const recordingLog = () => {
  const lines: unknown[] = [];
  const rec = (level: string) => (fields: Record<string, unknown>, msg: string) =>
    void lines.push({ level, fields, msg });
  const log: Log = { debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
  return { log, lines };
};

/** A channel over fakes made in order from `startups` (the last one repeats). */
const setup = (startups: FakeStartup[] = ['ready'], over: Partial<WhatsAppOptions> = {}) => {
  const clients: FakeWhatsAppClient[] = [];
  const events: ChannelEvent[] = [];
  const qrs: string[] = [];
  const t = timers();
  const { log, lines } = recordingLog();
  const channel = createWhatsAppChannel({
    createClient: () => {
      const c = createFakeWhatsAppClient({
        startup: startups[Math.min(clients.length, startups.length - 1)]!,
      });
      clients.push(c);
      return c;
    },
    pace: { minMs: 0, jitterMs: 0 },
    reconnect: { firstMs: 100, maxMs: 300 },
    onEvent: (e) => void events.push(e),
    printQr: (qr) => void qrs.push(qr),
    setTimer: t.setTimer,
    log,
    ...over,
  });
  const received: Inbound[] = [];
  const start = () => channel.start(async (m) => void received.push(m));
  return { channel, clients, events, qrs, timers: t, lines, received, start, last: () => clients.at(-1)! };
};

const flush = () => new Promise((r) => setImmediate(r));

describe('whatsapp channel: start and QR', () => {
  it('has no buttons, no threads and no bidi, but groups', () => {
    expect(setup().channel.capabilities).toEqual({
      buttons: false,
      maxButtons: 0,
      groups: true,
      threads: false,
      bidi: false,
    });
  });

  it('resolves start on ready and reports it', async () => {
    const s = setup();
    expect(s.channel.state).toBe('stopped');
    await s.start();
    expect(s.channel.state).toBe('ready');
    expect(s.events).toEqual([{ channel: 'whatsapp', kind: 'ready' }]);
    expect(s.clients).toHaveLength(1);
    expect(s.last().calls.initialize).toBe(1);
  });

  it('resolves start at the QR code (a scan must not block other channels), prints and reports it', async () => {
    const s = setup(['qr']);
    await s.start();
    expect(s.channel.state).toBe('qr');
    expect(s.qrs).toHaveLength(1);
    expect(s.events).toEqual([{ channel: 'whatsapp', kind: 'qr', qr: s.qrs[0] }]);
    // A refreshed QR is printed and reported again; the scan makes it ready.
    s.last().qr('2@second');
    expect(s.qrs.at(-1)).toBe('2@second');
    expect(s.events.at(-1)).toEqual({ channel: 'whatsapp', kind: 'qr', qr: '2@second' });
    s.last().ready();
    expect(s.channel.state).toBe('ready');
    expect(s.events.at(-1)).toMatchObject({ kind: 'ready' });
  });

  it('draws the QR in the terminal by default', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const s = setup(['qr'], { printQr: undefined });
      await s.start();
      await waitFor(() => write.mock.calls.length > 0, 'the QR on stdout');
      expect(String(write.mock.calls[0]![0])).toMatch(/[▄▀█]/);
      await s.channel.stop();
    } finally {
      write.mockRestore();
    }
  });

  it('rejects start with CHANNEL_START naming PUPPETEER_EXECUTABLE_PATH when the browser does not launch', async () => {
    const fail = new Error(
      'Failed to launch the browser process! spawn /usr/bin/chromium ENOENT +32 470 11 12 22',
    );
    const s = setup([{ fail }]);
    const err = await s.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCodedError(err, 'CHANNEL_START')).toBe(true);
    const msg = (err as Error).message;
    expect(msg).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(msg).toContain('sudo apt-get install chromium');
    expect(msg).not.toMatch(/470/);
    expect((err as Error).cause).toBe(fail);
    expect(s.channel.state).toBe('stopped');
    expect(s.timers.pending()).toHaveLength(0);
    expect(s.last().calls.destroy).toBe(1);
  });

  it('rejects start with CHANNEL_START when the client cannot even be built', async () => {
    const channel = createWhatsAppChannel({
      createClient: () => {
        throw new Error('no browser');
      },
    });
    await expect(channel.start(async () => {})).rejects.toMatchObject({ code: 'CHANNEL_START' });
  });

  it('passes a CHANNEL_START error from createClient (checkChromium) through unchanged', async () => {
    const missing = '/nonexistent/chromium-for-test';
    const channel = createWhatsAppChannel({
      createClient: () => {
        checkChromium(missing);
        return createFakeWhatsAppClient();
      },
    });
    const err = await channel.start(async () => {}).catch((e: unknown) => e);
    expect(isCodedError(err, 'CHANNEL_START')).toBe(true);
    expect((err as Error).message).toMatch(
      /^WhatsApp needs Chromium at \/nonexistent\/chromium-for-test .*sudo apt-get install chromium/,
    );
  });

  it('rejects start on auth_failure before ready and asks for a relink', async () => {
    const s = setup(['auth_failure']);
    await expect(s.start()).rejects.toMatchObject({ code: 'CHANNEL_START', message: /DATA_DIR/ });
    expect(s.events).toEqual([{ channel: 'whatsapp', kind: 'relink_needed', reason: 'auth_failure' }]);
    expect(s.channel.state).toBe('relink');
    expect(s.timers.pending()).toHaveLength(0);
  });

  it('can start again after a failed start', async () => {
    const s = setup([{ fail: new Error('boom') }, 'ready']);
    await expect(s.start()).rejects.toMatchObject({ code: 'CHANNEL_START' });
    await s.start();
    expect(s.channel.state).toBe('ready');
  });
});

describe('whatsapp channel: reconnecting', () => {
  it('reconnects with a new client and doubling, capped waits; ready again resets the attempts', async () => {
    const fail = { fail: new Error('net::ERR_INTERNET_DISCONNECTED') };
    const s = setup(['ready', fail, fail, fail, 'ready']);
    await s.start();
    const first = s.last();
    first.disconnect('NAVIGATION');
    expect(s.channel.state).toBe('reconnecting');
    expect(first.calls.destroy).toBe(1);
    expect(s.events.slice(1)).toEqual([
      { channel: 'whatsapp', kind: 'disconnected', reason: 'NAVIGATION' },
      { channel: 'whatsapp', kind: 'reconnecting', attempt: 1, retryInMs: 100 },
    ]);
    for (const [attempt, wait] of [
      [2, 200],
      [3, 300],
      [4, 300],
    ] as const) {
      s.timers.fireLast();
      await flush();
      expect(s.events.at(-1)).toEqual({
        channel: 'whatsapp',
        kind: 'reconnecting',
        attempt,
        retryInMs: wait,
      });
      expect(s.last().calls.destroy).toBe(1);
    }
    expect(s.timers.list.map((t) => t.ms)).toEqual([100, 200, 300, 300]);
    s.timers.fireLast();
    await flush();
    expect(s.clients).toHaveLength(5);
    expect(s.channel.state).toBe('ready');
    expect(s.events.at(-1)).toEqual({ channel: 'whatsapp', kind: 'ready' });

    s.last().disconnect('CONFLICT');
    expect(s.events.at(-1)).toMatchObject({ kind: 'reconnecting', attempt: 1, retryInMs: 100 });
  });

  it('treats a bad connection state as lost once, even when the client also says disconnected', async () => {
    const s = setup(['ready']);
    await s.start();
    s.last().changeState('TIMEOUT');
    s.last().changeState('CONNECTED');
    expect(s.events).toHaveLength(1);
    s.last().changeState('CONFLICT');
    s.last().disconnect('CONFLICT');
    expect(s.events.slice(1).map((e) => e.kind)).toEqual(['disconnected', 'reconnecting']);
    expect(s.timers.pending()).toHaveLength(1);
  });

  it('ignores what an old client still emits after it was replaced', async () => {
    const s = setup(['ready']);
    await s.start();
    const old = s.last();
    old.disconnect('NAVIGATION');
    s.timers.fireLast();
    await flush();
    expect(s.clients).toHaveLength(2);
    const count = s.events.length;
    old.receive(waMessage({ from: AMINA, body: 'hallo' }));
    old.disconnect('NAVIGATION');
    old.ready();
    expect(s.events).toHaveLength(count);
    expect(s.received).toHaveLength(0);
    s.last().receive(waMessage({ from: AMINA, body: 'hallo' }));
    expect(s.received).toHaveLength(1);
  });

  it('asks for a relink on LOGOUT and shows a new QR code from a fresh client', async () => {
    const s = setup(['ready', 'qr']);
    await s.start();
    s.last().disconnect('LOGOUT');
    expect(s.channel.state).toBe('relink');
    expect(s.events.slice(1)).toEqual([
      { channel: 'whatsapp', kind: 'relink_needed', reason: 'LOGOUT' },
      { channel: 'whatsapp', kind: 'reconnecting', attempt: 1, retryInMs: 100 },
    ]);
    s.timers.fireLast();
    await flush();
    expect(s.channel.state).toBe('qr');
    expect(s.events.at(-1)).toMatchObject({ kind: 'qr' });
    expect(s.qrs).toHaveLength(1);
  });

  it('asks for a relink on auth_failure after start, without retrying a session that cannot work', async () => {
    const s = setup(['ready']);
    await s.start();
    s.last().authFailure();
    expect(s.channel.state).toBe('relink');
    expect(s.events.at(-1)).toEqual({ channel: 'whatsapp', kind: 'relink_needed', reason: 'auth_failure' });
    expect(s.last().calls.destroy).toBe(1);
    expect(s.timers.pending()).toHaveLength(0);
  });

  it('stop() cancels a pending reconnect and destroys the client', async () => {
    const s = setup(['ready']);
    await s.start();
    s.last().disconnect('NAVIGATION');
    expect(s.timers.pending()).toHaveLength(1);
    const timer = s.timers.list[0]!;
    await s.channel.stop();
    expect(s.timers.pending()).toHaveLength(0);
    expect(s.channel.state).toBe('stopped');
    timer.fn(); // a timer that fires anyway changes nothing
    expect(s.clients).toHaveLength(1);

    const t = setup(['ready']);
    await t.start();
    await t.channel.stop();
    expect(t.last().calls.destroy).toBe(1);
    t.last().receive(waMessage({ from: AMINA, body: 'te laat' }));
    expect(t.received).toHaveLength(0);
  });
});

describe('whatsapp channel: sending', () => {
  it('sends the numbered text to the person or the group and returns the platform id', async () => {
    const s = setup();
    await s.start();
    const r = await s.channel.send(to, { text: 'Kies', choices: [{ value: 'a', label: 'Ja' }] });
    expect(r).toEqual({ ok: true, platformId: s.last().sent[0]!.id });
    expect(
      s
        .last()
        .sentTo(AMINA)
        .map((m) => m.content),
    ).toEqual(['Kies\n1. Ja']);
    await s.channel.send(groupAddress('whatsapp', GROUP), { text: 'Taalcafé' });
    expect(
      s
        .last()
        .sentTo(GROUP)
        .map((m) => m.content),
    ).toEqual(['Taalcafé']);
  });

  it('answers "not connected, retry later" while not linked, without touching the client', async () => {
    const s = setup(['qr']);
    expect(await s.channel.send(to, { text: 'x' })).toEqual({
      ok: false,
      permanent: false,
      retryAfterMs: 30_000,
      reason: 'not connected',
    });
    await s.start();
    expect(await s.channel.send(to, { text: 'x' })).toMatchObject({
      ok: false,
      permanent: false,
      retryAfterMs: 30_000,
    });
    s.last().ready();
    s.last().disconnect('NAVIGATION');
    expect(await s.channel.send(to, { text: 'x' })).toMatchObject({ ok: false, reason: 'not connected' });
    expect(s.clients.flatMap((c) => c.sent)).toHaveLength(0);
  });

  it('maps platform errors and never throws', async () => {
    const s = setup();
    await s.start();
    s.last().rateLimitNext(7);
    expect(await s.channel.send(to, { text: 'a' })).toMatchObject({
      ok: false,
      permanent: false,
      retryAfterMs: 7000,
    });
    s.last().failNext(new Error('invalid wid'));
    expect(await s.channel.send(to, { text: 'b' })).toMatchObject({ ok: false, permanent: true });
    s.last().failNext(new Error('Protocol error (Runtime.callFunctionOn): Target closed.'));
    expect(await s.channel.send(to, { text: 'c' })).toMatchObject({ ok: false, permanent: false });
    s.last().failNext('Evaluation failed' as unknown as Error);
    expect(await s.channel.send(to, { text: 'd' })).toMatchObject({ ok: false, permanent: false });
    expect(await s.channel.send(to, { text: 'e' })).toMatchObject({ ok: true });
  });

  it('paces every send: at least minMs plus random jitter after the previous one, one at a time', async () => {
    let clock = 1_000_000;
    const waits: number[] = [];
    const randoms = [0.25, 0.75, 0.5, 0, 0.5];
    let active = 0;
    let maxActive = 0;
    const s = setup(['ready'], {
      pace: { minMs: 1200, jitterMs: 1800 },
      now: () => clock,
      random: () => randoms.shift() ?? 0,
      sleep: async (ms) => {
        waits.push(ms);
        await flush();
        clock += ms;
      },
    });
    await s.start();
    const c = s.last();
    const send = c.sendMessage;
    c.sendMessage = async (chatId, content) => {
      maxActive = Math.max(maxActive, ++active);
      await flush();
      clock += 10;
      active--;
      return send(chatId, content);
    };
    const results = await Promise.all(['1', '2', '3'].map((text) => s.channel.send(to, { text })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(maxActive).toBe(1);
    expect(c.sentTo(AMINA).map((m) => m.content)).toEqual(['1', '2', '3']);
    // First send: nothing before it. Then 1200 + 0.75 * 1800 and 1200 + 0.5 * 1800.
    expect(waits).toEqual([2550, 2100]);
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(1200);

    // Time already passed counts: after a quiet minute, no wait.
    clock += 60_000;
    await s.channel.send(to, { text: '4' });
    expect(waits).toHaveLength(2);
    // Right after it: 1200 + 0.5 * 1800 minus the 10 ms the send took... measured from its end.
    await s.channel.send(to, { text: '5' });
    expect(waits.at(-1)).toBe(2100);
  });

  it('paces with the defaults (1200 ms + up to 1800 ms) when no pace is given', async () => {
    const waits: number[] = [];
    const clock = 5_000;
    const s = setup(['ready'], {
      pace: undefined,
      now: () => clock,
      random: () => 1,
      sleep: async (ms) => void waits.push(ms),
    });
    await s.start();
    await s.channel.send(to, { text: '1' });
    await s.channel.send(to, { text: '2' });
    expect(waits).toEqual([3000]);
  });
});

describe('whatsapp channel: inbound and logs', () => {
  it('hands messages to the handler, group chatter without its text, group mentions privately, and survives a failing handler', async () => {
    const s = setup();
    const got: Inbound[] = [];
    await s.channel.start(async (m) => {
      got.push(m);
      if (m.kind === 'text' && m.text === 'boom') throw new Error(`handler broke on ${AMINA}`);
    });
    const c = s.last();
    c.receive(waMessage({ from: AMINA, body: 'boom' }));
    c.receive(waMessage({ from: GROUP, author: AMINA, body: 'onder elkaar' }));
    c.receive(
      waMessage({
        from: GROUP,
        author: AMINA,
        body: `@${BOT_ID.split('@')[0]} hulp`,
        mentionedIds: [BOT_ID],
      }),
    );
    await flush();
    expect(got.map((m) => m.kind === 'text' && m.text)).toEqual(['boom', '', 'hulp']);
    expect(got[1]).toMatchObject({
      unaddressed: true,
      inGroup: true,
      group: GROUP,
      address: privateAddress('whatsapp', AMINA),
    });
    expect(got[2]).toMatchObject({ inGroup: true, address: privateAddress('whatsapp', AMINA) });
    expect(got[2]).not.toHaveProperty('unaddressed');
    expect(s.lines).toContainEqual(expect.objectContaining({ msg: 'whatsapp inbound handler failed' }));
  });

  it('logs states, reasons and counts, never phone numbers, ids or texts', async () => {
    const s = setup(['ready', { fail: new Error(`spawn failed for ${AMINA}`) }]);
    await s.start();
    s.last().receive(waMessage({ from: AMINA, body: 'geheime tekst' }));
    s.last().failNext(new Error(`invalid wid ${AMINA}`));
    await s.channel.send(to, { text: 'geheime tekst' });
    s.last().disconnect('NAVIGATION');
    s.timers.fireLast();
    await flush();
    const all = JSON.stringify(s.lines);
    expect(s.lines.length).toBeGreaterThan(3);
    expect(all).not.toMatch(/\d{5,}/);
    expect(all).not.toContain('geheime');
  });
});

describe('whatsapp client (real whatsapp-web.js, no browser launched)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('checkChromium names PUPPETEER_EXECUTABLE_PATH, the configured path and how to install it', () => {
    const path = '/nonexistent/chromium-for-test';
    let err: unknown;
    try {
      checkChromium(path);
    } catch (e) {
      err = e;
    }
    expect(isCodedError(err, 'CHANNEL_START')).toBe(true);
    expect((err as Error).message).toBe(
      `WhatsApp needs Chromium at ${path} (PUPPETEER_EXECUTABLE_PATH) and it is not there. ` +
        'Install it: sudo apt-get install chromium — or set PUPPETEER_EXECUTABLE_PATH in .env to your Chrome/Chromium.',
    );
    expect(() => checkChromium(process.execPath)).not.toThrow();
  });

  it('builds a client that keeps its session under DATA_DIR/whatsapp and uses the given browser', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wa-'));
    dirs.push(dataDir);
    const c = createWwebjsClient({ dataDir, executablePath: '/opt/chrome' }) as unknown as {
      authStrategy: { dataPath: string };
      options: { puppeteer: { executablePath: string; headless: boolean; args: string[] } };
    };
    expect(c.authStrategy.dataPath).toBe(join(dataDir, 'whatsapp'));
    expect(c.options.puppeteer).toMatchObject({ executablePath: '/opt/chrome', headless: true });
    expect(c.options.puppeteer.args).toContain('--no-sandbox');
  });

  it('start rejects with CHANNEL_START when the real client cannot find the browser', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wa-'));
    dirs.push(dataDir);
    const channel = createWhatsAppChannel({
      createClient: () => createWwebjsClient({ dataDir, executablePath: join(dataDir, 'no-chromium') }),
      printQr: () => {},
    });
    await expect(channel.start(async () => {})).rejects.toMatchObject({
      code: 'CHANNEL_START',
      message: expect.stringContaining('PUPPETEER_EXECUTABLE_PATH'),
    });
    await channel.stop();
  });
});
