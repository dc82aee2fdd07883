import type { ReadTx } from '../../core/store.js';
import { daysBetween } from '../dates.js';
import { waitingHours, type DigestWaiting } from '../followup/digest.js';
import type { TaskKind } from '../followup/types.js';
import { progressOf } from '../ledger/index.js';
import type { DataSchema } from '../schema.js';
import { personName } from '../people.js';
import { gemeenteName } from '../municipalities.js';
import { groupBy } from '../reports/collect.js';

/** A gemeente as the dashboard's filter offers it. */
export interface GemeenteOption {
  readonly id: string;
  readonly name: string;
}

/** One newcomer's line on the overview: hours toward the 40 and the term. */
export interface NewcomerProgress {
  readonly id: string;
  readonly name: string;
  readonly gemeente: string;
  readonly confirmedMinutes: number;
  readonly pendingMinutes: number;
  readonly targetMinutes: number;
  /** Local date the term ends, null without a term. */
  readonly termEnd: string | null;
  /** Days from today to the term's end (negative once it ended), null without a term. */
  readonly daysLeft: number | null;
  readonly done: boolean;
}

/** An open task (an opvolggesprek, a call) due today or overdue. */
export interface DueTask {
  readonly id: string;
  readonly kind: TaskKind;
  readonly newcomerId: string;
  readonly newcomer: string;
  /** The duo's buddy, when the task is about a duo. */
  readonly buddy: string | null;
  /** The coach who must do it, null when nobody follows it. */
  readonly coach: string | null;
  readonly dueDate: string;
  /** Days after the due date (0: due today). */
  readonly daysLate: number;
}

/** What the dashboard's overview shows for one gemeente or for all. */
export interface DashboardOverview {
  /** Local date (YYYY-MM-DD). */
  readonly today: string;
  /** The gemeente shown, null for all. */
  readonly gemeente: string | null;
  readonly gemeenten: readonly GemeenteOption[];
  /** Newcomers by name. */
  readonly newcomers: readonly NewcomerProgress[];
  readonly waiting: readonly DigestWaiting[];
  /** Oldest first. */
  readonly tasks: readonly DueTask[];
}

/** Every gemeente by name, for the dashboard's filter. */
export const gemeenteOptions = (tx: ReadTx<DataSchema>): GemeenteOption[] =>
  tx
    .list('municipalities')
    .map((m) => ({ id: m.id, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name));

/**
 * The overview of local date `today` for the gemeente with id `gemeente` (every gemeente when
 * null): each newcomer's confirmed and pending minutes toward the 40 hours with their term's end,
 * the hours waiting for a confirmation (who must confirm, since when, as in the coach's digest),
 * and the open tasks due today or overdue, oldest first. Erased people are left out.
 */
export const dashboardOverview = (
  tx: ReadTx<DataSchema>,
  today: string,
  gemeente: string | null,
): DashboardOverview => {
  const people = tx.list(
    'people',
    (p) => p.role === 'newcomer' && !p.erasedAt && (gemeente === null || p.municipality === gemeente),
  );
  const ids = new Set(people.map((p) => p.id));
  // Each collection read once, not once per newcomer; progressOf only adds up, in any order.
  const terms = groupBy(tx.list('trajectories'), (t) => t.newcomerId);
  const ledger = groupBy(tx.list('ledger'), (e) => e.newcomerId);
  const newcomers = people
    .map((p): NewcomerProgress => {
      const term = terms.get(p.id)?.[0];
      const progress = progressOf(ledger.get(p.id) ?? [], { today, termEnd: term?.end ?? null });
      return {
        id: p.id,
        name: p.name,
        gemeente: gemeenteName(tx, p.municipality),
        confirmedMinutes: progress.confirmedMinutes,
        pendingMinutes: progress.pendingMinutes,
        targetMinutes: progress.targetMinutes,
        termEnd: term?.end ?? null,
        daysLeft: term ? daysBetween(today, term.end) : null,
        done: progress.done,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const tasks = tx
    .list('tasks', (t) => t.status === 'open' && t.dueDate <= today && ids.has(t.newcomerId))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt))
    .map((t): DueTask => {
      const duo = t.duoId ? tx.get('duos', t.duoId) : undefined;
      return {
        id: t.id,
        kind: t.kind,
        newcomerId: t.newcomerId,
        newcomer: personName(tx, t.newcomerId) ?? t.newcomerId,
        buddy: duo ? personName(tx, duo.buddyId) : null,
        coach: personName(tx, t.coachId),
        dueDate: t.dueDate,
        daysLate: daysBetween(t.dueDate, today),
      };
    });
  return {
    today,
    gemeente,
    gemeenten: gemeenteOptions(tx),
    newcomers,
    waiting: waitingHours(tx, (id) => ids.has(id)),
    tasks,
  };
};
