import { describe, expect, it } from 'vitest';
import {
  confirmEntry,
  correctEntry,
  disputeEntry,
  groupForProof,
  type LedgerEntry,
} from '../../../src/domain/index.js';
import { at, HOUR, ledger, NOW, report, via, world } from './world.js';

describe('groupForProof', () => {
  it('adds up activities at the same organisation on one proof; another organisation is another proof', async () => {
    const w = await world();
    const vw = (minutes: number, date: string, organisation: string, contactId: string | null = null) => ({
      newcomerId: w.amina.id,
      minutes,
      date,
      offerType: 'vrijwilligerswerk' as const,
      organisation,
      contactId,
    });
    // Two activities at the Kringwinkel, confirmed by its contact person.
    const a = await report(
      w,
      { ...vw(60, '2026-11-05', 'Kringwinkel', w.org.id), description: 'kassa' },
      w.org,
    );
    const b = await report(
      w,
      { ...vw(90, '2026-11-02', 'Kringwinkel', w.org.id), description: 'sorteren' },
      w.org,
    );
    // The library, no contact known: confirmed by the coach, after a message.
    const c = await report(w, vw(30, '2026-11-03', 'Bib'), w.amina);
    const d = await report(w, vw(45, '2026-11-10', ' bib '), w.amina);
    // Buddy meetings, and the same organisation under another offer type.
    const e = await report(
      w,
      { newcomerId: w.amina.id, minutes: 120, date: '2026-11-04', offerType: 'buddy' },
      w.buddy,
      NOW,
      via,
    );
    const f = await report(
      w,
      { ...vw(180, '2026-11-06', 'Kringwinkel', w.org.id), offerType: 'kennismakingsstage' },
      w.org,
    );
    // Not on any proof: pending, disputed, withdrawn-later-irrelevant.
    const g = await report(w, vw(600, '2026-11-07', 'Kringwinkel', w.org.id), w.amina);
    const h = await report(w, vw(200, '2026-11-08', 'Bib'), w.amina);
    await w.store.transact((tx) => {
      confirmEntry(tx, c.id, { personId: w.coach.id, via }, { now: at(HOUR) });
      correctEntry(tx, d.id, { minutes: 40 }, { personId: w.coach.id, via: null }, { now: at(2 * HOUR) });
      confirmEntry(tx, d.id, { personId: w.coach.id, via: null }, { now: at(3 * HOUR) });
      disputeEntry(tx, h.id, { personId: w.coach.id, via: null }, { now: NOW });
    });
    const all = await ledger(w);
    const byId = (x: LedgerEntry) => all.find((y) => y.id === x.id) as LedgerEntry;
    const groups = groupForProof(all);

    expect(
      groups.map((p) => [
        p.offerType,
        p.contact,
        p.contactId,
        p.organisation,
        p.totalMinutes,
        p.entries.map((x) => x.id),
      ]),
    ).toEqual([
      ['vrijwilligerswerk', w.org.id, w.org.id, 'Kringwinkel', 150, [b.id, a.id]],
      ['vrijwilligerswerk', 'Bib', null, 'Bib', 70, [c.id, d.id]],
      ['buddy', w.buddy.id, w.buddy.id, null, 120, [e.id]],
      ['kennismakingsstage', w.org.id, w.org.id, 'Kringwinkel', 180, [f.id]],
    ]);
    expect(groups.flatMap((p) => p.entries.map((x) => x.id))).not.toContain(g.id);
    expect(groups[1]?.confirmations).toEqual([
      {
        entryId: c.id,
        date: '2026-11-03',
        minutes: 30,
        by: w.coach.id,
        at: at(HOUR).toISOString(),
        via,
        corrected: false,
      },
      {
        entryId: d.id,
        date: '2026-11-10',
        minutes: 40,
        by: w.coach.id,
        at: at(3 * HOUR).toISOString(),
        via: null,
        corrected: true,
      },
    ]);
    expect(groups[2]?.confirmations).toEqual([
      {
        entryId: e.id,
        date: '2026-11-04',
        minutes: 120,
        by: w.buddy.id,
        at: NOW.toISOString(),
        via,
        corrected: false,
      },
    ]);
    expect(groups[0]?.entries).toEqual([byId(b), byId(a)]);
  });

  it('groups entries without contact or organisation as "unknown", per offer type', async () => {
    const w = await world();
    const x = await report(
      w,
      { newcomerId: w.amina.id, minutes: 60, date: '2026-11-02', offerType: 'groepsactiviteit' },
      w.amina,
    );
    const r = await w.store.transact((tx) =>
      confirmEntry(tx, x.id, { personId: w.coach.id, via: null }, { now: NOW }),
    );
    const groups = groupForProof(r.ok ? [r.entry] : []);
    expect(groups.map((p) => [p.offerType, p.contact, p.totalMinutes])).toEqual([
      ['groepsactiviteit', 'unknown', 60],
    ]);
  });

  it('keeps organisations apart even when their names contain separators', () => {
    const base: LedgerEntry = {
      v: 1,
      id: 'l_1',
      newcomerId: 'p_1',
      minutes: 60,
      date: '2026-11-02',
      offerType: 'vrije_tijd',
      organisation: 'A|B',
      contactId: null,
      description: null,
      reportedBy: 'p_1',
      via: null,
      status: 'confirmed',
      createdAt: '2026-11-02T10:00:00.000Z',
      history: [],
    };
    const groups = groupForProof([base, { ...base, id: 'l_2', organisation: 'A' }]);
    expect(groups.map((p) => [p.contact, p.totalMinutes])).toEqual([
      ['A|B', 60],
      ['A', 60],
    ]);
    expect(groupForProof([])).toEqual([]);
  });
});
