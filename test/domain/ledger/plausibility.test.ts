import { describe, expect, it } from 'vitest';
import { checkEntry, type CheckOptions, type EntryDraft } from '../../../src/domain/index.js';
import { at, HOUR, NOW, report, TODAY, world, type World } from './world.js';

const limits: CheckOptions = { today: TODAY, maxEntryMinutes: 720, maxDayMinutes: 960, now: NOW };
const check = (w: World, d: Partial<EntryDraft>, o: Partial<CheckOptions> = {}) =>
  w.store.read((tx) =>
    checkEntry(
      tx,
      { newcomerId: w.amina.id, minutes: 120, date: '2026-11-20', offerType: 'buddy', ...d },
      { ...limits, ...o },
    ),
  );

describe('checkEntry', () => {
  it('accepts a plausible entry', async () => {
    const w = await world();
    expect(await check(w, {})).toEqual({ ok: true });
  });

  it('refuses zero, negative and not-a-number minutes', async () => {
    const w = await world();
    for (const minutes of [0, -30, Number.NaN])
      expect(await check(w, { minutes })).toEqual({ ok: false, reason: 'zero' });
  });

  it('refuses an entry longer than maxEntryMinutes, and says the limit', async () => {
    const w = await world();
    expect(await check(w, { minutes: 720 })).toEqual({ ok: true });
    expect(await check(w, { minutes: 721 })).toEqual({
      ok: false,
      reason: 'entry_too_long',
      limitMinutes: 720,
    });
  });

  it('refuses a date after today; today itself is fine', async () => {
    const w = await world();
    expect(await check(w, { date: TODAY })).toEqual({ ok: true });
    expect(await check(w, { date: '2026-11-24' })).toEqual({ ok: false, reason: 'future' });
  });

  it('keeps inside the newcomer’s term, both ends included, and says the term', async () => {
    const w = await world();
    const term = { start: '2026-09-01', end: '2027-08-31' };
    expect(await check(w, { date: '2026-09-01' })).toEqual({ ok: true });
    expect(await check(w, { date: '2026-08-31' })).toEqual({
      ok: false,
      reason: 'before_start',
      trajectory: term,
    });
    const late = { today: '2027-09-15', now: new Date('2027-09-15T10:00:00Z') };
    expect(await check(w, { date: '2027-08-31' }, late)).toEqual({ ok: true });
    expect(await check(w, { date: '2027-09-01' }, late)).toEqual({
      ok: false,
      reason: 'after_end',
      trajectory: term,
    });
  });

  it('has no date bounds for a newcomer without a term', async () => {
    const w = await world();
    expect(await check(w, { newcomerId: w.omar.id, date: '2020-01-01' })).toEqual({ ok: true });
  });

  it('adds pending and confirmed minutes of the same day, not disputed, withdrawn or other days', async () => {
    const w = await world();
    const day = { newcomerId: w.amina.id, date: '2026-11-20', offerType: 'vrije_tijd' as const };
    await report(w, { ...day, minutes: 400 }, w.buddy); // pending: Sara is not the contact here
    await report(w, { ...day, minutes: 300, offerType: 'buddy' }, w.buddy); // confirmed, own duo
    const gone = await report(w, { ...day, minutes: 500 }, w.amina);
    const doubt = await report(w, { ...day, minutes: 500, contactId: w.org.id }, w.amina);
    await report(w, { ...day, minutes: 700, date: '2026-11-19' }, w.amina);
    await w.store.transact((tx) => {
      tx.put('ledger', gone.id, { ...gone, status: 'withdrawn' });
      tx.put('ledger', doubt.id, { ...doubt, status: 'disputed' });
    });
    // 400 + 300 = 700 counted; 260 more reaches 960 exactly.
    expect(await check(w, { minutes: 260 })).toEqual({ ok: true });
    expect(await check(w, { minutes: 261 })).toEqual({
      ok: false,
      reason: 'day_too_long',
      limitMinutes: 960,
    });
  });

  it('flags a near-identical entry reported within 48 h as a possible duplicate', async () => {
    const w = await world();
    const d = { newcomerId: w.amina.id, minutes: 120, date: '2026-11-20', offerType: 'buddy' as const };
    const e = await report(w, d, w.buddy);
    expect(await check(w, d)).toEqual({ ok: false, reason: 'duplicate', entryId: e.id });
    // Another offer type on the same day and minutes is still the same message sent twice.
    expect(await check(w, { ...d, offerType: 'vrije_tijd' })).toEqual({
      ok: false,
      reason: 'duplicate',
      entryId: e.id,
    });
    expect(await check(w, { ...d, minutes: 121 })).toEqual({ ok: true });
    expect(await check(w, { ...d, date: '2026-11-21' })).toEqual({ ok: true });
    expect(await check(w, { ...d, newcomerId: w.omar.id })).toEqual({ ok: true });
    expect(await check(w, d, { now: at(48 * HOUR) })).toEqual({
      ok: false,
      reason: 'duplicate',
      entryId: e.id,
    });
    expect(await check(w, d, { now: at(48 * HOUR + 1) })).toEqual({ ok: true });
  });

  it('lets a duplicate through after "yes, another activity" (ignoreDuplicate)', async () => {
    const w = await world();
    const d = { newcomerId: w.amina.id, minutes: 120, date: '2026-11-20', offerType: 'buddy' as const };
    await report(w, d, w.buddy);
    expect(await check(w, d, { ignoreDuplicate: true })).toEqual({ ok: true });
  });

  it('does not take a withdrawn entry for a duplicate', async () => {
    const w = await world();
    const d = { newcomerId: w.amina.id, minutes: 120, date: '2026-11-20', offerType: 'buddy' as const };
    const e = await report(w, d, w.buddy);
    await w.store.transact((tx) => tx.put('ledger', e.id, { ...e, status: 'withdrawn' }));
    expect(await check(w, d)).toEqual({ ok: true });
  });

  it('asks about the duplicate before the day total, then checks the day total once it is another activity', async () => {
    const w = await world();
    const d = { newcomerId: w.amina.id, minutes: 600, date: '2026-11-20', offerType: 'buddy' as const };
    const e = await report(w, d, w.buddy);
    expect(await check(w, d)).toEqual({ ok: false, reason: 'duplicate', entryId: e.id });
    expect(await check(w, d, { ignoreDuplicate: true })).toEqual({
      ok: false,
      reason: 'day_too_long',
      limitMinutes: 960,
    });
  });
});
