import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../../src/core/clock.js';
import { confirmEntry } from '../../../src/domain/index.js';
import { exportProofs, proofDocuments } from '../../../src/domain/proof/index.js';
import { at, HOUR, NOW, report, via, world } from '../ledger/world.js';

const TZ = 'Europe/Brussels';

describe('proofDocuments', () => {
  it('two organisations are two proofs; two activities with the same contact are one', async () => {
    const w = await world();
    const vw = { newcomerId: w.amina.id, offerType: 'vrijwilligerswerk' as const };
    const k1 = await report(
      w,
      {
        ...vw,
        minutes: 60,
        date: '2026-11-02',
        organisation: 'Kringwinkel',
        contactId: w.org.id,
        description: 'kassa',
      },
      w.org,
    );
    const k2 = await report(
      w,
      {
        ...vw,
        minutes: 90,
        date: '2026-11-04',
        organisation: 'Kringwinkel depot',
        contactId: w.org.id,
        description: 'sorteren',
      },
      w.org,
    );
    const bib = await report(w, { ...vw, minutes: 30, date: '2026-11-03', organisation: 'Bib' }, w.amina);
    const waiting = await report(
      w,
      { ...vw, minutes: 45, date: '2026-11-10', organisation: 'bib ' },
      w.amina,
    );
    await report(w, { ...vw, minutes: 20, date: '2026-11-11', organisation: 'Sportclub' }, w.amina);
    await w.store.transact((tx) =>
      confirmEntry(tx, bib.id, { personId: w.coach.id, via }, { now: at(HOUR) }),
    );
    const set = await w.store.read((tx) => proofDocuments(tx, w.amina.id, { now: NOW, timeZone: TZ }));
    expect(
      set.documents.map((d) => [
        d.offerType,
        d.organisation,
        d.contact,
        d.totalMinutes,
        d.lines.map((l) => l.entryId),
        d.pending.map((l) => l.entryId),
      ]),
    ).toEqual([
      ['vrijwilligerswerk', 'Kringwinkel', 'Kris', 150, [k1.id, k2.id], []],
      ['vrijwilligerswerk', 'Bib', null, 30, [bib.id], [waiting.id]],
    ]);
    expect(set.pendingElsewhere).toBe(1);
    expect(set.documents[1]!.confirmations).toEqual([
      {
        entryId: bib.id,
        date: '2026-11-03',
        minutes: 30,
        by: 'Lotte',
        byRole: 'coach',
        at: '2026-11-23 12:00',
        channel: 'whatsapp',
        corrected: false,
      },
    ]);
    expect(set.documents[0]!.term).toEqual({ start: '2026-09-01', end: '2027-08-31' });
  });

  it('exportProofs: scope, ambiguity and the audit record', async () => {
    const w = await world();
    const o = { now: NOW, ids: createSeededIds(5), timeZone: TZ, via: 'slack' };
    const r = await w.store.transact((tx) => ({
      mine: exportProofs(tx, w.coach, 'amina', o),
      other: exportProofs(tx, w.otherCoach, 'Amina', o),
      several: exportProofs(tx, null, '', o),
      byId: exportProofs(tx, null, w.omar.id, { ...o, via: 'cli' }),
      nobuddy: exportProofs(tx, w.buddy, 'Amina', o),
    }));
    expect(r.mine).toMatchObject({ ok: true, newcomer: { id: w.amina.id } });
    expect(r.other).toEqual({ ok: false, reason: 'none' });
    expect(r.several).toEqual({ ok: false, reason: 'none' });
    expect(r.byId).toMatchObject({ ok: true, newcomer: { id: w.omar.id } });
    expect(r.nobuddy).toEqual({ ok: false, reason: 'not_allowed' });
    const audit = await w.store.read((tx) => tx.list('audit'));
    expect(audit.map((a) => [a.actorId, a.what, a.subjectId, a.via, a.count])).toEqual([
      [w.coach.id, 'proof', w.amina.id, 'slack', 0],
      ['cli', 'proof', w.omar.id, 'cli', 0],
    ]);
    const twins = await w.store.transact((tx) => {
      tx.put('people', 'p_twin', { ...w.amina, id: 'p_twin' });
      return exportProofs(tx, null, 'Amina', o);
    });
    expect(twins).toEqual({
      ok: false,
      reason: 'several',
      names: [`Amina (${w.amina.id})`, 'Amina (p_twin)'],
    });
  });
});
