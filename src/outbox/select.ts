import { addressKey } from '../core/messages.js';
import type { OutboxRecord } from '../core/records.js';

/** A broadcast message (the fan-out's rows); anything else is a reply. */
export const isBroadcast = (r: OutboxRecord): boolean => r.kind === 'broadcast';

/** Order is kept per address within a kind: replies never wait behind a broadcast. */
export const orderKey = (r: OutboxRecord): string => `${isBroadcast(r) ? 'b' : 'r'}|${addressKey(r.to)}`;

/** Oldest first (then by id): the order rows were written. */
export const byAge = (a: OutboxRecord, b: OutboxRecord): number =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export interface SelectOptions {
  readonly now: number;
  /** The end of the current quiet hours, or null outside them. */
  readonly quietEnd: number | null;
  /** Most rows to choose. */
  readonly limit: number;
  /** Replies only (a reply arrived while broadcast rows are already reserved). */
  readonly repliesOnly: boolean;
}

export interface Selection {
  /** Due rows in the order they should go: replies by age, then broadcasts by age. */
  readonly chosen: OutboxRecord[];
  /** Broadcast rows held by quiet hours whose `nextAttemptAt` should move to its end. */
  readonly quiet: OutboxRecord[];
  /** The earliest `nextAttemptAt` in the future among the rows left, if any. */
  readonly earliest: number | null;
}

/**
 * Picks what a channel sends next from its open rows (pending, or `sending` left by a crash):
 * replies first, each address in order (a row that waits for its retry holds back later ones to
 * the same address), broadcast rows not during quiet hours unless overridden.
 */
export const selectRows = (rows: readonly OutboxRecord[], o: SelectOptions): Selection => {
  const replies = rows.filter((r) => !isBroadcast(r)).sort(byAge);
  const broadcasts = o.repliesOnly ? [] : rows.filter(isBroadcast).sort(byAge);
  const blocked = new Set<string>();
  const chosen: OutboxRecord[] = [];
  const quiet: OutboxRecord[] = [];
  let earliest: number | null = null;
  for (const r of [...replies, ...broadcasts]) {
    const k = orderKey(r);
    if (blocked.has(k)) continue;
    const due = Date.parse(r.nextAttemptAt);
    if (due > o.now) {
      blocked.add(k);
      earliest = earliest === null ? due : Math.min(earliest, due);
      continue;
    }
    // Held by quiet hours, it holds back no override (an urgent message goes past it).
    if (isBroadcast(r) && !r.quietOverride && o.quietEnd !== null) {
      quiet.push(r);
      continue;
    }
    if (chosen.length < o.limit) chosen.push(r);
  }
  return { chosen, quiet, earliest };
};
