import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../../src/core/errors.js';
import {
  confirmEntry,
  correctEntry,
  disputeEntry,
  recordEntry,
  withdrawEntry,
  type Person,
} from '../../../src/domain/index.js';
import { at, HOUR, ledger, NOW, report, via, world, type World } from './world.js';

const kringwinkel = (w: World) => ({
  newcomerId: w.amina.id,
  minutes: 90,
  date: '2026-11-21',
  offerType: 'vrijwilligerswerk' as const,
  organisation: 'Kringwinkel',
  contactId: w.org.id,
});
const as = (p: Person, v: typeof via | null = null) => ({ personId: p.id, via: v });
const T = NOW.toISOString();

describe('recordEntry', () => {
  it('stores a newcomer’s report as pending, with every field and a "reported" event', async () => {
    const w = await world();
    const e = await report(w, { ...kringwinkel(w), description: 'kassa' }, w.amina, NOW, via);
    expect(e).toEqual({
      v: 1,
      id: 'l_000009',
      newcomerId: w.amina.id,
      minutes: 90,
      date: '2026-11-21',
      offerType: 'vrijwilligerswerk',
      organisation: 'Kringwinkel',
      contactId: w.org.id,
      description: 'kassa',
      reportedBy: w.amina.id,
      via,
      status: 'pending',
      createdAt: T,
      history: [{ at: T, by: w.amina.id, action: 'reported', via }],
    });
    expect(await ledger(w)).toEqual([e]);
  });

  it('fills absent organisation, contact and description with null', async () => {
    const w = await world();
    const e = await report(
      w,
      { newcomerId: w.amina.id, minutes: 60, date: '2026-11-21', offerType: 'vrije_tijd' },
      w.amina,
    );
    expect([e.organisation, e.contactId, e.description, e.status]).toEqual([null, null, null, 'pending']);
  });

  it('a buddy reporting a meeting of their own active duo confirms it at once and becomes the contact', async () => {
    const w = await world();
    const e = await report(
      w,
      { newcomerId: w.amina.id, minutes: 120, date: '2026-11-20', offerType: 'buddy' },
      w.buddy,
      NOW,
      via,
    );
    expect(e).toMatchObject({ status: 'confirmed', contactId: w.buddy.id, reportedBy: w.buddy.id });
    expect(e.history).toEqual([
      { at: T, by: w.buddy.id, action: 'reported', via },
      { at: T, by: w.buddy.id, action: 'confirmed', via },
    ]);
  });

  it('the buddy’s own duo wins over another contact named in the draft', async () => {
    const w = await world();
    const e = await report(
      w,
      { newcomerId: w.amina.id, minutes: 120, date: '2026-11-20', offerType: 'buddy', contactId: w.org.id },
      w.buddy,
    );
    expect([e.status, e.contactId]).toEqual(['confirmed', w.buddy.id]);
  });

  it('a buddy of an ended duo, or a buddy reporting another offer type, waits for confirmation', async () => {
    const w = await world();
    const ended = await report(
      w,
      { newcomerId: w.amina.id, minutes: 60, date: '2026-11-20', offerType: 'buddy' },
      w.exBuddy,
    );
    expect([ended.status, ended.contactId]).toEqual(['pending', null]);
    const other = await report(
      w,
      { newcomerId: w.amina.id, minutes: 60, date: '2026-11-20', offerType: 'vrije_tijd' },
      w.buddy,
    );
    expect([other.status, other.contactId]).toEqual(['pending', null]);
  });

  it('a contact person reporting hours they would confirm (reporter === contact) confirms them', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.org);
    expect(e.status).toBe('confirmed');
    expect(e.history.map((h) => [h.action, h.by])).toEqual([
      ['reported', w.org.id],
      ['confirmed', w.org.id],
    ]);
  });

  it('a newcomer naming themselves as contact does not confirm their own hours', async () => {
    const w = await world();
    const e = await report(w, { ...kringwinkel(w), contactId: w.amina.id }, w.amina);
    expect(e.status).toBe('pending');
    const r = await w.store.transact((tx) => confirmEntry(tx, e.id, as(w.amina), { now: NOW }));
    expect(r).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('throws a coded error for values that checkEntry would have refused', async () => {
    const w = await world();
    for (const bad of [{ minutes: 0 }, { date: '2026-02-30' }, { date: '21/11/2026' }]) {
      const err = await w.store
        .transact((tx) =>
          recordEntry(tx, { ...kringwinkel(w), ...bad }, as(w.amina), { now: NOW, ids: w.ids }),
        )
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(isCodedError(err, 'INPUT_INVALID')).toBe(true);
    }
    expect(await ledger(w)).toEqual([]);
  });
});

