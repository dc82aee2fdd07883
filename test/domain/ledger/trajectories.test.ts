import { describe, expect, it } from 'vitest';
import { setTrajectory } from '../../../src/domain/index.js';
import { world } from './world.js';

describe('setTrajectory: status, coach, gemeente and offer types', () => {
  it('keeps what is not given when a term is set again, and fills the new fields of an old record', async () => {
    const w = await world();
    const r = await w.store.transact((tx) =>
      setTrajectory(
        tx,
        {
          newcomerId: w.amina.id,
          start: '2026-09-01',
          end: '2027-08-31',
          obligation: false,
          status: 'paused',
          offerTypes: ['buddy', 'vrijwilligerswerk', 'buddy'],
        },
        { ids: w.ids },
      ),
    );
    expect(r).toMatchObject({
      ok: true,
      trajectory: {
        id: 't1',
        obligation: false,
        status: 'paused',
        coachId: w.coach.id,
        municipality: 'gent',
        offerTypes: ['buddy', 'vrijwilligerswerk'],
      },
    });
    const again = await w.store.transact((tx) =>
      setTrajectory(
        tx,
        {
          newcomerId: w.amina.id,
          start: '2026-09-01',
          end: '2027-12-31',
          obligation: true,
          coachId: w.admin.id,
        },
        { ids: w.ids },
      ),
    );
    expect(again).toMatchObject({
      ok: true,
      trajectory: {
        end: '2027-12-31',
        status: 'paused',
        coachId: w.admin.id,
        offerTypes: ['buddy', 'vrijwilligerswerk'],
      },
      replaced: { status: 'paused' },
    });
  });

  it('starts a new term in intake, or matched when the newcomer already has a live duo', async () => {
    const w = await world();
    await w.store.transact((tx) => tx.delete('trajectories', 't1'));
    const set = (newcomerId: string) =>
      w.store.transact((tx) =>
        setTrajectory(
          tx,
          { newcomerId, start: '2026-11-01', end: '2027-10-31', obligation: true },
          { ids: w.ids },
        ),
      );
    expect(await set(w.amina.id)).toMatchObject({ ok: true, trajectory: { status: 'matched' } });
    expect(await set(w.omar.id)).toMatchObject({ ok: true, trajectory: { status: 'intake' } });
  });

  it('refuses an unknown status or offer type, a coach who is no coach, and a newcomer of another gemeente', async () => {
    const w = await world();
    const set = (x: object, staff?: typeof w.coach) =>
      w.store.transact((tx) =>
        setTrajectory(
          tx,
          { newcomerId: w.omar.id, start: '2026-11-01', end: '2027-10-31', obligation: true, ...x },
          { ids: w.ids, ...(staff ? { staff } : {}) },
        ),
      );
    expect(await set({ status: 'klaar' })).toEqual({ ok: false, reason: 'invalid_status', value: 'klaar' });
    expect(await set({ offerTypes: ['buddy', 'sport'] })).toEqual({
      ok: false,
      reason: 'invalid_offer',
      value: 'sport',
    });
    expect(await set({ coachId: w.buddy.id })).toEqual({
      ok: false,
      reason: 'wrong_role',
      field: 'coachId',
      role: 'buddy',
    });
    expect(await set({}, w.otherCoach)).toEqual({ ok: false, reason: 'out_of_scope', field: 'newcomerId' });
    expect(await w.store.read((tx) => tx.count('trajectories'))).toBe(1);
    expect((await set({}, w.coach)).ok).toBe(true);
  });
});
