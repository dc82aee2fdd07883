import type { Ids } from './clock.js';
import type { ActionResult } from './effects.js';
import type { Address } from './messages.js';
import type { Json, Schema, WriteTx } from './store.js';

/** What a domain action may use: the turn's transaction, time, ids, and who is talking where. */
export interface ActionContext<S extends Schema> {
  readonly tx: WriteTx<S>;
  readonly now: Date;
  readonly ids: Ids;
  readonly personId: string | null;
  readonly address: Address;
  /** Platform id of the message being handled, for audit trails; null for timeouts and system starts. */
  readonly messageId: string | null;
  /** The conversation's variables (a draft the flow is building), read-only. */
  readonly vars: Readonly<Record<string, Json>>;
}

/**
 * A named domain action that flows can `call`. It runs inside the turn's transaction, so its
 * writes and the conversation's new state are saved together or not at all. Expected outcomes
 * ("unknown code", "expired") are returned, not thrown.
 */
export type DomainAction<S extends Schema> = (
  ctx: ActionContext<S>,
  args: Readonly<Record<string, Json>>,
) => ActionResult;