describe('confirmEntry and disputeEntry', () => {
  it('the named contact confirms a pending entry; the event records who, when and via which message', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    const later = at(2 * HOUR);
    const r = await w.store.transact((tx) => confirmEntry(tx, e.id, as(w.org, via), { now: later }));
    expect(r).toEqual({
      ok: true,
      entry: {
        ...e,
        status: 'confirmed',
        history: [...e.history, { at: later.toISOString(), by: w.org.id, action: 'confirmed', via }],
      },
    });
    expect((await ledger(w))[0]?.status).toBe('confirmed');
  });

  it('a coach or admin of the newcomer’s gemeente may confirm; the newcomer, a buddy or a coach elsewhere may not', async () => {
    const w = await world();
    const refused = [w.amina, w.buddy, w.otherCoach, w.omar];
    for (const p of refused) {
      const e = await report(w, kringwinkel(w), w.amina);
      const r = await w.store.transact((tx) => confirmEntry(tx, e.id, as(p), { now: NOW }));
      expect([p.name, r]).toEqual([p.name, { ok: false, reason: 'not_allowed' }]);
    }
    for (const p of [w.coach, w.admin]) {
      const e = await report(w, kringwinkel(w), w.amina);
      const r = await w.store.transact((tx) => confirmEntry(tx, e.id, as(p), { now: NOW }));
      expect(r).toMatchObject({ ok: true, entry: { status: 'confirmed' } });
    }
    const statuses = (await ledger(w)).map((e) => e.status);
    expect(statuses).toEqual(['pending', 'pending', 'pending', 'pending', 'confirmed', 'confirmed']);
  });

  it('refuses an unknown id, and confirming twice', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    await w.store.transact((tx) => {
      expect(confirmEntry(tx, 'l_nope', as(w.org), { now: NOW })).toEqual({ ok: false, reason: 'not_found' });
      expect(confirmEntry(tx, e.id, as(w.org), { now: NOW }).ok).toBe(true);
      expect(confirmEntry(tx, e.id, as(w.org), { now: NOW })).toEqual({ ok: false, reason: 'wrong_status' });
      expect(disputeEntry(tx, e.id, as(w.org), { now: NOW })).toEqual({ ok: false, reason: 'wrong_status' });
    });
    expect((await ledger(w))[0]?.history.map((h) => h.action)).toEqual(['reported', 'confirmed']);
  });

  it('the contact disputes a pending entry with a note; others may not', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    await w.store.transact((tx) => {
      expect(disputeEntry(tx, e.id, as(w.amina), { now: NOW })).toEqual({ ok: false, reason: 'not_allowed' });
      expect(disputeEntry(tx, e.id, as(w.otherCoach), { now: NOW })).toEqual({
        ok: false,
        reason: 'not_allowed',
      });
      const r = disputeEntry(tx, e.id, as(w.org, via), { now: NOW, note: 'was er niet' });
      expect(r.ok && r.entry.status).toBe('disputed');
      expect(r.ok && r.entry.history.at(-1)).toEqual({
        at: T,
        by: w.org.id,
        action: 'disputed',
        via,
        note: 'was er niet',
      });
    });
  });

  it('a dispute without a note records no note field', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    const r = await w.store.transact((tx) => disputeEntry(tx, e.id, as(w.coach), { now: NOW }));
    expect(r.ok && r.entry.history.at(-1)).toEqual({ at: T, by: w.coach.id, action: 'disputed', via: null });
  });

  it('a disputed entry is confirmed directly only by a coach, not by the contact who disputed it', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    await w.store.transact((tx) => {
      disputeEntry(tx, e.id, as(w.org), { now: NOW });
      expect(confirmEntry(tx, e.id, as(w.org), { now: NOW })).toEqual({ ok: false, reason: 'not_allowed' });
      expect(confirmEntry(tx, e.id, as(w.coach), { now: NOW })).toMatchObject({
        ok: true,
        entry: { status: 'confirmed' },
      });
    });
    expect((await ledger(w))[0]?.history.map((h) => [h.action, h.by])).toEqual([
      ['reported', w.amina.id],
      ['disputed', w.org.id],
      ['confirmed', w.coach.id],
    ]);
  });
});

