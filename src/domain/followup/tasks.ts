import type { Ids } from '../../core/clock.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import { shiftDate } from '../dates.js';
import type { DataSchema, Person } from '../schema.js';
import { allowed } from '../access/policy.js';
import type { CoachTask, TaskKind } from './types.js';

export interface NewTask {
  /**
   * A fixed id, for a task that must exist once per something (a campaign event of a duo, a
   * person's outreach): an idempotency key instead of the next id from `ids`.
   */
  readonly id?: string;
  readonly newcomerId: string;
  readonly duoId?: string | null;
  readonly kind: TaskKind;
  /** Local date (YYYY-MM-DD) from which it is due. */
  readonly dueDate: string;
  readonly source: string;
  readonly detail?: string | null;
  /** Default: the duo's coach, else the newcomer's. */
  readonly coachId?: string | null;
}

/** {@link createTask}: with a fixed `id` it needs no id source, else it takes the next from `ids`. */
export interface CreateTask {
  (tx: WriteTx<DataSchema>, t: NewTask & { readonly id: string }, o: { readonly now: Date }): CoachTask;
  (
    tx: WriteTx<DataSchema>,
    t: NewTask,
    o: { readonly now: Date; readonly ids: Pick<Ids, 'next'> },
  ): CoachTask;
}

/**
 * Creates an open task for a coach (the duo's coach, else the newcomer's), in the caller's
 * transaction. The same source for the same duo and kind while one is open gives that one back,
 * so a campaign event run twice never makes two tasks; a coach's own (source `coach`) is always new.
 */
export const createTask: CreateTask = (
  tx: WriteTx<DataSchema>,
  t: NewTask,
  o: { readonly now: Date; readonly ids?: Pick<Ids, 'next'> },
): CoachTask => {
  const duoId = t.duoId ?? null;
  // A coach's own tasks are never twins: two "other" tasks about one newcomer are two tasks.
  const twin =
    t.source !== 'coach' &&
    tx.list(
      'tasks',
      (x) =>
        x.status === 'open' &&
        x.source === t.source &&
        x.kind === t.kind &&
        x.newcomerId === t.newcomerId &&
        x.duoId === duoId,
    )[0];
  if (twin) return twin;
  const duo = duoId ? tx.get('duos', duoId) : undefined;
  const coachId =
    t.coachId !== undefined ? t.coachId : (duo?.coachId ?? tx.get('people', t.newcomerId)?.coachId ?? null);
  const id = t.id ?? o.ids?.next('t');
  // The overloads make this unreachable from typed code.
  if (id === undefined) throw new Error('createTask: give the task an id or an id source');
  const task: CoachTask = {
    v: 1,
    id,
    coachId,
    newcomerId: t.newcomerId,
    duoId,
    kind: t.kind,
    dueDate: t.dueDate,
    status: 'open',
    createdAt: o.now.toISOString(),
    source: t.source,
    detail: t.detail ?? null,
    doneAt: null,
    doneBy: null,
    note: null,
    postponed: 0,
  };
  tx.put('tasks', task.id, task);
  return task;
};

/** Why a change to a task was refused. */
export type TaskProblem =
  | { readonly ok: false; readonly reason: 'unknown_task' }
  | { readonly ok: false; readonly reason: 'already_done'; readonly task: CoachTask }
  | { readonly ok: false; readonly reason: 'out_of_scope'; readonly task: CoachTask };
export type TaskResult = { readonly ok: true; readonly task: CoachTask } | TaskProblem;

/** The task, if it exists and `staff` (if given) may act on it: a coach their gemeente's, an admin all. */
const reach = (tx: ReadTx<DataSchema>, id: string, staff: Person | undefined): TaskResult => {
  const task = tx.get('tasks', id);
  if (!task) return { ok: false, reason: 'unknown_task' };
  const newcomer = tx.get('people', task.newcomerId);
  if (staff && !(newcomer && allowed(tx, staff, 'trajectory.manage', { personId: newcomer.id })))
    return { ok: false, reason: 'out_of_scope', task };
  return { ok: true, task };
};

