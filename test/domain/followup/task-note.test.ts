import { describe, expect, it } from 'vitest';
import { taskNote } from '../../../src/domain/actions/task.js';
import { createTask } from '../../../src/domain/followup/tasks.js';
import type { Person } from '../../../src/domain/index.js';
import { NOW, world, type World } from '../ledger/world.js';

/** Runs the task_note action as `who`, in its own transaction; returns the outcome and the task after. */
const note = (w: World, who: Person | null, task: string | undefined, text: string) =>
  w.store.transact((tx) => {
    const r = taskNote(
      {
        tx,
        now: NOW,
        ids: w.ids,
        personId: who?.id ?? null,
        address: { channel: 'memory', chat: 'c', user: 'u' },
        messageId: null,
        vars: {},
      },
      { ...(task === undefined ? {} : { task }), note: text },
    );
    return { outcome: r.outcome, note: tx.get('tasks', 't_amina')?.note ?? null };
  });

describe('task_note: the note a coach types after "Klaar"', () => {
  it('answers ok, unknown or not_allowed, and only ok stores the note', async () => {
    const w: World = await world();
    await w.store.transact((tx) =>
      createTask(
        tx,
        {
          id: 't_amina',
          newcomerId: w.amina.id,
          duoId: 'd1',
          kind: 'call_buddy',
          dueDate: '2026-11-23',
          source: 's',
        },
        { now: NOW },
      ),
    );
    expect(await note(w, w.buddy, 't_amina', 'x')).toEqual({ outcome: 'not_allowed', note: null });
    expect(await note(w, null, 't_amina', 'x')).toEqual({ outcome: 'not_allowed', note: null });
    expect(await note(w, w.coach, undefined, 'x')).toEqual({ outcome: 'unknown', note: null });
    expect(await note(w, w.coach, 't_nope', 'x')).toEqual({ outcome: 'unknown', note: null });
    // Bram coaches in Aalst: Amina (Gent) is not his.
    expect(await note(w, w.otherCoach, 't_amina', 'x')).toEqual({ outcome: 'not_allowed', note: null });
    expect(await note(w, w.coach, 't_amina', '  Goed gesprek. ')).toEqual({
      outcome: 'ok',
      note: 'Goed gesprek.',
    });
    expect(await note(w, w.admin, 't_amina', 'Gezien')).toEqual({ outcome: 'ok', note: 'Gezien' });
  });
});
