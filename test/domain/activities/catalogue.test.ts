import { describe, expect, it } from 'vitest';
import {
  addActivity,
  addGroup,
  cancelActivity,
  digestActivities,
  excludedActivities,
  findActivity,
  listActivities,
  listGroups,
  overrideActivity,
  weekWindow,
  type Activity,
  type RawActivityInput,
} from '../../../src/domain/activities/index.js';
import { catalogueWorld, NOW, validInput } from './world.js';

const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('activity catalogue: adding', () => {
  it('stores a plain versioned record with the criteria, and says nothing keeps it out', async () => {
    const w = await catalogueWorld();
    const r = await w.store.transact((tx) =>
      addActivity(tx, validInput({ contact: 'jan', tags: 'kinderen', title_en: 'Language café' }), w.ctx),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.criteriaProblems).toEqual([]);
    const stored = await w.store.read((tx) => tx.get('activities', r.activity.id));
    expect(stored).toEqual(r.activity);
    expect(roundTrip(stored)).toEqual(stored);
    expect(stored).toMatchObject({
      v: 1,
      startsAt: '2026-12-02T13:00:00.000Z',
      endsAt: '2026-12-02T15:00:00.000Z',
      municipalities: ['wetteren'],
      priceCents: 0,
      free: true,
      contactId: w.jan.id,
      imageUrl: null,
      tags: ['children_welcome'],
      translations: { en: { title: 'Language café' } },
      criteria: { free: true, dutchContext: true, accessibleOrganisation: true },
      override: null,
      status: 'active',
      createdBy: 'p_coach',
      createdAt: NOW.toISOString(),
    });
  });

  it('tells which criteria keep it out of the digest', async () => {
    const w = await catalogueWorld();
    const r = await w.store.transact((tx) =>
      addActivity(tx, validInput({ price: '€ 3,50', free: 'nee', accessible_organisation: 'nee' }), w.ctx),
    );
    expect(r.ok && r.criteriaProblems).toEqual(['free', 'accessibleOrganisation']);
    expect(r.ok && [r.activity.priceCents, r.activity.free]).toEqual([350, false]);
    const tickets = await w.store.transact((tx) =>
      addActivity(tx, validInput({ title: 'Concert', price: '12', free: 'ja', dutch_context: 'nee' }), w.ctx),
    );
    // free tickets for newcomers: the criterion holds although the price is not 0
    expect(
      tickets.ok && [tickets.activity.free, tickets.activity.criteria.free, tickets.criteriaProblems],
    ).toEqual([false, true, ['dutchContext']]);
  });

  it('finds gemeenten by id or name and names the unknown ones', async () => {
    const w = await catalogueWorld();
    const r = await w.store.transact((tx) =>
      addActivity(tx, validInput({ gemeente: 'Wetteren, GENT' }), w.ctx),
    );
    expect(r.ok && r.activity.municipalities).toEqual(['wetteren', 'gent']);
    const bad = await w.store.transact((tx) =>
      addActivity(tx, validInput({ title: 'X', gemeente: 'wetteren, Lede, Aalst' }), w.ctx),
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.message)).toEqual([
      'unknown gemeente "Lede"',
      'unknown gemeente "Aalst"',
    ]);
  });

  it('wants the contact person to be a contact in one of its gemeenten', async () => {
    const w = await catalogueWorld();
    const add = (over: RawActivityInput) =>
      w.store.transact((tx) => addActivity(tx, validInput(over), w.ctx));
    const byId = await add({ contact: w.jan.id });
    expect(byId.ok && byId.activity.contactId).toBe(w.jan.id);
    const fields = async (over: RawActivityInput) => {
      const r = await add(over);
      return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}:${String(p.params['value'])}`);
    };
    expect(await fields({ title: 'A', contact: 'Els' })).toEqual(['contact:not_a_contact:Els']);
    expect(await fields({ title: 'B', contact: 'Lotte' })).toEqual(['contact:not_a_contact:Lotte']);
    expect(await fields({ title: 'C', contact: 'Niemand' })).toEqual(['contact:unknown_contact:Niemand']);
    const both = await add({ title: 'D', contact: 'els', gemeente: 'wetteren,gent' });
    expect(both.ok && both.activity.contactId).toBe(w.els.id);
    // every problem at once, also when other fields fail
    expect(await fields({ title: '', gemeente: 'lede', contact: 'niemand' })).toEqual([
      'title:required:undefined',
      'gemeente:unknown_gemeente:lede',
      'contact:unknown_contact:niemand',
    ]);
  });

  it('refuses the same title, start and gemeente twice, but not once cancelled or elsewhere', async () => {
    const w = await catalogueWorld();
    const add = (over: RawActivityInput = {}) =>
      w.store.transact((tx) => addActivity(tx, validInput(over), w.ctx));
    const first = await add();
    const again = await add({ title: ' taalcafé IN DE BIB ', place: 'elders' });
    expect(again.ok ? null : again.problems).toEqual([
      expect.objectContaining({
        field: 'title',
        code: 'duplicate',
        params: { id: first.ok ? first.activity.id : '', title: 'taalcafé IN DE BIB' },
      }),
    ]);
    expect((await add({ gemeente: 'gent' })).ok).toBe(true);
    expect((await add({ start: '14:30' })).ok).toBe(true);
    expect((await add({ gemeente: 'gent, wetteren', start: '14:30' })).ok).toBe(false);
    await w.store.transact((tx) => cancelActivity(tx, first.ok ? first.activity.id : ''));
    expect((await add()).ok).toBe(true);
    expect(await w.store.read((tx) => tx.count('activities'))).toBe(4);
  });
});

describe('activity catalogue: override, cancel, find', () => {
  it('keeps an activity in the digest with a reason, and refuses without one', async () => {
    const w = await catalogueWorld();
    const r = await w.store.transact((tx) => addActivity(tx, validInput({ price: '2', free: 'nee' }), w.ctx));
    const id = r.ok ? r.activity.id : '';
    const later = new Date('2026-11-24T08:00:00Z');
    const none = await w.store.transact((tx) =>
      overrideActivity(tx, id, { by: 'p_coach', reason: '  ', now: later }),
    );
    expect(none).toEqual({ ok: false, reason: 'no_reason' });
    const ok = await w.store.transact((tx) =>
      overrideActivity(tx, id, { by: 'p_coach', reason: 'OCMW  betaalt terug', now: later }),
    );
    expect(ok.ok && ok.activity.override).toEqual({
      by: 'p_coach',
      at: '2026-11-24T08:00:00.000Z',
      reason: 'OCMW betaalt terug',
    });
    expect(
      await w.store.transact((tx) =>
        overrideActivity(tx, 'a_nope', { by: 'x', reason: 'why not', now: later }),
      ),
    ).toEqual({
      ok: false,
      reason: 'not_found',
    });
    await w.store.transact((tx) => cancelActivity(tx, id));
    expect(
      await w.store.transact((tx) => overrideActivity(tx, id, { by: 'x', reason: 'why not', now: later })),
    ).toEqual({
      ok: false,
      reason: 'cancelled',
    });
    expect(await w.store.transact((tx) => cancelActivity(tx, 'a_nope'))).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('finds by id, else by title: active first, then the earliest', async () => {
    const w = await catalogueWorld();
    const add = (over: RawActivityInput) =>
      w.store.transact((tx) => {
        const r = addActivity(tx, validInput(over), w.ctx);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        return r.activity;
      });
    const week2 = await add({ title: 'Praattafel', date: '2026-12-09' });
    const week1 = await add({ title: 'Praattafel', date: '2026-12-02' });
    const week0 = await add({ title: 'Praattafel', date: '2026-11-25' });
    await w.store.transact((tx) => cancelActivity(tx, week0.id));
    await w.store.read((tx) => {
      expect(findActivity(tx, week2.id)?.id).toBe(week2.id);
      expect(findActivity(tx, 'praattafel')?.id).toBe(week1.id);
      expect(findActivity(tx, 'Zwemmen')).toBeUndefined();
    });
  });
});

describe('activity catalogue: the digest', () => {
  const seed = async () => {
    const w = await catalogueWorld();
    const made = await w.store.transact((tx) => {
      const add = (over: RawActivityInput): Activity => {
        const r = addActivity(tx, validInput(over), w.ctx);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        return r.activity;
      };
      return {
        // the week of Monday 30 November 2026 (Brussels), in order of start
        mondayMidnight: add({ title: 'Nachtwandeling', date: '2026-11-30', start: '00:00', end: '01:00' }),
        wedLate: add({ title: 'Koken', date: '2026-12-02', start: '18:00', end: '20:00' }),
        wedEarly: add({ title: 'Taalcafé', date: '2026-12-02', start: '10:00', end: '12:00' }),
        sunLast: add({ title: 'Wandelen', date: '2026-12-06', start: '23:00', end: '23:59' }),
        paid: add({ title: 'Museum', date: '2026-12-03', price: '5', free: 'nee' }),
        overridden: add({
          title: 'Zwembad',
          date: '2026-12-04',
          price: '2',
          free: 'nee',
          dutch_context: 'nee',
        }),
        gent: add({ title: 'Gent', date: '2026-12-02', gemeente: 'gent' }),
        both: add({ title: 'Regio', date: '2026-12-01', gemeente: 'gent,wetteren' }),
        cancelled: add({ title: 'Afgelast', date: '2026-12-02' }),
        // just outside: Sunday 29 Nov 23:59 and Monday 7 Dec 00:00
        before: add({ title: 'Ervoor', date: '2026-11-29', start: '23:00', end: '23:59' }),
        after: add({ title: 'Erna', date: '2026-12-07', start: '00:00', end: '01:00' }),
      };
    });
    await w.store.transact((tx) => {
      overrideActivity(tx, made.overridden.id, { by: 'p_coach', reason: 'OCMW betaalt', now: NOW });
      cancelActivity(tx, made.cancelled.id);
    });
    return { w, made };
  };

  it('takes a gemeente week [Monday 00:00, next Monday 00:00) Brussels, met criteria or overridden, by start', async () => {
    const { w, made } = await seed();
    const week = weekWindow('2026-12-02', 'Europe/Brussels');
    expect(week).toEqual({
      from: '2026-11-29T23:00:00.000Z',
      to: '2026-12-06T23:00:00.000Z',
      monday: '2026-11-30',
    });
    const digest = await w.store.read((tx) => digestActivities(tx, { municipality: 'wetteren', ...week }));
    expect(digest.map((a) => a.title)).toEqual([
      'Nachtwandeling',
      'Regio',
      'Taalcafé',
      'Koken',
      'Zwembad',
      'Wandelen',
    ]);
    const excluded = await w.store.read((tx) =>
      excludedActivities(tx, { municipality: 'wetteren', ...week }),
    );
    expect(excluded.map((x) => [x.activity.id, x.criteria])).toEqual([[made.paid.id, ['free']]]);
    const gent = await w.store.read((tx) =>
      digestActivities(tx, { municipality: 'gent', from: new Date(week.from), to: new Date(week.to) }),
    );
    expect(gent.map((a) => a.title)).toEqual(['Regio', 'Gent']);
    const all = await w.store.read((tx) => listActivities(tx, week));
    expect(all).toHaveLength(9);
    expect(all.find((a) => a.id === made.cancelled.id)?.status).toBe('cancelled');
  });

  it('finds the week around a date in summer time and across the clock change', () => {
    expect(weekWindow('2026-10-25', 'Europe/Brussels')).toEqual({
      from: '2026-10-18T22:00:00.000Z',
      to: '2026-10-25T23:00:00.000Z',
      monday: '2026-10-19',
    });
    expect(weekWindow('2027-03-29', 'Europe/Brussels')).toEqual({
      from: '2027-03-28T22:00:00.000Z',
      to: '2027-04-04T22:00:00.000Z',
      monday: '2027-03-29',
    });
  });
});

describe('gemeente-groepen', () => {
  it('adds a group per chat, by gemeente id or name, and lists them', async () => {
    const w = await catalogueWorld();
    const ctx = { now: NOW, ids: w.ids };
    const r = await w.store.transact((tx) =>
      addGroup(
        tx,
        {
          municipality: 'Wetteren',
          address: { channel: 'whatsapp', chat: '1203@g.us' },
          name: ' Aanbod  Wetteren ',
        },
        ctx,
      ),
    );
    expect(r.ok && r.group).toEqual({
      v: 1,
      id: expect.any(String),
      municipality: 'wetteren',
      address: { channel: 'whatsapp', chat: '1203@g.us', user: '' },
      name: 'Aanbod Wetteren',
      createdAt: NOW.toISOString(),
    });
    await w.store.transact((tx) =>
      addGroup(
        tx,
        { municipality: 'gent', address: { channel: 'telegram', chat: '-100' }, name: 'Gent' },
        ctx,
      ),
    );
    const twice = await w.store.transact((tx) =>
      addGroup(
        tx,
        { municipality: 'gent', address: { channel: 'whatsapp', chat: '1203@g.us' }, name: 'Ook' },
        ctx,
      ),
    );
    expect(twice.ok ? [] : twice.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['chat:duplicate']);
    const bad = await w.store.transact((tx) =>
      addGroup(tx, { municipality: 'lede', address: { channel: '', chat: '' }, name: '' }, ctx),
    );
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'gemeente:unknown_gemeente',
      'channel:required',
      'chat:required',
      'name:required',
    ]);
    const groups = await w.store.read((tx) => listGroups(tx));
    expect(groups.map((g) => g.name)).toEqual(['Gent', 'Aanbod Wetteren']);
    expect((await w.store.read((tx) => listGroups(tx, 'wetteren'))).map((g) => g.name)).toEqual([
      'Aanbod Wetteren',
    ]);
  });
});
