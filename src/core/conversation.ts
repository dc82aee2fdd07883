import type { Json } from './store.js';

/** Version of {@link ConversationState}; bump it and add a migration when the shape changes. */
export const CONVERSATION_VERSION = 1;

/** Where a flow was left, to come back to after a sub-flow (help, language, ...). */
export interface FlowPosition {
  readonly flow: string;
  readonly node: string;
}

/** What the conversation is waiting for. */
export type Pending =
  | {
      readonly kind: 'input';
      readonly misses: number;
      readonly since: string;
      /** ISO time after which the wait's timeout route is taken; survives restarts. */
      readonly timeoutAt: string | null;
    }
  | {
      /** A domain action is running; its result comes back as a `result` input. */
      readonly kind: 'call';
      readonly action: number;
    };

/**
 * The saved state of one conversation (one person on one channel address). Plain JSON: it is
 * saved after every turn and may be read back by a newer version of the code.
 */
export interface ConversationState {
  readonly v: typeof CONVERSATION_VERSION;
  readonly personId: string | null;
  readonly flow: string | null;
  readonly node: string | null;
  readonly pending: Pending | null;
  readonly stack: readonly FlowPosition[];
  readonly vars: Readonly<Record<string, Json>>;
  /** Platform ids of the last processed messages, for deduplication. */
  readonly seen: readonly string[];
  readonly updatedAt: string;
}

export const SEEN_LIMIT = 50;

export const newConversation = (personId: string | null, now: Date): ConversationState => ({
  v: CONVERSATION_VERSION,
  personId,
  flow: null,
  node: null,
  pending: null,
  stack: [],
  vars: {},
  seen: [],
  updatedAt: now.toISOString(),
});

/**
 * Reads a saved conversation of any version. Older versions are migrated; an unknown or broken
 * one restarts the conversation cleanly (keeping the person and the dedupe list), never throws.
 */
export const restoreConversation = (
  saved: unknown,
  now: Date,
): { state: ConversationState; restarted: boolean } => {
  const s = saved as Partial<ConversationState> | null;
  if (s && s.v === CONVERSATION_VERSION && typeof s.personId !== 'undefined' && Array.isArray(s.stack)) {
    return { state: s as ConversationState, restarted: false };
  }
  const personId = s && typeof s.personId === 'string' ? s.personId : null;
  const seen = s && Array.isArray(s.seen) ? s.seen.filter((x): x is string => typeof x === 'string') : [];
  return { state: { ...newConversation(personId, now), seen }, restarted: true };
};
