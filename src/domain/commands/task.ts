import type { Ids } from '../../core/clock.js';
import type { CommandResult } from '../../core/commands.js';
import type { Template } from '../../core/effects.js';
import type { Json, ReadTx, WriteTx } from '../../core/store.js';
import { isLocalDate, localDate } from '../dates.js';
import {
  completeTask,
  createTask,
  plannedTasksOf,
  postponeTask,
  type TaskProblem,
} from '../followup/tasks.js';
import type { CoachTask } from '../followup/types.js';
import { liveDuosOf } from '../ledger/index.js';
import type { DataSchema, Person } from '../schema.js';
import { splitArgs } from './args.js';
import { allowed } from '../access/policy.js';
import { findNewcomers } from './scope.js';
import { personName } from '../people.js';

export interface TaskCommandSettings {
  readonly now: Date;
  readonly ids: Ids;
  readonly timeZone: string;
}

type Action = 'done' | 'later' | 'list' | 'add';
/** What the first word after `task` means, in Dutch and English. */
const ACTIONS: Readonly<Record<string, Action>> = {
  done: 'done',
  klaar: 'done',
  later: 'later',
  uitstellen: 'later',
  list: 'list',
  lijst: 'list',
  add: 'add',
  toevoegen: 'add',
  nieuw: 'add',
  new: 'add',
};

/** The flow that asks for an optional note after "Klaar". */
export const TASK_NOTE_FLOW = 'task-note';

/** Most tasks in one `task list` reply. */
const MAX_LINES = 30;

/** "Amina en Sara" (a duo's task) or "Amina". */
const namesOf = (tx: ReadTx<DataSchema>, t: CoachTask): Json => {
  const duo = t.duoId ? tx.get('duos', t.duoId) : undefined;
  const newcomer = personName(tx, t.newcomerId) ?? '?';
  return duo
    ? { $t: 'coach:digest.duo_names', params: { newcomer, buddy: personName(tx, duo.buddyId) ?? '?' } }
    : newcomer;
};

const refusal = (tx: ReadTx<DataSchema>, p: TaskProblem, id: string): Template => {
  switch (p.reason) {
    case 'unknown_task':
      return { key: 'coach:task.unknown', params: { id } };
    case 'already_done':
      return { key: 'coach:task.already_done', params: { names: namesOf(tx, p.task) } };
    case 'out_of_scope':
      return { key: 'coach:task.out_of_scope' };
  }
};

/** `task done <id> [notitie="…"]`: done; without a note the task-note flow asks for one. */
const done = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  id: string,
  options: Record<string, string>,
  s: TaskCommandSettings,
): CommandResult => {
  if (!id) return { replies: [{ key: 'coach:task.usage' }] };
  const note = options['notitie'] ?? options['note'];
  const r = completeTask(tx, id, { by: staff.id, now: s.now, staff, ...(note ? { note } : {}) });
  if (!r.ok) return { replies: [refusal(tx, r, id)] };
  const params = { kind: { $t: `coach:task.kind.${r.task.kind}` }, names: namesOf(tx, r.task) };
  if (r.task.note) return { replies: [{ key: 'coach:task.done_noted', params }] };
  return {
    replies: [{ key: 'coach:task.done', params }],
    effects: [{ type: 'start', personId: staff.id, flow: TASK_NOTE_FLOW, vars: { task: r.task.id } }],
  };
};

/** `task later <id>`: a week later. */
const later = (tx: WriteTx<DataSchema>, staff: Person, id: string, s: TaskCommandSettings): Template[] => {
  if (!id) return [{ key: 'coach:task.usage' }];
  const r = postponeTask(tx, id, { today: localDate(s.now, s.timeZone), staff });
  if (!r.ok) return [refusal(tx, r, id)];
  return [{ key: 'coach:task.later', params: { names: namesOf(tx, r.task), date: r.task.dueDate } }];
};

/** `task list`: the coach's open tasks, also those due later, soonest first. */
const list = (tx: ReadTx<DataSchema>, staff: Person): Template[] => {
  const tasks = plannedTasksOf(tx, staff.id).filter((t) =>
    allowed(tx, staff, 'trajectory.view', { personId: t.newcomerId }),
  );
  if (!tasks.length) return [{ key: 'coach:task.list_none' }];
  const lines: Json[] = tasks.slice(0, MAX_LINES).map((t) => ({
    $t: 'coach:task.list_line',
    params: { date: t.dueDate, kind: { $t: `coach:task.kind.${t.kind}` }, names: namesOf(tx, t), id: t.id },
  }));
  if (tasks.length > MAX_LINES)
    lines.push({ $t: 'coach:digest.more_tasks', params: { count: tasks.length - MAX_LINES } });
  return [{ key: 'coach:task.list', params: { lines } }];
};

/** `task add <newcomer> [wanneer=YYYY-MM-DD] [wat="…"]`: a task of kind "other" for the coach who asks. */
const add = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  words: readonly string[],
  options: Record<string, string>,
  s: TaskCommandSettings,
): Template[] => {
  const query = words.join(' ');
  if (!query) return [{ key: 'coach:task.add_usage' }];
  const found = findNewcomers(tx, staff, query, 'trajectory.manage');
  if (!found.length) return [{ key: 'coach:task.no_newcomer', params: { name: query } }];
  if (found.length > 1)
    return [{ key: 'coach:task.several', params: { names: found.map((p) => p.name).join(', ') } }];
  const newcomer = found[0]!;
  const when = options['wanneer'] ?? options['when'] ?? localDate(s.now, s.timeZone);
  if (!isLocalDate(when)) return [{ key: 'coach:task.bad_date' }];
  const live = liveDuosOf(tx, newcomer.id);
  const what = (options['wat'] ?? options['what'])?.trim();
  const task = createTask(
    tx,
    {
      newcomerId: newcomer.id,
      duoId: live.length === 1 ? live[0]!.id : null,
      kind: 'other',
      dueDate: when,
      source: 'coach',
      detail: what || null,
      coachId: staff.id,
    },
    { now: s.now, ids: s.ids },
  );
  return [{ key: 'coach:task.added', params: { names: namesOf(tx, task), date: task.dueDate, id: task.id } }];
};

/**
 * `task done|later|list|add …` for coaches and admins, within their gemeenten: the same as the
 * digest's buttons, typed. "done" without a note starts the task-note flow for the coach.
 */
export const taskCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  line: string,
  s: TaskCommandSettings,
): CommandResult => {
  const { words, options } = splitArgs(line);
  const action = ACTIONS[(words[0] ?? '').toLocaleLowerCase()];
  const id = words[1] ?? '';
  switch (action) {
    case 'done':
      return done(tx, staff, id, options, s);
    case 'later':
      return { replies: later(tx, staff, id, s) };
    case 'list':
      return { replies: list(tx, staff) };
    case 'add':
      return { replies: add(tx, staff, words.slice(1), options, s) };
    default:
      return { replies: [{ key: 'coach:task.usage' }] };
  }
};
