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
 * as the turn; removed once delivered.
 */
export interface OutboxRecord {
  readonly v: 1;
  readonly id: string;
  readonly to: Address;
  readonly message: Outbound;
  readonly createdAt: string;
  readonly status: 'pending' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly error?: string;
}

export interface CoreSchema {
  conversations: ConversationRecord;
  identities: IdentityRecord;
  people: PersonCore;
  timers: TimerRecord;
  outbox: OutboxRecord;
  [collection: string]: unknown;
}
