import type { ConversationState } from './conversation.js';
import type { Address, Outbound } from './messages.js';

/**
 * The records the core runtime reads and writes. The domain's schema extends this map with its
 * own collections (people, invites, ...). Every record carries `v`, its shape's version.
 */

/** A saved conversation: where to answer, and the flow state. */
export interface ConversationRecord {
  readonly v: 1;
  readonly address: Address;
  readonly state: ConversationState;
}

/** A chat identity linked to a person (one person may have several: WhatsApp and Telegram). */
export interface IdentityRecord {
  readonly v: 1;
  readonly address: Address;
  readonly personId: string;
  readonly linkedAt: string;
}

/** What the runtime needs to know of a person. */
export interface PersonCore {
  readonly v: number;
  readonly id: string;
  readonly role: string;
  readonly lang: string;
  readonly coachId: string | null;
}

/** A conversation waiting with a timeout; one per conversation key. */
export interface TimerRecord {
  readonly v: 1;
  readonly key: string;
  readonly dueAt: string;
}

/**
 * A rendered message waiting to be delivered (or given up on). Written in the same transaction
 * as the turn (or the broadcast fan-out); removed once delivered.
 *
 * The id is the message's idempotency key: writing the same id twice is one message, and the
 * dispatcher hands it to the platform with every attempt (`channel.send(to, message, { key })`),
 * so a resend after a crash can be recognised where the platform supports it.
 *
 * Status: `pending` waits for its turn (or its `nextAttemptAt`); `sending` was durably marked just
 * before the platform call (found at start-up, it was in flight at a crash and is sent again
 * with the same key); `failed` gave up after `maxAttempts` or a permanent error (the dead-letter
 * list, `npm run cli -- outbox failed`).
 */
export interface OutboxRecord {
  readonly v: 1;
  readonly id: string;
  readonly to: Address;
  readonly message: Outbound;
  readonly createdAt: string;
  readonly status: 'pending' | 'sending' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly error?: string;
  /** `reply` (missing means reply) goes before any `broadcast`, and ignores quiet hours. */
  readonly kind?: 'reply' | 'broadcast';
  /** The broadcast this message belongs to (kind `broadcast`), for counting and progress. */
  readonly broadcastId?: string;
  /** A broadcast message that may go out during quiet hours (the coach chose so). */
  readonly quietOverride?: boolean;
  /**
   * This reply is the coach's status message of that broadcast: once delivered, its platform id
   * is kept so progress and RSVP counts can update it in place.
   */
  readonly statusOf?: string;
}

export interface CoreSchema {
  conversations: ConversationRecord;
  identities: IdentityRecord;
  people: PersonCore;
  timers: TimerRecord;
  outbox: OutboxRecord;
  [collection: string]: unknown;
}

/** A new pending outbox row due now: `id` is its idempotency key; `extra` adds kind, broadcast, status link. */
export const pendingOutbox = (
  id: string,
  to: Address,
  message: Outbound,
  at: Date,
  extra: Pick<OutboxRecord, 'kind' | 'broadcastId' | 'quietOverride' | 'statusOf'> = {},
): OutboxRecord => ({
  v: 1,
  id,
  to,
  message,
  createdAt: at.toISOString(),
  status: 'pending',
  attempts: 0,
  nextAttemptAt: at.toISOString(),
  ...extra,
});
