import { describe, expect, it } from 'vitest';
import { createAdminAlerts } from '../src/alerts.js';
import { loadContent } from '../src/app.js';
import type { AdminNotice } from '../src/core/channel.js';
import { silentLog } from '../src/core/log.js';

const { i18n } = loadContent();
const PNG = [0x89, 0x50, 0x4e, 0x47];

const setup = () => {
  const posted: AdminNotice[] = [];
  let clock = 0;
  const alert = createAdminAlerts({
    notifier: { notifyAdmins: async (n) => void posted.push(n) },
    i18n,
    lng: 'nl',
    log: silentLog,
    now: () => clock,
    qrEveryMs: 60_000,
  });
  return { posted, alert, advance: (ms: number) => (clock += ms) };
};
const settle = () => new Promise((r) => setTimeout(r, 50));
/** Waits until `n` notices were posted (rendering a PNG takes a moment on a busy machine). */
const posts = async (posted: readonly AdminNotice[], n: number) => {
  for (let i = 0; i < 200 && posted.length < n; i++) await settle();
  await settle();
};

describe('admin alerts', () => {
  it('posts a WhatsApp QR code as a PNG image, at most once a minute, and "connected" after the scan', async () => {
    const { posted, alert, advance } = setup();
    alert({ channel: 'whatsapp', kind: 'qr', qr: '2@abc,def,ghi' });
    alert({ channel: 'whatsapp', kind: 'qr', qr: '2@abc,def,jkl' });
    await posts(posted, 1);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toContain('Scan deze QR-code');
    expect([...posted[0]!.image!.png.slice(0, 4)]).toEqual(PNG);
    expect(posted[0]!.image!.filename).toBe('whatsapp-qr.png');
    advance(61_000);
    alert({ channel: 'whatsapp', kind: 'qr', qr: '2@abc,def,mno' });
    await posts(posted, 2);
    expect(posted).toHaveLength(2);
    alert({ channel: 'whatsapp', kind: 'ready' });
    await settle();
    expect(posted.at(-1)!.text).toBe('✅ WhatsApp is verbonden.');
  });

  it("names which of a region's WhatsApp numbers it is about", async () => {
    const { posted, alert } = setup();
    alert({ channel: 'whatsapp-gent', kind: 'ready' });
    alert({ channel: 'whatsapp-gent', kind: 'disconnected', reason: 'CONFLICT' });
    await settle();
    expect(posted.map((p) => p.text)).toEqual([
      '⚠️ WhatsApp gent is niet meer verbonden (CONFLICT). Ik probeer opnieuw te verbinden.',
    ]);
  });

  it('tells the admins about a lost connection and a link to renew, and not about every retry', async () => {
    const { posted, alert } = setup();
    alert({ channel: 'whatsapp', kind: 'ready' });
    alert({ channel: 'whatsapp', kind: 'disconnected', reason: 'CONFLICT' });
    alert({ channel: 'whatsapp', kind: 'reconnecting', attempt: 1, retryInMs: 5000 });
    alert({ channel: 'whatsapp', kind: 'relink_needed', reason: 'LOGOUT' });
    await settle();
    expect(posted.map((p) => p.text)).toEqual([
      '⚠️ WhatsApp is niet meer verbonden (CONFLICT). Ik probeer opnieuw te verbinden.',
      '⚠️ WhatsApp moet opnieuw gekoppeld worden. Herstart de bot en scan de nieuwe QR-code.',
    ]);
  });

  it('keeps going when the notice cannot be posted', async () => {
    const alert = createAdminAlerts({
      notifier: { notifyAdmins: () => Promise.reject(new Error('slack down')) },
      i18n,
      lng: 'nl',
      log: silentLog,
    });
    expect(() => alert({ channel: 'whatsapp', kind: 'disconnected' })).not.toThrow();
    await settle();
  });
});
