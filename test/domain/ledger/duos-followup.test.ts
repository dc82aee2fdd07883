import { describe, expect, it } from 'vitest';
import {
  addDuo,
  endDuo,
  listDuos,
  pauseDuo,
  pausedDaysOf,
  plannedMonthsOf,
  resumeDuo,
  rhythmOf,
  setFirstMeeting,
  setTrajectory,
  trajectoryStatusOf,
} from '../../../src/domain/index.js';
import { NOW, world, type World } from './world.js';

const TZ = 'Europe/Brussels';
const opts = (now: Date, staff?: World['coach']) => ({ now, timeZone: TZ, ...(staff ? { staff } : {}) });
const statusOf = (w: World, newcomerId: string) =>
  w.store.read((tx) => tx.list('trajectories', (t) => t.newcomerId === newcomerId)[0]);

describe('duo follow-up fields', () => {
  it('reads old records without the new fields with the defaults', async () => {
    const w = await world();
    const d1 = await w.store.read((tx) => tx.get('duos', 'd1'));
    expect(d1 && [rhythmOf(d1), plannedMonthsOf(d1), pausedDaysOf(d1)]).toEqual([2, 6, 0]);
    const t1 = await w.store.read((tx) => tx.get('trajectories', 't1'));
    expect(t1 && trajectoryStatusOf(t1)).toBe('active');
  });

  it('stores rhythm, planned length and first meeting; refuses bad values', async () => {
    const w = await world();
    const add = (x: object) =>
      w.store.transact((tx) =>
        addDuo(tx, { newcomerId: w.omar.id, buddyId: w.buddy.id, ...x }, { now: NOW, ids: w.ids }),
      );
    expect(await add({ rhythmPerMonth: 0 })).toEqual({ ok: false, reason: 'invalid_rhythm' });
    expect(await add({ rhythmPerMonth: 1.5 })).toEqual({ ok: false, reason: 'invalid_rhythm' });
    expect(await add({ plannedMonths: 12 })).toEqual({ ok: false, reason: 'invalid_months' });
    expect(await add({ firstMeetingAt: '2026-13-01' })).toEqual({
      ok: false,
      reason: 'invalid_date',
      field: 'firstMeetingAt',
    });
    const r = await add({ rhythmPerMonth: 4, plannedMonths: 9, firstMeetingAt: '2026-11-30' });
    expect(r).toMatchObject({
      ok: true,
      duo: { rhythmPerMonth: 4, plannedMonths: 9, firstMeetingAt: '2026-11-30', status: 'active' },
    });
  });

  it('a paused pair counts as a duo already; an ended one may start again', async () => {
    const w = await world();
    await w.store.transact((tx) => pauseDuo(tx, 'd1', opts(NOW)));
    const again = await w.store.transact((tx) =>
      addDuo(tx, { newcomerId: w.amina.id, buddyId: w.buddy.id }, { now: NOW, ids: w.ids }),
    );
    expect(again).toEqual({ ok: false, reason: 'already_active', duoId: 'd1' });
  });

  it('keeps a coach to the duos of their own gemeente; an admin reaches all', async () => {
    const w = await world();
    const byBram = await w.store.transact((tx) =>
      addDuo(
        tx,
        { newcomerId: w.omar.id, buddyId: w.buddy.id },
        { now: NOW, ids: w.ids, staff: w.otherCoach },
      ),
    );
    expect(byBram).toEqual({ ok: false, reason: 'out_of_scope', field: 'newcomerId' });
    expect(await w.store.transact((tx) => pauseDuo(tx, 'd1', opts(NOW, w.otherCoach)))).toEqual({
      ok: false,
      reason: 'out_of_scope',
      field: 'newcomerId',
    });
    expect(await w.store.transact((tx) => endDuo(tx, 'd1', opts(NOW, w.otherCoach)))).toMatchObject({
      ok: false,
      reason: 'out_of_scope',
    });
    expect((await w.store.transact((tx) => pauseDuo(tx, 'd1', opts(NOW, w.admin)))).ok).toBe(true);
    expect((await w.store.transact((tx) => resumeDuo(tx, 'd1', opts(NOW, w.coach)))).ok).toBe(true);
  });

  it('matching moves the trajectory from intake to matched; ending the last duo moves it back', async () => {
    const w = await world();
    await w.store.transact((tx) =>
      setTrajectory(
        tx,
        { newcomerId: w.omar.id, start: '2026-11-01', end: '2027-10-31', obligation: true },
        { ids: w.ids },
      ),
    );
    expect((await statusOf(w, w.omar.id))?.status).toBe('intake');
    const r = await w.store.transact((tx) =>
      addDuo(tx, { newcomerId: w.omar.id, buddyId: w.buddy.id }, { now: NOW, ids: w.ids }),
    );
    expect((await statusOf(w, w.omar.id))?.status).toBe('matched');
    const id = r.ok ? r.duo.id : '';
    const ended = await w.store.transact((tx) => endDuo(tx, id, { ...opts(NOW), reason: ' verhuisd ' }));
    expect(ended).toMatchObject({
      ok: true,
      duo: { status: 'ended', endedAt: NOW.toISOString(), endReason: 'verhuisd' },
    });
    expect((await statusOf(w, w.omar.id))?.status).toBe('intake');
    // Amina's old trajectory (no status: active) stays as it is when her duo ends.
    await w.store.transact((tx) => endDuo(tx, 'd1', opts(NOW)));
    expect((await statusOf(w, w.amina.id))?.status).toBeUndefined();
  });

  it('refuses to pause twice, resume an active duo, or change an ended or unknown one', async () => {
    const w = await world();
    const run = (f: typeof pauseDuo, id: string) => w.store.transact((tx) => f(tx, id, opts(NOW)));
    expect(await run(resumeDuo, 'd1')).toMatchObject({ ok: false, reason: 'not_paused' });
    expect((await run(pauseDuo, 'd1')).ok).toBe(true);
    expect(await run(pauseDuo, 'd1')).toMatchObject({ ok: false, reason: 'not_active' });
    expect(await run(pauseDuo, 'd2')).toMatchObject({ ok: false, reason: 'already_ended' });
    expect(await run(resumeDuo, 'd2')).toMatchObject({ ok: false, reason: 'already_ended' });
    expect(await run(endDuo, 'd2')).toMatchObject({ ok: false, reason: 'already_ended' });
    expect(await run(endDuo, 'nope')).toEqual({ ok: false, reason: 'unknown_duo' });
    expect(await w.store.transact((tx) => setFirstMeeting(tx, 'd2', '2026-11-30'))).toMatchObject({
      ok: false,
      reason: 'already_ended',
    });
  });

  it('counts paused calendar days across the change to summer time, and adds pauses up', async () => {
    const w = await world();
    // Paused Saturday 28 March 2026 23:30 Brussels (winter time), resumed Sunday 29 March 00:30 UTC+2.
    const pausedAt = new Date('2026-03-28T22:30:00Z');
    await w.store.transact((tx) => pauseDuo(tx, 'd1', opts(pausedAt)));
    const one = await w.store.transact((tx) => resumeDuo(tx, 'd1', opts(new Date('2026-03-28T22:30:00Z'))));
    expect(one).toMatchObject({ ok: true, duo: { pausedDays: 0, pausedAt: null, status: 'active' } });
    await w.store.transact((tx) => pauseDuo(tx, 'd1', opts(new Date('2026-03-28T22:30:00Z'))));
    // 23:30 on 28 March to 00:10 on 30 March: two calendar days, though under 48 hours passed.
    const two = await w.store.transact((tx) => resumeDuo(tx, 'd1', opts(new Date('2026-03-29T22:10:00Z'))));
    expect(two).toMatchObject({ ok: true, duo: { pausedDays: 2 } });
    // Across the change back to winter time: 24 to 27 October is 3 more days (25 hours in one of them).
    await w.store.transact((tx) => pauseDuo(tx, 'd1', opts(new Date('2026-10-24T08:00:00Z'))));
    const five = await w.store.transact((tx) => resumeDuo(tx, 'd1', opts(new Date('2026-10-27T09:00:00Z'))));
    expect(five).toMatchObject({ ok: true, duo: { pausedDays: 5 } });
    // A pause still running when the duo ends counts too.
    await w.store.transact((tx) => pauseDuo(tx, 'd1', opts(new Date('2026-11-01T10:00:00Z'))));
    const ended = await w.store.transact((tx) => endDuo(tx, 'd1', opts(new Date('2026-11-11T10:00:00Z'))));
    expect(ended).toMatchObject({ ok: true, duo: { pausedDays: 15, status: 'ended', pausedAt: null } });
  });

  it('an old paused record without pausedAt resumes with 0 extra days', async () => {
    const w = await world();
    await w.store.transact((tx) => {
      const d = tx.get('duos', 'd1')!;
      tx.put('duos', 'd1', { ...d, status: 'paused' });
    });
    expect(await w.store.transact((tx) => resumeDuo(tx, 'd1', opts(NOW)))).toMatchObject({
      ok: true,
      duo: { pausedDays: 0, status: 'active' },
    });
  });

  it('records the first meeting date', async () => {
    const w = await world();
    expect(await w.store.transact((tx) => setFirstMeeting(tx, 'd1', '2026-11-30'))).toMatchObject({
      ok: true,
      duo: { firstMeetingAt: '2026-11-30' },
    });
    expect(await w.store.transact((tx) => setFirstMeeting(tx, 'd1', '30/11/2026'))).toEqual({
      ok: false,
      reason: 'invalid_date',
      field: 'date',
    });
    expect(
      await w.store.transact((tx) => setFirstMeeting(tx, 'd1', '2026-11-30', { staff: w.otherCoach })),
    ).toMatchObject({ ok: false, reason: 'out_of_scope' });
  });

  it('lists duos by coach or gemeente, live ones first', async () => {
    const w = await world();
    const ids = (f: Parameters<typeof listDuos>[1]) => w.store.read((tx) => listDuos(tx, f).map((d) => d.id));
    expect(await ids({})).toEqual(['d1', 'd2']);
    expect(await ids({ ended: false })).toEqual(['d1']);
    expect(await ids({ coach: w.coach.id })).toEqual(['d1', 'd2']);
    expect(await ids({ coach: w.otherCoach.id })).toEqual([]);
    expect(await ids({ municipality: 'gent' })).toEqual(['d1', 'd2']);
    expect(await ids({ municipality: 'aalst' })).toEqual([]);
  });
});