describe('withdrawEntry', () => {
  it('the reporter withdraws within 24 h; the entry stays, withdrawn, with the event', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    const r = await w.store.transact((tx) =>
      withdrawEntry(tx, e.id, as(w.amina, via), { now: at(24 * HOUR) }),
    );
    expect(r).toEqual({
      ok: true,
      entry: {
        ...e,
        status: 'withdrawn',
        history: [
          ...e.history,
          { at: at(24 * HOUR).toISOString(), by: w.amina.id, action: 'withdrawn', via },
        ],
      },
    });
    expect(await ledger(w)).toHaveLength(1);
  });

  it('is too late one millisecond after 24 h', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    const r = await w.store.transact((tx) =>
      withdrawEntry(tx, e.id, as(w.amina), { now: at(24 * HOUR + 1) }),
    );
    expect(r).toEqual({ ok: false, reason: 'too_late' });
    expect((await ledger(w))[0]?.status).toBe('pending');
  });

  it('only the reporter, and not twice', async () => {
    const w = await world();
    const e = await report(
      w,
      { newcomerId: w.amina.id, minutes: 60, date: '2026-11-21', offerType: 'buddy' },
      w.buddy,
    );
    await w.store.transact((tx) => {
      for (const p of [w.amina, w.coach])
        expect(withdrawEntry(tx, e.id, as(p), { now: NOW })).toEqual({ ok: false, reason: 'not_allowed' });
      expect(withdrawEntry(tx, e.id, as(w.buddy), { now: NOW })).toMatchObject({ ok: true });
      expect(withdrawEntry(tx, e.id, as(w.buddy), { now: NOW })).toEqual({
        ok: false,
        reason: 'wrong_status',
      });
      expect(withdrawEntry(tx, 'l_nope', as(w.buddy), { now: NOW })).toEqual({
        ok: false,
        reason: 'not_found',
      });
    });
    expect((await ledger(w))[0]?.history.map((h) => h.action)).toEqual([
      'reported',
      'confirmed',
      'withdrawn',
    ]);
  });
});

