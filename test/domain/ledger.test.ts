import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import {
  addMunicipality,
  checkEntry,
  COLLECTIONS,
  confirmEntry,
  correctEntry,
  createPerson,
  DATA_VERSION,
  disputeEntry,
  groupForProof,
  milestonesCrossed,
  MIGRATIONS,
  progressBar,
  progressOf,
  recordEntry,
  withdrawEntry,
  type DataSchema,
  type Person,
} from '../../src/domain/index.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { createMemoryStore } from '../../src/store/index.js';

const now = new Date('2026-11-23T10:00:00Z');
const limits = { today: '2026-11-23', maxEntryMinutes: 720, maxDayMinutes: 960, now };

const world = async () => {
  const store = createMemoryStore<DataSchema>({
    schemaVersion: DATA_VERSION,
    migrations: MIGRATIONS,
    collections: COLLECTIONS,
  });
  const ids = createSeededIds(11);
  const ctx = { now, ids, actor: 'cli', inviteTtlDays: 14, languages: LANGUAGES };
  const people = await store.transact((tx) => {
    addMunicipality(tx, { id: 'gent', name: 'Gent' });
    addMunicipality(tx, { id: 'aalst', name: 'Aalst' });
    const mk = (name: string, role: Person['role'], municipality = 'gent') => {
      const r = createPerson(tx, { name, role, municipality }, ctx);
      if (!r.ok) throw new Error(name);
      return r.person;
    };
    const p = {
      coach: mk('Lotte', 'coach'),
      otherCoach: mk('Bram', 'coach', 'aalst'),
      buddy: mk('Sara', 'buddy'),
      amina: mk('Amina', 'newcomer'),
      org: mk('Kris', 'contact'),
    };
    tx.put('duos', 'd1', {
      v: 1,
      id: 'd1',
      newcomerId: p.amina.id,
      buddyId: p.buddy.id,
      coachId: p.coach.id,
      status: 'active',
      matchedAt: now.toISOString(),
    });
    tx.put('trajectories', 't1', {
      v: 1,
      id: 't1',
      newcomerId: p.amina.id,
      start: '2026-09-01',
      end: '2027-08-31',
      obligation: true,
    });
    return p;
  });
  return { store, ids, ...people };
};
const via = { channel: 'whatsapp', messageId: 'wamid.1' };

