import { describe, expect, it } from 'vitest';
import {
  duosOfBuddy,
  entriesOf,
  knownActivitiesOf,
  lastEntryBy,
  openConfirmationsFor,
  trajectoryOf,
  withdrawEntry,
  type NewEntry,
} from '../../../src/domain/index.js';
import { at, HOUR, NOW, report, world, type World } from './world.js';

const vt = (
  w: World,
  date: string,
  organisation: string | null,
  description: string | null = null,
): NewEntry => ({
  newcomerId: w.amina.id,
  minutes: 60,
  date,
  offerType: 'vrije_tijd',
  organisation,
  description,
  contactId: w.org.id,
});

describe('ledger queries', () => {
  it('entriesOf: all of a newcomer’s entries, withdrawn too, by date then by reporting time', async () => {
    const w = await world();
    const a = await report(w, vt(w, '2026-11-10', 'X'), w.amina, NOW);
    const b = await report(w, vt(w, '2026-11-02', 'X'), w.amina, at(HOUR));
    const c = await report(w, vt(w, '2026-11-10', 'Y'), w.amina, at(-HOUR));
    await report(w, { ...vt(w, '2026-11-01', 'X'), newcomerId: w.omar.id }, w.omar);
    await w.store.transact((tx) =>
      withdrawEntry(tx, a.id, { personId: w.amina.id, via: null }, { now: NOW }),
    );
    expect(await w.store.read((tx) => entriesOf(tx, w.amina.id).map((e) => [e.id, e.status]))).toEqual([
      [b.id, 'pending'],
      [c.id, 'pending'],
      [a.id, 'withdrawn'],
    ]);
  });

  it('openConfirmationsFor: pending entries naming this contact, oldest report first', async () => {
    const w = await world();
    const late = await report(w, vt(w, '2026-11-01', 'X'), w.amina, at(2 * HOUR));
    const early = await report(w, vt(w, '2026-11-05', 'X'), w.amina, at(HOUR));
    await report(w, vt(w, '2026-11-06', 'X'), w.org); // self-confirmed
    await report(w, { ...vt(w, '2026-11-07', 'X'), contactId: null }, w.amina);
    expect(await w.store.read((tx) => openConfirmationsFor(tx, w.org.id).map((e) => e.id))).toEqual([
      early.id,
      late.id,
    ]);
    expect(await w.store.read((tx) => openConfirmationsFor(tx, w.buddy.id))).toEqual([]);
  });

  it('duosOfBuddy: only active duos', async () => {
    const w = await world();
    expect(await w.store.read((tx) => duosOfBuddy(tx, w.buddy.id).map((d) => d.id))).toEqual(['d1']);
    expect(await w.store.read((tx) => duosOfBuddy(tx, w.exBuddy.id))).toEqual([]);
  });

  it('lastEntryBy: the newest non-withdrawn entry this person reported', async () => {
    const w = await world();
    const first = await report(w, vt(w, '2026-11-20', 'X'), w.amina, NOW);
    const second = await report(w, vt(w, '2026-11-01', 'Y'), w.amina, at(HOUR));
    await report(w, vt(w, '2026-11-21', 'Z'), w.org, at(2 * HOUR));
    expect(await w.store.read((tx) => lastEntryBy(tx, w.amina.id)?.id)).toBe(second.id);
    await w.store.transact((tx) =>
      withdrawEntry(tx, second.id, { personId: w.amina.id, via: null }, { now: at(HOUR) }),
    );
    expect(await w.store.read((tx) => lastEntryBy(tx, w.amina.id)?.id)).toBe(first.id);
    expect(await w.store.read((tx) => lastEntryBy(tx, w.coach.id))).toBeUndefined();
  });

  it('knownActivitiesOf: organisation or description, most used first, then most recent, at most 5', async () => {
    const w = await world();
    const places: [string, string | null, string | null][] = [
      ['2026-11-01', 'Praattafel', null],
      ['2026-11-02', 'praattafel ', null],
      ['2026-11-03', 'Praattafel', null],
      ['2026-11-01', 'Kringwinkel', null],
      ['2026-11-04', 'Kringwinkel', null],
      ['2026-11-02', null, 'wandeling'],
      ['2026-11-05', 'Bib', null],
      ['2026-11-06', 'Sporthal', null],
      ['2026-11-07', 'Zwembad', null],
      ['2026-11-08', null, null],
    ];
    for (const [date, org, desc] of places) await report(w, vt(w, date, org, desc), w.amina);
    const gone = await report(w, vt(w, '2026-11-09', 'Weg', null), w.amina);
    await w.store.transact((tx) =>
      withdrawEntry(tx, gone.id, { personId: w.amina.id, via: null }, { now: NOW }),
    );
    await report(w, { ...vt(w, '2026-11-09', null, 'koffie'), offerType: 'buddy' }, w.buddy);
    expect(await w.store.read((tx) => knownActivitiesOf(tx, w.amina.id))).toEqual([
      'Praattafel',
      'Kringwinkel',
      'Zwembad',
      'Sporthal',
      'Bib',
    ]);
    expect(await w.store.read((tx) => knownActivitiesOf(tx, w.omar.id))).toEqual([]);
  });

  it('trajectoryOf: the newcomer’s term or undefined', async () => {
    const w = await world();
    expect(await w.store.read((tx) => trajectoryOf(tx, w.amina.id)?.id)).toBe('t1');
    expect(await w.store.read((tx) => trajectoryOf(tx, w.omar.id))).toBeUndefined();
  });
});
