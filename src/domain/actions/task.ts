import type { DomainAction } from '../../core/actions.js';
import { noteTask } from '../followup/tasks.js';
import type { DataSchema } from '../schema.js';
import { isStaff } from '../staff.js';
import { me, str } from './hours-context.js';

/**
 * `task_note` (args `task`, `note`): stores the follow-up note a coach typed after "Klaar" on a
 * task (flow task-note), for the duo log. Only staff, within their gemeenten.
 * Outcomes: ok | unknown (no such task) | not_allowed.
 */
export const taskNote: DomainAction<DataSchema> = (ctx, args) => {
  const staff = me(ctx);
  const id = str(args['task']);
  if (!isStaff(staff)) return { outcome: 'not_allowed' };
  if (!id) return { outcome: 'unknown' };
  // noteTask checks the task exists and is within the staff member's gemeenten.
  const r = noteTask(ctx.tx, id, { note: str(args['note']), staff });
  return r.ok ? { outcome: 'ok' } : { outcome: r.reason === 'unknown_task' ? 'unknown' : 'not_allowed' };
};