describe('correctEntry', () => {
  it('a coach corrects a disputed entry: field -> [old, new] in the event, back to pending for the contact', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    const later = at(HOUR);
    const r = await w.store.transact((tx) => {
      disputeEntry(tx, e.id, as(w.org), { now: NOW, note: 'was korter' });
      return correctEntry(
        tx,
        e.id,
        { minutes: 45, date: '2026-11-20', organisation: 'Kringwinkel', description: undefined },
        as(w.coach, via),
        { now: later, note: 'na telefoon' },
      );
    });
    expect(r).toMatchObject({ ok: true, entry: { status: 'pending', minutes: 45, date: '2026-11-20' } });
    const stored = (await ledger(w))[0];
    expect(stored?.history.at(-1)).toEqual({
      at: later.toISOString(),
      by: w.coach.id,
      action: 'corrected',
      via,
      changes: { minutes: [90, 45], date: ['2026-11-21', '2026-11-20'] },
      note: 'na telefoon',
    });
    expect(stored?.description).toBeNull();
    const again = await w.store.transact((tx) => confirmEntry(tx, e.id, as(w.org), { now: later }));
    expect(again).toMatchObject({ ok: true, entry: { status: 'confirmed' } });
  });

  it('a coach may correct and confirm in one go', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    const r = await w.store.transact((tx) => {
      disputeEntry(tx, e.id, as(w.org), { now: NOW });
      return correctEntry(tx, e.id, { offerType: 'kennismakingsstage' }, as(w.admin), {
        now: NOW,
        confirm: true,
      });
    });
    expect(r.ok && r.entry.status).toBe('confirmed');
    expect(r.ok && r.entry.history.map((h) => [h.action, h.changes ?? null])).toEqual([
      ['reported', null],
      ['disputed', null],
      ['corrected', { offerType: ['vrijwilligerswerk', 'kennismakingsstage'] }],
      ['confirmed', null],
    ]);
  });

  it('a confirmed entry stays confirmed after a correction', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.org);
    const r = await w.store.transact((tx) =>
      correctEntry(tx, e.id, { minutes: 60 }, as(w.coach), { now: NOW }),
    );
    expect(r).toMatchObject({ ok: true, entry: { status: 'confirmed', minutes: 60 } });
  });

  it('only a coach or admin of the newcomer’s gemeente; not the newcomer, a buddy, the contact or a coach elsewhere', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    await w.store.transact((tx) => {
      for (const p of [w.amina, w.buddy, w.org, w.otherCoach])
        expect(correctEntry(tx, e.id, { minutes: 30 }, as(p), { now: NOW })).toEqual({
          ok: false,
          reason: 'not_allowed',
        });
      expect(correctEntry(tx, 'l_nope', { minutes: 30 }, as(w.coach), { now: NOW })).toEqual({
        ok: false,
        reason: 'not_found',
      });
    });
    expect((await ledger(w))[0]).toEqual(e);
  });

  it('the contact may correct only the minutes of a pending entry while confirming it (asContact)', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    await w.store.transact((tx) => {
      expect(
        correctEntry(tx, e.id, { date: '2026-11-20' }, as(w.org), { now: NOW, asContact: true }),
      ).toEqual({
        ok: false,
        reason: 'not_allowed',
      });
      expect(
        correctEntry(tx, e.id, { minutes: 60 }, as(w.org), { now: NOW, asContact: true, confirm: true }),
      ).toEqual({ ok: false, reason: 'not_allowed' });
      const r = correctEntry(tx, e.id, { minutes: 60 }, as(w.org), { now: NOW, asContact: true });
      expect(r).toMatchObject({ ok: true, entry: { status: 'pending', minutes: 60 } });
    });
  });

  it('a withdrawn entry cannot be corrected; a correction that changes nothing adds no event', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    const f = await report(w, { ...kringwinkel(w), date: '2026-11-22' }, w.amina);
    await w.store.transact((tx) => {
      withdrawEntry(tx, e.id, as(w.amina), { now: NOW });
      expect(correctEntry(tx, e.id, { minutes: 30 }, as(w.coach), { now: NOW })).toEqual({
        ok: false,
        reason: 'wrong_status',
      });
      expect(correctEntry(tx, f.id, { minutes: 90 }, as(w.coach), { now: NOW })).toEqual({
        ok: true,
        entry: f,
      });
    });
    expect((await ledger(w))[1]).toEqual(f);
  });

  it('throws a coded error for minutes <= 0 or a date that does not exist', async () => {
    const w = await world();
    const e = await report(w, kringwinkel(w), w.amina);
    for (const bad of [{ minutes: -5 }, { date: '2026-02-29' }]) {
      const err = await w.store
        .transact((tx) => correctEntry(tx, e.id, bad, as(w.coach), { now: NOW }))
        .then(
          () => null,
          (x: unknown) => x,
        );
      expect(isCodedError(err, 'INPUT_INVALID')).toBe(true);
    }
  });
});
