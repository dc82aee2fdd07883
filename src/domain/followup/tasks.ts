import type { Ids } from '../../core/clock.js';
import type { WriteTx } from '../../core/store.js';
import type { DataSchema } from '../schema.js';
import type { CoachTask, TaskKind } from './types.js';

export interface NewTask {
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

/**
 * Creates an open task for a coach (the duo's coach, else the newcomer's), in the caller's
 * transaction. The same source for the same duo and kind while one is open gives that one back,
 * so a campaign event run twice never makes two tasks.
 */
export const createTask = (
  tx: WriteTx<DataSchema>,
  t: NewTask,
  o: { readonly now: Date; readonly ids: Ids },
): CoachTask => {
  const duoId = t.duoId ?? null;
  const twin = tx.list(
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
  const task: CoachTask = {
    v: 1,
    id: o.ids.next('t'),
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
