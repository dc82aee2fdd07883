import { get, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebChannel, type WebMessage } from '../../src/channels/web/index.js';
import { isCodedError } from '../../src/core/errors.js';
import { silentLog } from '../../src/core/log.js';
import { createWebServer } from '../../src/web/index.js';
import { startTestWeb, type TestWeb } from '../helpers/web.js';

/** The events of `/simulator/events`, read as they come. */
const listen = (url: string, auth?: string) => {
  const events: { event: string; data: unknown }[] = [];
  let buffer = '';
  let res: IncomingMessage | undefined;
  const req = get(`${url}/simulator/events`, auth ? { headers: { authorization: auth } } : {}, (r) => {
    res = r;
    r.setEncoding('utf8');
    r.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    });
  });
  req.on('error', () => undefined);
  const messages = (user: string) =>
    events
      .filter((e) => e.event === 'message' && (e.data as WebMessage).user === user)
      .map((e) => e.data as WebMessage);
  const until = async (check: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end)
        throw new Error(`timed out; events: ${JSON.stringify(events.map((e) => e.event))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { events, messages, until, close: () => (res?.destroy(), req.destroy()) };
};

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

let web: TestWeb | undefined;
afterEach(async () => {
  await web?.stop();
  web = undefined;
});

describe('the simulator over HTTP', () => {
  it('serves the page with three labelled panes and Amina’s code filled in', async () => {
    web = await startTestWeb();
    const r = await fetch(`${web.url}/`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('<html lang="nl"');
    expect(html).toContain('aria-label="Bericht van Amina"');
    expect(html).toContain('aria-label="Bericht van Sara"');
    expect(html).toContain('aria-label="Bericht van Lotte"');
    expect(html).toContain(`value="${web.code('Amina')}"`);
    expect(html).toContain('href="/dashboard"');
    expect((await fetch(`${web.url}/simulator/assets/app.js`)).headers.get('content-type')).toContain(
      'javascript',
    );
    expect((await fetch(`${web.url}/simulator/assets/../routes.ts`)).status).toBe(404);
  });

  it('takes a pane’s message and pushes the bot’s reply over Server-Sent Events; a button sends its value', async () => {
    web = await startTestWeb();
    const sse = listen(web.url);
    await sse.until(() => sse.events.some((e) => e.event === 'clock'));
    expect((await post(web.url, '/simulator/send', { user: 'amina', text: web.code('Amina') })).status).toBe(
      200,
    );
    await sse.until(() => sse.messages('amina').some((m) => m.from === 'bot'));
    const [mine, reply] = sse.messages('amina');
    expect(mine).toMatchObject({ from: 'person', text: web.code('Amina') });
    expect(reply!.text).toContain('Hallo Amina!');
    expect(reply!.choices[0]).toEqual({ n: 1, label: 'Nederlands', value: expect.any(String) });
    expect(reply!.choices.find((c) => c.n === 4)?.label).toBe('العربية');

    // Arabic: the bot's messages carry their direction for the pane's dir="rtl".
    await post(web.url, '/simulator/send', {
      user: 'amina',
      choice: reply!.choices[3]!.value,
      label: '4. العربية',
    });
    await sse.until(() => sse.messages('amina').filter((m) => m.from === 'bot').length > 2);
    expect(sse.messages('amina')[2]).toMatchObject({ from: 'person', text: '4. العربية' });
    expect(sse.messages('amina').at(-1)!.direction).toBe('rtl');
    sse.close();
  });

  it('refuses what is not JSON from a page (no cross-site posts) and unknown pane names', async () => {
    web = await startTestWeb();
    const r = await fetch(`${web.url}/simulator/send`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ user: 'amina', text: 'hallo' }),
    });
    expect(r.status).toBe(400);
    expect((await post(web.url, '/simulator/send', { user: '../x', text: 'hallo' })).status).toBe(400);
    expect((await post(web.url, '/simulator/clock', { step: 'year' })).status).toBe(400);
  });

  it('moves the clock a day in hourly steps and resets to fresh demo data', async () => {
    web = await startTestWeb();
    await post(web.url, '/simulator/send', { user: 'amina', text: web.code('Amina') });
    const r = await post(web.url, '/simulator/clock', { step: 'day' });
    expect(await r.json()).toMatchObject({ ok: true, now: '2026-11-24T09:00:00.000Z' });
    // The VGC campaign asked buddy Sara to confirm the match, in her pane.
    expect(web.channel.history('sara').map((m) => m.text.split('\n')[0])).toContain(
      'Hallo! Je bent nu buddy van Amina. Fijn! Neem je deze week contact op met Amina?',
    );
    const reset = (await (await post(web.url, '/simulator/reset', {})).json()) as {
      people: { user: string; code?: string }[];
    };
    expect(reset).toMatchObject({ ok: true, now: '2026-11-23T09:00:00.000Z' });
    expect(reset.people.find((p) => p.user === 'amina')?.code).toBe(web.code('Amina'));
    expect(web.channel.history()).toEqual([]);
    const counts = await web.store.read((tx) => ({
      people: tx.count('people'),
      identities: tx.list('identities').map((i) => `${i.address.channel}:${i.address.user}`),
      conversations: tx.count('conversations'),
    }));
    expect(counts).toEqual({
      people: 4,
      identities: ['console:lotte', 'console:sara', 'web:lotte', 'web:sara'],
      conversations: 0,
    });
    // Amina's code works again after the reset.
    await post(web.url, '/simulator/send', { user: 'amina', text: web.code('Amina') });
    await web.app.idle();
    expect(web.channel.history('amina').at(-1)!.text).toContain('Hallo Amina!');
  });
});

describe('the web channel', () => {
  it('is off on a shared database: no clock, no reset, the address leads to the dashboard', async () => {
    web = await startTestWeb({ simulator: false });
    const home = await fetch(`${web.url}/`, { redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/dashboard');
    expect((await post(web.url, '/simulator/reset', {})).status).toBe(404);
    expect((await post(web.url, '/simulator/clock', { step: 'day' })).status).toBe(404);
    expect((await fetch(`${web.url}/dashboard`)).status).toBe(200);
    expect(await web.store.read((tx) => tx.count('people'))).toBeGreaterThan(0);
  });

  it('answers a path no page has with a 404 in the pages’ language', async () => {
    web = await startTestWeb({ simulator: false });
    const r = await fetch(`${web.url}/nergens`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await r.text()).toBe('Deze pagina bestaat niet.');
  });

  it('edits a message in place when the bot replaces it', async () => {
    const channel = createWebChannel({ now: () => new Date('2026-11-23T09:00:00Z') });
    const seen: string[] = [];
    channel.subscribe((e) => seen.push(e.kind));
    const first = await channel.send(
      { channel: 'web', chat: 'lotte', user: 'lotte' },
      { text: 'Verstuurd: 1/10' },
    );
    expect(first).toEqual({ ok: true, platformId: 'w1' });
    const again = await channel.send(
      { channel: 'web', chat: 'lotte', user: 'lotte' },
      { text: 'Verstuurd: 10/10', replace: 'w1' },
    );
    expect(again).toEqual({ ok: true, platformId: 'w1' });
    expect(channel.history('lotte')).toEqual([
      expect.objectContaining({ id: 'w1', text: 'Verstuurd: 10/10', edited: true }),
    ]);
    expect(seen).toEqual(['message', 'edit']);
    expect(channel.capabilities).toMatchObject({ buttons: true, edit: true, bidi: true });
  });
});

describe('the web server', () => {
  it('refuses to listen beyond this machine without WEB_PASSWORD', () => {
    let err: unknown;
    try {
      createWebServer({ host: '0.0.0.0', port: 0, routes: [], notFound: '', log: silentLog });
    } catch (e) {
      err = e;
    }
    expect(isCodedError(err, 'CONFIG_INVALID')).toBe(true);
    expect((err as Error).message).toContain('WEB_PASSWORD');
  });

  it('asks for the password (user admin) on every request when it is set', async () => {
    web = await startTestWeb({ password: 'geheim-wachtwoord' });
    expect((await fetch(`${web.url}/`)).status).toBe(401);
    expect((await fetch(`${web.url}/`)).headers.get('www-authenticate')).toContain('Basic');
    const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
    expect((await fetch(`${web.url}/`, { headers: { authorization: basic('admin:fout') } })).status).toBe(
      401,
    );
    expect(
      (await fetch(`${web.url}/dashboard`, { headers: { authorization: basic('x:geheim-wachtwoord') } }))
        .status,
    ).toBe(401);
    expect(
      (await fetch(`${web.url}/`, { headers: { authorization: basic('admin:geheim-wachtwoord') } })).status,
    ).toBe(200);
    expect((await post(web.url, '/simulator/send', { user: 'amina', text: 'hallo' })).status).toBe(401);
  });
});
