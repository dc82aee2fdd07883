import { describe, expect, it } from 'vitest';
import { addDuo, checkEntry, setTrajectory } from '../../../src/domain/index.js';
import { NOW, world } from './world.js';

describe('addDuo', () => {
  it('matches a newcomer and a buddy as an active duo; the coach defaults to the newcomer’s', async () => {
    const w = await world();
    const r = await w.store.transact((tx) =>
      addDuo(tx, { newcomerId: w.omar.id, buddyId: w.buddy.id }, { now: NOW, ids: w.ids }),
    );
    expect(r).toEqual({
      ok: true,
      duo: {
        v: 1,
        id: 'd_000009',
        newcomerId: w.omar.id,
        buddyId: w.buddy.id,
        coachId: w.coach.id,
        status: 'active',
        matchedAt: NOW.toISOString(),
        firstMeetingAt: null,
        rhythmPerMonth: 2,
        plannedMonths: 6,
        endedAt: null,
        pausedAt: null,
        pausedDays: 0,
      },
    });
    expect(await w.store.read((tx) => tx.get('duos', 'd_000009'))).toEqual(r.ok ? r.duo : null);
  });

  it('takes another coach or admin when given', async () => {
    const w = await world();
    const r = await w.store.transact((tx) =>
      addDuo(
        tx,
        { newcomerId: w.omar.id, buddyId: w.buddy.id, coachId: w.admin.id },
        { now: NOW, ids: w.ids },
      ),
    );
    expect(r.ok && r.duo.coachId).toBe(w.admin.id);
  });

  it('refuses unknown people, wrong roles and a pair that is already an active duo', async () => {
    const w = await world();
    const add = (d: { newcomerId: string; buddyId: string; coachId?: string }) =>
      w.store.transact((tx) => addDuo(tx, d, { now: NOW, ids: w.ids }));
    expect(await add({ newcomerId: 'p_nobody', buddyId: w.buddy.id })).toEqual({
      ok: false,
      reason: 'unknown_person',
      field: 'newcomerId',
    });
    expect(await add({ newcomerId: w.omar.id, buddyId: 'p_nobody' })).toEqual({
      ok: false,
      reason: 'unknown_person',
      field: 'buddyId',
    });
    expect(await add({ newcomerId: w.buddy.id, buddyId: w.exBuddy.id })).toEqual({
      ok: false,
      reason: 'wrong_role',
      field: 'newcomerId',
      role: 'buddy',
    });
    expect(await add({ newcomerId: w.omar.id, buddyId: w.org.id })).toEqual({
      ok: false,
      reason: 'wrong_role',
      field: 'buddyId',
      role: 'contact',
    });
    expect(await add({ newcomerId: w.omar.id, buddyId: w.buddy.id, coachId: w.exBuddy.id })).toEqual({
      ok: false,
      reason: 'wrong_role',
      field: 'coachId',
      role: 'buddy',
    });
    expect(await add({ newcomerId: w.amina.id, buddyId: w.buddy.id })).toEqual({
      ok: false,
      reason: 'already_active',
      duoId: 'd1',
    });
    // The ended duo with Jef may start again.
    expect((await add({ newcomerId: w.amina.id, buddyId: w.exBuddy.id })).ok).toBe(true);
    expect(await w.store.read((tx) => tx.count('duos'))).toBe(3);
  });
});

describe('setTrajectory', () => {
  it('sets a term, which then bounds the dates of reported hours', async () => {
    const w = await world();
    const r = await w.store.transact((tx) =>
      setTrajectory(
        tx,
        { newcomerId: w.omar.id, start: '2026-10-01', end: '2027-03-31', obligation: false },
        { ids: w.ids },
      ),
    );
    expect(r).toEqual({
      ok: true,
      trajectory: {
        v: 1,
        id: 't_000009',
        newcomerId: w.omar.id,
        start: '2026-10-01',
        end: '2027-03-31',
        obligation: false,
        status: 'intake',
        coachId: w.coach.id,
        municipality: 'gent',
        offerTypes: [],
      },
      replaced: null,
    });
    const check = await w.store.read((tx) =>
      checkEntry(
        tx,
        { newcomerId: w.omar.id, minutes: 60, date: '2026-09-30', offerType: 'buddy' },
        { today: '2026-11-23', maxEntryMinutes: 720, maxDayMinutes: 960, now: NOW },
      ),
    );
    expect(check).toEqual({
      ok: false,
      reason: 'before_start',
      trajectory: { start: '2026-10-01', end: '2027-03-31' },
    });
  });

  it('replaces the term of a newcomer under the same id (one term per newcomer); a one-day term is fine', async () => {
    const w = await world();
    const r = await w.store.transact((tx) =>
      setTrajectory(
        tx,
        { newcomerId: w.amina.id, start: '2026-09-01', end: '2026-09-01', obligation: true },
        { ids: w.ids },
      ),
    );
    expect(r).toMatchObject({
      ok: true,
      trajectory: { id: 't1', end: '2026-09-01' },
      replaced: { id: 't1', end: '2027-08-31' },
    });
    expect(await w.store.read((tx) => tx.list('trajectories').map((t) => [t.id, t.end]))).toEqual([
      ['t1', '2026-09-01'],
    ]);
  });

  it('refuses an unknown person, a person who is not a newcomer, bad dates and an end before the start', async () => {
    const w = await world();
    const set = (newcomerId: string, start: string, end: string) =>
      w.store.transact((tx) =>
        setTrajectory(tx, { newcomerId, start, end, obligation: true }, { ids: w.ids }),
      );
    expect(await set('p_nobody', '2026-01-01', '2026-12-31')).toEqual({
      ok: false,
      reason: 'unknown_person',
      field: 'newcomerId',
    });
    expect(await set(w.buddy.id, '2026-01-01', '2026-12-31')).toEqual({
      ok: false,
      reason: 'wrong_role',
      field: 'newcomerId',
      role: 'buddy',
    });
    expect(await set(w.omar.id, '2026-02-30', '2026-12-31')).toEqual({
      ok: false,
      reason: 'invalid_date',
      field: 'start',
    });
    expect(await set(w.omar.id, '2026-01-01', '31/12/2026')).toEqual({
      ok: false,
      reason: 'invalid_date',
      field: 'end',
    });
    expect(await set(w.omar.id, '2026-12-31', '2026-12-30')).toEqual({
      ok: false,
      reason: 'end_before_start',
    });
    expect(await w.store.read((tx) => tx.count('trajectories'))).toBe(1);
  });
});
