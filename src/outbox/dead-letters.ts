import type { CoreSchema, OutboxRecord } from '../core/records.js';
import type { ReadTx, WriteTx } from '../core/store.js';
import { byAge } from './select.js';

/** A message the outbox gave up on, as a coach may see it: no phone number, no full chat id. */
export interface DeadLetter {
  readonly id: string;
  readonly channel: string;
  /** The chat id masked but for its last 3 characters (`***567`). */
  readonly chat: string;
  readonly createdAt: string;
  readonly attempts: number;
  readonly error: string;
  /** The first 60 characters of the text, on one line. */
  readonly text: string;
}

/**
 * Hides a chat id (a phone number on WhatsApp) but for its last 3 characters, before any `@`
 * (WhatsApp's `…@c.us`), enough for a coach to tell two chats apart.
 */
export const maskChat = (chat: string): string => `***${[...(chat.split('@')[0] ?? '')].slice(-3).join('')}`;

const TEXT_CHARS = 60;
const preview = (text: string) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > TEXT_CHARS ? `${chars.slice(0, TEXT_CHARS).join('')}…` : chars.join('');
};

/** The dead-letter list (rows with status `failed`), oldest first, optionally of one channel. */
export const deadLetters = (tx: ReadTx<CoreSchema>, channel?: string): DeadLetter[] =>
  (
    tx.list(
      'outbox',
      (r) => r.status === 'failed' && (!channel || r.to.channel === channel),
    ) as OutboxRecord[]
  )
    .sort(byAge)
    .map((r) => ({
      id: r.id,
      channel: r.to.channel,
      chat: maskChat(r.to.chat),
      createdAt: r.createdAt,
      attempts: r.attempts,
      error: r.error ?? '',
      text: preview(r.message.text),
    }));

/**
 * Puts dead letters back in the queue (attempts from zero, due now): one by id, or all of them.
 * Returns the ids put back; an id that is not a dead letter is left alone. The dispatcher sends
 * them with their own key, so a platform that saw an earlier attempt can still drop a repeat.
 */
export const retryDeadLetters = (
  tx: WriteTx<CoreSchema>,
  which: { readonly id: string } | { readonly all: true },
  now: Date,
): string[] => {
  const rows =
    'id' in which
      ? [tx.get('outbox', which.id)].filter((r): r is OutboxRecord => r?.status === 'failed')
      : (tx.list('outbox', (r) => r.status === 'failed') as OutboxRecord[]);
  for (const r of rows) {
    const { error: _error, ...rest } = r;
    tx.put('outbox', r.id, { ...rest, status: 'pending', attempts: 0, nextAttemptAt: now.toISOString() });
  }
  return rows.map((r) => r.id);
};

/** How many rows per channel, kind and status (`outbox status`). */
export interface OutboxCount {
  readonly channel: string;
  readonly kind: 'reply' | 'broadcast';
  readonly status: OutboxRecord['status'];
  readonly count: number;
}

export const outboxCounts = (tx: ReadTx<CoreSchema>): OutboxCount[] => {
  const counts = new Map<string, OutboxCount>();
  for (const r of tx.list('outbox') as OutboxRecord[]) {
    const kind = r.kind ?? 'reply';
    const k = `${r.to.channel}|${kind}|${r.status}`;
    const c = counts.get(k);
    counts.set(k, { channel: r.to.channel, kind, status: r.status, count: (c?.count ?? 0) + 1 });
  }
  const kinds = ['reply', 'broadcast'];
  const statuses = ['pending', 'sending', 'failed'];
  return [...counts.values()].sort(
    (a, b) =>
      a.channel.localeCompare(b.channel) ||
      kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
      statuses.indexOf(a.status) - statuses.indexOf(b.status),
  );
};
