import QRCode from 'qrcode';
import type { AdminNotifier, ChannelEvent } from './core/channel.js';
import type { Log } from './core/log.js';
import { isWhatsAppChannel } from './core/messages.js';
import type { I18n } from './i18n/index.js';

/** How platforms write their own names. */
const DISPLAY: Readonly<Record<string, string>> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  slack: 'Slack',
};

export interface AdminAlertOptions {
  /** Where notices go (the Slack admin channel); null: only the log. */
  readonly notifier: AdminNotifier | null;
  readonly i18n: I18n;
  /** Language of the notices (the admins' language). */
  readonly lng: string;
  readonly log: Log;
  readonly now?: () => number;
  /** Least time between two QR notices: WhatsApp shows a new code every ~20 s until it is scanned. */
  readonly qrEveryMs?: number;
}

/**
 * Turns channel events into notices for the admins: a WhatsApp QR code to scan (as an image), a
 * lost connection, a link that must be renewed, and "connected again". Reconnect attempts are
 * only logged. Never throws: a notice that cannot be posted is logged.
 */
export const createAdminAlerts = (o: AdminAlertOptions): ((e: ChannelEvent) => void) => {
  const now = o.now ?? Date.now;
  const qrEvery = o.qrEveryMs ?? 120_000;
  let lastQr = -Infinity;
  let troubled = new Set<string>();
  const post = (text: string, image?: { png: Uint8Array; filename: string }) => {
    if (!o.notifier) return;
    o.notifier
      .notifyAdmins(image ? { text, image } : { text })
      .catch((err: unknown) => o.log.warn({ err: String(err) }, 'admin notice not posted'));
  };
  const t = (key: string, params: Record<string, string | number>) =>
    o.i18n.t(o.lng, `staff:admin.${key}`, params);
  return (e) => {
    // One of a region's numbers (whatsapp-gent) is named, so the admins scan the right phone.
    const channel =
      DISPLAY[e.channel] ??
      (isWhatsAppChannel(e.channel) ? `WhatsApp ${e.channel.slice('whatsapp-'.length)}` : e.channel);
    o.log.info({ channel: e.channel, event: e.kind, attempt: e.attempt, reason: e.reason }, 'channel event');
    switch (e.kind) {
      case 'qr': {
        troubled.add(channel);
        if (!e.qr || now() - lastQr < qrEvery) return;
        lastQr = now();
        const qr = e.qr;
        QRCode.toBuffer(qr, { type: 'png', margin: 2, width: 360 })
          .then((png) => post(t('qr', { channel }), { png, filename: `${e.channel}-qr.png` }))
          .catch((err: unknown) => o.log.warn({ err: String(err) }, 'QR image failed'));
        return;
      }
      case 'ready':
        if (troubled.has(channel)) post(t('ready', { channel }));
        troubled = new Set([...troubled].filter((c) => c !== channel));
        lastQr = -Infinity;
        return;
      case 'disconnected':
        troubled.add(channel);
        post(t('disconnected', { channel, reason: e.reason ?? '?' }));
        return;
      case 'relink_needed':
        troubled.add(channel);
        post(t('relink', { channel }));
        return;
      case 'reconnecting':
        return;
    }
  };
};