describe('the hours ledger', () => {
  it('a buddy’s own duo meeting is confirmed at once; a newcomer’s report waits, with its audit trail', async () => {
    const w = await world();
    const [own, report] = await w.store.transact((tx) => [
      recordEntry(
        tx,
        { newcomerId: w.amina.id, minutes: 120, date: '2026-11-20', offerType: 'buddy' },
        { personId: w.buddy.id, via },
        { now, ids: w.ids },
      ),
      recordEntry(
        tx,
        {
          newcomerId: w.amina.id,
          minutes: 90,
          date: '2026-11-21',
          offerType: 'vrijwilligerswerk',
          organisation: 'Kringwinkel',
          contactId: w.org.id,
        },
        { personId: w.amina.id, via },
        { now, ids: w.ids },
      ),
    ]);
    expect(own).toMatchObject({ status: 'confirmed', contactId: w.buddy.id, reportedBy: w.buddy.id, via });
    expect(own?.history.map((h) => [h.action, h.by])).toEqual([
      ['reported', w.buddy.id],
      ['confirmed', w.buddy.id],
    ]);
    expect(report).toMatchObject({ status: 'pending', contactId: w.org.id });
  });

  it('checks plausibility: zero, too long, day total, future, outside the term, near-duplicates within 48 h', async () => {
    const w = await world();
    const d = { newcomerId: w.amina.id, minutes: 120, date: '2026-11-20', offerType: 'buddy' as const };
    await w.store.transact((tx) => {
      expect(checkEntry(tx, { ...d, minutes: 0 }, limits)).toEqual({ ok: false, reason: 'zero' });
      expect(checkEntry(tx, { ...d, minutes: 721 }, limits)).toEqual({
        ok: false,
        reason: 'entry_too_long',
        limitMinutes: 720,
      });
      expect(checkEntry(tx, { ...d, date: '2026-11-24' }, limits)).toEqual({ ok: false, reason: 'future' });
      expect(checkEntry(tx, { ...d, date: '2026-08-31' }, limits)).toMatchObject({
        ok: false,
        reason: 'before_start',
        trajectory: { start: '2026-09-01' },
      });
      expect(checkEntry(tx, d, limits)).toEqual({ ok: true });
      const e = recordEntry(
        tx,
        { ...d, minutes: 600 },
        { personId: w.buddy.id, via: null },
        { now, ids: w.ids },
      );
      expect(checkEntry(tx, { ...d, minutes: 400 }, limits)).toEqual({
        ok: false,
        reason: 'day_too_long',
        limitMinutes: 960,
      });
      expect(checkEntry(tx, { ...d, minutes: 600 }, { ...limits, maxDayMinutes: 1440 })).toMatchObject({
        ok: false,
        reason: 'duplicate',
        entryId: e.id,
      });
      expect(
        checkEntry(tx, { ...d, minutes: 600 }, { ...limits, maxDayMinutes: 1440, ignoreDuplicate: true }),
      ).toEqual({ ok: true });
      expect(
        checkEntry(
          tx,
          { ...d, minutes: 600 },
          { ...limits, maxDayMinutes: 1440, now: new Date('2026-11-25T11:00:00Z'), today: '2026-11-25' },
        ),
      ).toEqual({ ok: true });
    });
  });

  it('only the contact or a coach of the gemeente confirms or disputes; changes are audited, nothing deleted', async () => {
    const w = await world();
    await w.store.transact((tx) => {
      const e = recordEntry(
        tx,
        {
          newcomerId: w.amina.id,
          minutes: 60,
          date: '2026-11-21',
          offerType: 'vrije_tijd',
          organisation: 'Praattafel',
          contactId: w.org.id,
        },
        { personId: w.amina.id, via: null },
        { now, ids: w.ids },
      );
      expect(confirmEntry(tx, e.id, { personId: w.amina.id, via: null }, { now })).toEqual({
        ok: false,
        reason: 'not_allowed',
      });
      expect(confirmEntry(tx, e.id, { personId: w.otherCoach.id, via: null }, { now })).toEqual({
        ok: false,
        reason: 'not_allowed',
      });
      const disputed = disputeEntry(tx, e.id, { personId: w.org.id, via }, { now, note: 'was er niet' });
      expect(disputed).toMatchObject({ ok: true, entry: { status: 'disputed' } });
      const corrected = correctEntry(
        tx,
        e.id,
        { minutes: 45 },
        { personId: w.coach.id, via: null },
        { now, note: 'na telefoon' },
      );
      expect(corrected).toMatchObject({ ok: true, entry: { status: 'pending', minutes: 45 } });
      const confirmed = confirmEntry(tx, e.id, { personId: w.coach.id, via: null }, { now });
      expect(confirmed).toMatchObject({ ok: true, entry: { status: 'confirmed' } });
      const h = tx.get('ledger', e.id)!.history;
      expect(h.map((x) => x.action)).toEqual(['reported', 'disputed', 'corrected', 'confirmed']);
      expect(h[2]).toMatchObject({ by: w.coach.id, changes: { minutes: [60, 45] }, note: 'na telefoon' });
      expect(correctEntry(tx, e.id, { minutes: 30 }, { personId: w.org.id, via: null }, { now })).toEqual({
        ok: false,
        reason: 'not_allowed',
      });
    });
  });

  it('the reporter withdraws within 24 h, not later and not someone else’s', async () => {
    const w = await world();
    await w.store.transact((tx) => {
      const e = recordEntry(
        tx,
        { newcomerId: w.amina.id, minutes: 60, date: '2026-11-21', offerType: 'buddy' },
        { personId: w.buddy.id, via: null },
        { now, ids: w.ids },
      );
      expect(withdrawEntry(tx, e.id, { personId: w.amina.id, via: null }, { now })).toEqual({
        ok: false,
        reason: 'not_allowed',
      });
      expect(
        withdrawEntry(
          tx,
          e.id,
          { personId: w.buddy.id, via: null },
          { now: new Date('2026-11-24T10:00:01Z') },
        ),
      ).toEqual({ ok: false, reason: 'too_late' });
      expect(withdrawEntry(tx, e.id, { personId: w.buddy.id, via: null }, { now })).toMatchObject({
        ok: true,
        entry: { status: 'withdrawn' },
      });
      expect(tx.count('ledger')).toBe(1);
    });
  });

  it('progress, pace per week, milestones and the text bar', async () => {
    const w = await world();
    const entries = await w.store.transact((tx) => [
      recordEntry(
        tx,
        { newcomerId: w.amina.id, minutes: 600, date: '2026-11-01', offerType: 'buddy' },
        { personId: w.buddy.id, via: null },
        { now, ids: w.ids },
      ),
      recordEntry(
        tx,
        {
          newcomerId: w.amina.id,
          minutes: 120,
          date: '2026-11-02',
          offerType: 'vrije_tijd',
          contactId: w.org.id,
        },
        { personId: w.amina.id, via: null },
        { now, ids: w.ids },
      ),
    ]);
    const p = progressOf(entries, { today: '2026-11-23', termEnd: '2026-12-21' });
    expect(p).toMatchObject({
      confirmedMinutes: 600,
      pendingMinutes: 120,
      remainingMinutes: 1800,
      weeksLeft: 4,
      minutesPerWeek: 450,
      done: false,
    });
    expect(p.byOfferType.buddy).toEqual({ confirmed: 600, pending: 0 });
    expect(progressBar(600)).toBe('▓▓░░░░░░░░');
    expect(progressBar(2400)).toBe('▓▓▓▓▓▓▓▓▓▓');
    expect(milestonesCrossed(540, 1260)).toEqual([10, 20]);
    expect(milestonesCrossed(600, 660)).toEqual([]);
  });

  it('groups confirmed hours per offer type and contact, as the bewijs van deelname does', async () => {
    const w = await world();
    const entries = await w.store.transact((tx) => {
      const a = recordEntry(
        tx,
        {
          newcomerId: w.amina.id,
          minutes: 60,
          date: '2026-11-02',
          offerType: 'vrijwilligerswerk',
          organisation: 'Kringwinkel',
          contactId: w.org.id,
        },
        { personId: w.org.id, via: null },
        { now, ids: w.ids },
      );
      const b = recordEntry(
        tx,
        {
          newcomerId: w.amina.id,
          minutes: 90,
          date: '2026-11-01',
          offerType: 'vrijwilligerswerk',
          organisation: 'Kringwinkel',
          contactId: w.org.id,
        },
        { personId: w.org.id, via: null },
        { now, ids: w.ids },
      );
      const c = recordEntry(
        tx,
        {
          newcomerId: w.amina.id,
          minutes: 30,
          date: '2026-11-03',
          offerType: 'vrijwilligerswerk',
          organisation: 'Bib',
        },
        { personId: w.amina.id, via: null },
        { now, ids: w.ids },
      );
      const d = recordEntry(
        tx,
        { newcomerId: w.amina.id, minutes: 120, date: '2026-11-04', offerType: 'buddy' },
        { personId: w.buddy.id, via: null },
        { now, ids: w.ids },
      );
      const cc = confirmEntry(tx, c.id, { personId: w.coach.id, via: null }, { now });
      return [a, b, cc.ok ? cc.entry : c, d];
    });
    const groups = groupForProof(entries);
    expect(groups.map((g) => [g.offerType, g.contact, g.totalMinutes, g.entries.map((e) => e.date)])).toEqual(
      [
        ['vrijwilligerswerk', w.org.id, 150, ['2026-11-01', '2026-11-02']],
        ['vrijwilligerswerk', 'Bib', 30, ['2026-11-03']],
        ['buddy', w.buddy.id, 120, ['2026-11-04']],
      ],
    );
  });
});
