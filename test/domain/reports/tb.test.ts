import { describe, expect, it } from 'vitest';
import { confirmEntry } from '../../../src/domain/index.js';
import { tbReport } from '../../../src/domain/reports/tb.js';
import { NOW, report, world } from '../ledger/world.js';

const TZ = 'Europe/Brussels';

/** Amina (term 2026-09-01..2027-08-31) with entries around the quarter Oct-Dec 2026; Omar without a term. */
const setup = async () => {
  const w = await world();
  const e = (minutes: number, date: string, offerType: 'buddy' | 'vrijwilligerswerk' = 'vrijwilligerswerk') =>
    report(w, { newcomerId: w.amina.id, minutes, date, offerType, organisation: 'Bib' }, w.amina);
  const before = await e(60, '2026-09-30');
  const first = await e(120, '2026-10-01');
  const last = await e(30, '2026-12-31', 'buddy');
  const after = await e(45, '2027-01-01');
  await e(15, '2026-11-15');
  await w.store.transact((tx) => {
    for (const x of [before, first, last, after])
      confirmEntry(tx, x.id, { personId: w.coach.id, via: null }, { now: NOW });
    const d1 = tx.get('duos', 'd1')!;
    tx.put('duos', 'd1', { ...d1, status: 'paused', pausedAt: '2026-12-20T23:30:00Z', pausedDays: 12 });
    tx.put('followups', 'f1', {
      v: 1,
      id: 'f1',
      duoId: 'd1',
      campaign: 'vgc',
      eventId: 'checkin',
      dueAt: '2026-12-01T09:00:00Z',
      status: 'sent',
      at: '2026-12-01T09:00:00Z',
      answer: 'met',
      answeredAt: '2027-01-02T10:00:00Z',
    });
  });
  return w;
};

describe('tbReport', () => {
  it('counts the hours dated from --from to --to, both days included', async () => {
    const w = await setup();
    const rows = await w.store.read((tx) =>
      tbReport(tx, { from: '2026-10-01', to: '2026-12-31', timeZone: TZ }),
    );
    expect(rows.map((r) => r.newcomer)).toEqual(['Amina']);
    expect(rows[0]).toMatchObject({
      status: 'active',
      obligation: true,
      termStart: '2026-09-01',
      termEnd: '2027-08-31',
      confirmedMinutes: 150,
      pendingMinutes: 15,
      confirmedTotalMinutes: 210,
      offerTypes: ['buddy', 'vrijwilligerswerk'],
      pausedDays: 12,
      pausedSince: '2026-12-21',
      // The check-in answered on 2 January is after the period: the last activity counts.
      lastContact: '2026-12-31',
      coach: 'Lotte',
      gemeente: 'Gent',
    });
  });

  it('one day later on both sides moves the edges; without a period every newcomer is listed', async () => {
    const w = await setup();
    const shifted = await w.store.read((tx) =>
      tbReport(tx, { from: '2026-10-02', to: '2027-01-01', timeZone: TZ }),
    );
    expect(shifted[0]).toMatchObject({
      confirmedMinutes: 75,
      confirmedTotalMinutes: 255,
      lastContact: '2027-01-01',
    });
    const all = await w.store.read((tx) => tbReport(tx, { timeZone: TZ }));
    expect(all.map((r) => [r.newcomer, r.status, r.confirmedMinutes, r.lastContact])).toEqual([
      ['Amina', 'active', 255, '2027-01-02'],
      ['Omar', 'none', 0, null],
    ]);
    const aalst = await w.store.read((tx) => tbReport(tx, { municipality: 'aalst', timeZone: TZ }));
    expect(aalst).toEqual([]);
  });
});