/** An open task `staff` may act on, or why not. */
const reachOpen = (tx: ReadTx<DataSchema>, id: string, staff: Person | undefined): TaskResult => {
  const r = reach(tx, id, staff);
  return r.ok && r.task.status === 'done' ? { ok: false, reason: 'already_done', task: r.task } : r;
};

const save = (tx: WriteTx<DataSchema>, task: CoachTask): TaskResult => {
  tx.put('tasks', task.id, task);
  return { ok: true, task };
};

/** A note as stored: trimmed, at most 1000 characters, null when empty. */
const cleanNote = (note: string | null | undefined): string | null => note?.trim().slice(0, 1000) || null;

/**
 * Marks an open task done (the opvolggesprek took place), by a person id or "cli", with an
 * optional follow-up note for the duo log. Refused for an unknown task, one already done, or one
 * of a newcomer outside `staff`'s gemeente.
 */
export const completeTask = (
  tx: WriteTx<DataSchema>,
  id: string,
  o: { readonly by: string; readonly note?: string | null; readonly now: Date; readonly staff?: Person },
): TaskResult => {
  const r = reachOpen(tx, id, o.staff);
  if (!r.ok) return r;
  const note = cleanNote(o.note);
  return save(tx, {
    ...r.task,
    status: 'done',
    doneAt: o.now.toISOString(),
    doneBy: o.by,
    ...(note ? { note } : {}),
  });
};

/** Days a task moves on "een week later". */
export const POSTPONE_DAYS = 7;

/**
 * Moves an open task a week on: from the later of `today` and its due date (an overdue task comes
 * back a week from today, not a week after it was due), and counts it in `postponed`.
 */
export const postponeTask = (
  tx: WriteTx<DataSchema>,
  id: string,
  o: { readonly today: string; readonly staff?: Person },
): TaskResult => {
  const r = reachOpen(tx, id, o.staff);
  if (!r.ok) return r;
  const from = r.task.dueDate > o.today ? r.task.dueDate : o.today;
  return save(tx, {
    ...r.task,
    dueDate: shiftDate(from, POSTPONE_DAYS),
    postponed: (r.task.postponed ?? 0) + 1,
  });
};

/**
 * Sets the follow-up note of a task, open or done (the note asked for after "Klaar"); an empty
 * note clears it. Refused for an unknown task or one outside `staff`'s gemeente.
 */
export const noteTask = (
  tx: WriteTx<DataSchema>,
  id: string,
  o: { readonly note: string | null; readonly staff?: Person },
): TaskResult => {
  const r = reach(tx, id, o.staff);
  return r.ok ? save(tx, { ...r.task, note: cleanNote(o.note) }) : r;
};

/** Task order everywhere tasks are listed: by due date, then as they were made. */
export const byDue = (a: CoachTask, b: CoachTask): number =>
  a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt);

/**
 * A coach's open tasks due on local date `today` or before (overdue ones), oldest first; with
 * `coachId` null, those no coach follows (an admin's digest shows them).
 */
export const openTasksOf = (tx: ReadTx<DataSchema>, coachId: string | null, today: string): CoachTask[] =>
  tx.list('tasks', (t) => t.status === 'open' && t.coachId === coachId && t.dueDate <= today).sort(byDue);

/** Every open task of a coach, also those due later, soonest first (`task list`). */
export const plannedTasksOf = (tx: ReadTx<DataSchema>, coachId: string): CoachTask[] =>
  tx.list('tasks', (t) => t.status === 'open' && t.coachId === coachId).sort(byDue);

/** Every task of a duo, open and done, by due date. */
export const tasksOfDuo = (tx: ReadTx<DataSchema>, duoId: string): CoachTask[] =>
  tx.list('tasks', (t) => t.duoId === duoId).sort(byDue);

/** Every task about a newcomer (of any of their duos, or of none), by due date. */
export const tasksOfNewcomer = (tx: ReadTx<DataSchema>, newcomerId: string): CoachTask[] =>
  tx.list('tasks', (t) => t.newcomerId === newcomerId).sort(byDue);
