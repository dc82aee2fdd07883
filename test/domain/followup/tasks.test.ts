import { describe, expect, it } from 'vitest';
import {
  completeTask,
  createTask,
  noteTask,
  openTasksOf,
  plannedTasksOf,
  postponeTask,
  tasksOfDuo,
} from '../../../src/domain/followup/tasks.js';
import type { TaskKind } from '../../../src/domain/followup/types.js';
import { NOW, world, type World } from '../ledger/world.js';

/** An open task about Amina (duo d1) or Omar (no duo), for Lotte. */
const task = (w: World, dueDate: string, o: { kind?: TaskKind; omar?: boolean; source?: string } = {}) =>
  w.store.transact((tx) =>
    createTask(
      tx,
      {
        newcomerId: o.omar ? w.omar.id : w.amina.id,
        duoId: o.omar ? null : 'd1',
        kind: o.kind ?? 'call_newcomer',
        dueDate,
        source: o.source ?? `test:${dueDate}`,
      },
      { now: NOW, ids: w.ids },
    ),
  );

describe('coach tasks', () => {
  it('takes a fixed id as given (an idempotency key), with no id source', async () => {
    const w = await world();
    const t = await w.store.transact((tx) =>
      createTask(
        tx,
        {
          id: 't_fixed',
          newcomerId: w.amina.id,
          duoId: 'd1',
          kind: 'call_both',
          dueDate: '2026-11-23',
          source: 's',
        },
        { now: NOW },
      ),
    );
    expect(t).toMatchObject({ id: 't_fixed', status: 'open', coachId: w.coach.id });
    expect(await w.store.read((tx) => tx.get('tasks', 't_fixed'))).toEqual(t);
  });

  it('completes a task with who, when and a note; a second time is refused as a value', async () => {
    const w = await world();
    const t = await task(w, '2026-11-23');
    const r = await w.store.transact((tx) =>
      completeTask(tx, t.id, { by: w.coach.id, note: '  Goed gesprek.  ', now: NOW, staff: w.coach }),
    );
    expect(r).toMatchObject({
      ok: true,
      task: { status: 'done', doneAt: NOW.toISOString(), doneBy: w.coach.id, note: 'Goed gesprek.' },
    });
    const again = await w.store.transact((tx) => completeTask(tx, t.id, { by: w.coach.id, now: NOW }));
    expect(again).toMatchObject({ ok: false, reason: 'already_done' });
    expect(await w.store.transact((tx) => completeTask(tx, 't_nope', { by: 'cli', now: NOW }))).toEqual({
      ok: false,
      reason: 'unknown_task',
    });
  });

  it('keeps a coach to tasks of their gemeente; an admin and the CLI reach all', async () => {
    const w = await world();
    const t = await task(w, '2026-11-23');
    const as = (staff?: typeof w.coach) =>
      w.store.transact((tx) => postponeTask(tx, t.id, { today: '2026-11-23', ...(staff ? { staff } : {}) }));
    expect(await as(w.otherCoach)).toMatchObject({ ok: false, reason: 'out_of_scope' });
    expect(
      await w.store.transact((tx) => completeTask(tx, t.id, { by: 'x', now: NOW, staff: w.otherCoach })),
    ).toMatchObject({ ok: false, reason: 'out_of_scope' });
    expect(
      await w.store.transact((tx) => noteTask(tx, t.id, { note: 'x', staff: w.otherCoach })),
    ).toMatchObject({ ok: false, reason: 'out_of_scope' });
    expect(await as(w.admin)).toMatchObject({ ok: true });
    expect(await as()).toMatchObject({ ok: true });
    expect((await w.store.read((tx) => tx.get('tasks', t.id)))?.status).toBe('open');
  });

  it('postpones a week from the later of today and the due date, and counts it', async () => {
    const w = await world();
    const overdue = await task(w, '2026-11-10');
    const future = await task(w, '2026-12-01');
    const later = (id: string) =>
      w.store.transact((tx) => postponeTask(tx, id, { today: '2026-11-23', staff: w.coach }));
    expect(await later(overdue.id)).toMatchObject({
      ok: true,
      task: { dueDate: '2026-11-30', postponed: 1 },
    });
    expect(await later(overdue.id)).toMatchObject({
      ok: true,
      task: { dueDate: '2026-12-07', postponed: 2 },
    });
    expect(await later(future.id)).toMatchObject({ ok: true, task: { dueDate: '2026-12-08', postponed: 1 } });
    await w.store.transact((tx) => completeTask(tx, future.id, { by: 'cli', now: NOW }));
    expect(await later(future.id)).toMatchObject({ ok: false, reason: 'already_done' });
  });

  it('notes a done task; an empty note clears it', async () => {
    const w = await world();
    const t = await task(w, '2026-11-23');
    await w.store.transact((tx) => completeTask(tx, t.id, { by: 'cli', now: NOW }));
    const noted = await w.store.transact((tx) =>
      noteTask(tx, t.id, { note: 'Bellen in januari', staff: w.coach }),
    );
    expect(noted).toMatchObject({ ok: true, task: { status: 'done', note: 'Bellen in januari' } });
    expect(await w.store.transact((tx) => noteTask(tx, t.id, { note: '  ' }))).toMatchObject({
      ok: true,
      task: { note: null },
    });
    expect(await w.store.transact((tx) => noteTask(tx, 't_nope', { note: 'x' }))).toEqual({
      ok: false,
      reason: 'unknown_task',
    });
  });

  it('lists what is due today and overdue, oldest first; not tomorrow, not done, not another coach', async () => {
    const w = await world();
    const today = await task(w, '2026-11-23');
    const old = await task(w, '2026-11-02', { omar: true });
    await task(w, '2026-11-24');
    const done = await task(w, '2026-11-20');
    await w.store.transact((tx) => completeTask(tx, done.id, { by: 'cli', now: NOW }));
    await w.store.transact((tx) =>
      createTask(
        tx,
        {
          newcomerId: w.amina.id,
          kind: 'other',
          dueDate: '2026-11-01',
          source: 'x',
          coachId: w.otherCoach.id,
        },
        { now: NOW, ids: w.ids },
      ),
    );
    const due = await w.store.read((tx) => openTasksOf(tx, w.coach.id, '2026-11-23'));
    expect(due.map((t) => t.id)).toEqual([old.id, today.id]);
    const planned = await w.store.read((tx) => plannedTasksOf(tx, w.coach.id));
    expect(planned.map((t) => t.dueDate)).toEqual(['2026-11-02', '2026-11-23', '2026-11-24']);
    const ofDuo = await w.store.read((tx) => tasksOfDuo(tx, 'd1'));
    expect(ofDuo.map((t) => t.dueDate)).toEqual(['2026-11-20', '2026-11-23', '2026-11-24']);
  });

  it('makes two tasks for a coach who adds the same thing twice, but one for a campaign event run twice', async () => {
    const w = await world();
    const a = await task(w, '2026-11-23', { kind: 'other', source: 'coach' });
    const b = await task(w, '2026-11-23', { kind: 'other', source: 'coach' });
    expect(a.id).not.toBe(b.id);
    const c = await task(w, '2026-11-23', { source: 'campaign:vgc:three_months' });
    const d = await task(w, '2026-11-23', { source: 'campaign:vgc:three_months' });
    expect(c.id).toBe(d.id);
  });
});
