import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/app.js';
import type { LedgerEntry } from '../../../src/domain/index.js';
import { coachDigest, digestTemplates, isEmptyDigest } from '../../../src/domain/followup/digest.js';
import { coachDigestJobs } from '../../../src/domain/followup/coach-jobs.js';
import { createTask } from '../../../src/domain/followup/tasks.js';
import type { Job } from '../../../src/domain/schema.js';
import type { Template } from '../../../src/core/effects.js';
import { renderTemplate } from '../../../src/i18n/index.js';
import { NOW, world, type World } from '../ledger/world.js';

const S = { timeZone: 'Europe/Brussels', nudgeDays: 14, termEndWarningDays: 60 };
const { i18n } = loadContent();
const dutch = (w: World, today: string) =>
  w.store.read((tx) =>
    digestTemplates(coachDigest(tx, w.coach, today, S)).map((t) => renderTemplate(i18n, t, 'nl').text),
  );

let n = 0;
/** Puts a ledger entry of Amina (by default a confirmed buddy meeting with Sara) as stored. */
const entry = (w: World, e: Partial<LedgerEntry>) =>
  w.store.transact((tx) => {
    const id = `le${++n}`;
    tx.put('ledger', id, {
      v: 1,
      id,
      newcomerId: w.amina.id,
      minutes: 60,
      date: '2026-11-20',
      offerType: 'buddy',
      organisation: null,
      contactId: w.buddy.id,
      description: null,
      reportedBy: w.amina.id,
      via: null,
      status: 'confirmed',
      createdAt: NOW.toISOString(),
      history: [],
      ...e,
    });
  });

const digestOn = (w: World, today: string, staff = w.coach, s = S) =>
  w.store.read((tx) => coachDigest(tx, staff, today, s));

describe('the coach digest', () => {
  it('shows tasks due today and overdue with days late, oldest first; not tomorrow', async () => {
    const w = await world();
    const add = (dueDate: string, omar = false) =>
      w.store.transact((tx) =>
        createTask(
          tx,
          {
            newcomerId: omar ? w.omar.id : w.amina.id,
            duoId: omar ? null : 'd1',
            kind: omar ? 'call_newcomer' : 'call_buddy',
            dueDate,
            source: `t:${dueDate}`,
          },
          { now: NOW, ids: w.ids },
        ),
      );
    await add('2026-11-23');
    await add('2026-11-20', true);
    await add('2026-11-24');
    const d = await digestOn(w, '2026-11-23');
    expect(d.tasks.map((t) => [t.task.dueDate, t.newcomer, t.buddy, t.daysLate])).toEqual([
      ['2026-11-20', 'Omar', null, 3],
      ['2026-11-23', 'Amina', 'Sara', 0],
    ]);
    expect(await dutch(w, '2026-11-23')).toEqual([
      '📋 Goedemorgen Lotte. Dit staat klaar voor ma 23/11:\n• Opvolggesprekken en taken: 2',
      '📌 Bel de inburgeraar: Omar.\n3 dagen te laat.',
      '📌 Bel de buddy: Amina en Sara.\nVoor vandaag.',
    ]);
    // The day before, the task due "tomorrow" is not there yet.
    expect((await digestOn(w, '2026-11-22')).tasks.map((t) => [t.newcomer, t.daysLate])).toEqual([
      ['Omar', 2],
    ]);
    // Another coach sees none of them.
    expect(isEmptyDigest(await digestOn(w, '2026-11-23', w.otherCoach))).toBe(true);
  });

  it('shows a duo quiet for exactly INACTIVITY_NUDGE_DAYS, not one day less, with a Logboek choice', async () => {
    const w = await world();
    // d1 was matched on 2026-11-23 and never met.
    expect((await digestOn(w, '2026-12-06')).quiet).toEqual([]);
    expect((await digestOn(w, '2026-12-07')).quiet).toEqual([
      { duoId: 'd1', newcomer: 'Amina', buddy: 'Sara', since: '2026-11-23', days: 14 },
    ]);
    const templates = await w.store.read((tx) => digestTemplates(coachDigest(tx, w.coach, '2026-12-07', S)));
    expect(templates[1]!.choices).toEqual([
      { value: '/netwerkbot log d1', label: 'coach:digest.choice.log' },
    ]);
    expect(renderTemplate(i18n, templates[1]!, 'nl').text).toBe(
      '💤 Amina en Sara zagen elkaar niet meer sinds ma 23/11. Dat is 14 dagen.',
    );
    // A meeting starts a new quiet period; a paused duo is never quiet.
    await entry(w, { date: '2026-12-01' });
    expect((await digestOn(w, '2026-12-07')).quiet).toEqual([]);
    await w.store.transact((tx) => tx.put('duos', 'd1', { ...tx.get('duos', 'd1')!, status: 'paused' }));
    expect((await digestOn(w, '2027-01-30')).quiet).toEqual([]);
  });

  it('sums hours waiting for a confirmation per newcomer, with the oldest date and who must confirm', async () => {
    const w = await world();
    await entry(w, { status: 'pending', minutes: 90, date: '2026-11-18' });
    await entry(w, {
      status: 'pending',
      minutes: 60,
      date: '2026-11-16',
      offerType: 'vrije_tijd',
      contactId: null,
    });
    await entry(w, { status: 'confirmed', minutes: 120, date: '2026-11-10' });
    await entry(w, {
      status: 'pending',
      minutes: 30,
      date: '2026-11-21',
      newcomerId: w.omar.id,
      contactId: w.org.id,
    });
    const d = await digestOn(w, '2026-11-23');
    expect(d.waiting).toEqual([
      {
        newcomerId: w.amina.id,
        newcomer: 'Amina',
        count: 2,
        minutes: 150,
        oldest: '2026-11-16',
        who: ['Sara', null],
      },
      { newcomerId: w.omar.id, newcomer: 'Omar', count: 1, minutes: 30, oldest: '2026-11-21', who: ['Kris'] },
    ]);
    expect((await dutch(w, '2026-11-23')).at(-1)).toBe(
      '⏳ Deze uren wachten op bevestiging:\n' +
        '• Amina: 2 keer, samen 2,5 uur. Sinds ma 16/11. Wacht op Sara en de coach.\n' +
        '• Omar: 1 keer, samen 0,5 uur. Sinds za 21/11. Wacht op Kris.',
    );
  });

  it('warns about a term ending within TERM_END_WARNING_DAYS (the end day too) under 40 confirmed hours', async () => {
    const w = await world();
    // Amina's term ends on 2027-08-31: 60 days before is 2027-07-02.
    expect((await digestOn(w, '2027-07-01')).termEnds).toEqual([]);
    expect((await digestOn(w, '2027-07-02')).termEnds).toEqual([
      { newcomerId: w.amina.id, newcomer: 'Amina', end: '2027-08-31', daysLeft: 60, confirmedMinutes: 0 },
    ]);
    expect((await digestOn(w, '2027-08-31')).termEnds).toHaveLength(1);
    expect((await digestOn(w, '2027-09-01')).termEnds).toEqual([]);
    await entry(w, { minutes: 2399, date: '2027-06-01', offerType: 'vrijwilligerswerk', contactId: null });
    expect((await digestOn(w, '2027-07-02')).termEnds[0]?.confirmedMinutes).toBe(2399);
    expect((await dutch(w, '2027-08-30')).at(-1)).toBe(
      '⌛ Deze trajecten lopen bijna af. Er zijn nog geen 40 uur bevestigd:\n' +
        '• Amina: tot di 31/8, nog 1 dag. 39,98 uur bevestigd.',
    );
    await entry(w, { minutes: 1, date: '2027-06-02' });
    expect((await digestOn(w, '2027-07-02')).termEnds).toEqual([]);
  });

  it('gives an admin what no coach follows; an empty digest has no messages', async () => {
    const w = await world();
    expect(isEmptyDigest(await digestOn(w, '2026-11-23', w.admin))).toBe(true);
    expect(await w.store.read((tx) => digestTemplates(coachDigest(tx, w.admin, '2026-11-23', S)))).toEqual(
      [],
    );
    await w.store.transact((tx) => {
      tx.put('people', w.omar.id, { ...tx.get('people', w.omar.id)!, coachId: null });
      createTask(
        tx,
        { newcomerId: w.omar.id, kind: 'other', dueDate: '2026-11-23', source: 'x', detail: 'Bellen' },
        { now: NOW, ids: w.ids },
      );
    });
    await entry(w, { status: 'pending', newcomerId: w.omar.id });
    const d = await digestOn(w, '2026-11-23', w.admin);
    expect(d.tasks.map((t) => t.task.detail)).toEqual(['Bellen']);
    expect(d.waiting.map((x) => x.newcomer)).toEqual(['Omar']);
    expect((await digestOn(w, '2026-11-23')).waiting).toEqual([]);
  });
});

describe('the coach digest job', () => {
  /** Lotte, Bram and the admin linked to a chat, with something of each coach's in the digest. */
  const busyWorld = async () => {
    const w = await world();
    await w.store.transact((tx) => {
      for (const p of [w.coach, w.otherCoach, w.admin]) {
        const address = { channel: 'memory', chat: p.id, user: p.id };
        tx.put('identities', `memory:${p.id}`, {
          v: 1,
          address,
          personId: p.id,
          linkedAt: NOW.toISOString(),
        });
      }
      // Omar is followed by nobody: the admin's.
      tx.put('people', w.omar.id, { ...tx.get('people', w.omar.id)!, coachId: null });
      createTask(
        tx,
        { newcomerId: w.amina.id, duoId: 'd1', kind: 'call_buddy', dueDate: '2027-07-02', source: 'a' },
        { now: NOW, ids: w.ids },
      );
      createTask(
        tx,
        {
          newcomerId: w.amina.id,
          kind: 'other',
          dueDate: '2027-07-01',
          source: 'coach',
          coachId: w.otherCoach.id,
        },
        { now: NOW, ids: w.ids },
      );
    });
    await entry(w, { status: 'pending', date: '2027-06-30' });
    await entry(w, { status: 'pending', newcomerId: w.omar.id, contactId: null, date: '2027-06-29' });
    return w;
  };

  const S_JOB = {
    ...S,
    cron: '0 9 * * 1-5',
    render: (t: Template, lng: string) => renderTemplate(i18n, t, lng),
  };
  const JOB: Job = {
    v: 1,
    id: 'coach-digest:2027-07-02',
    kind: 'coach_digest',
    dueAt: '2027-07-02T07:00:00.000Z',
    payload: { date: '2027-07-02' },
    status: 'due',
    doneAt: null,
  };
  const runJob = (w: World, reads?: Map<string, number>) =>
    w.store.transact((tx) => {
      const counted = new Proxy(tx, {
        get: (t, k, r) =>
          k === 'list'
            ? (c: string, f?: never) => {
                reads?.set(c, (reads.get(c) ?? 0) + 1);
                return t.list(c as 'ledger', f);
              }
            : (Reflect.get(t, k, r) as unknown),
      });
      const run = coachDigestJobs(S_JOB).handlers['coach_digest'] as (t: typeof tx, j: Job, n: Date) => void;
      run(counted, JOB, new Date('2027-07-02T07:00:00Z'));
    });

  it('sends each coach and admin the same digest as their own coachDigest, in their own rows', async () => {
    const w = await busyWorld();
    await runJob(w);
    const rows = await w.store.read((tx) => tx.list('outbox', (o) => o.id.startsWith('coach-digest:')));
    for (const staff of [w.coach, w.otherCoach, w.admin]) {
      const expected = await w.store.read((tx) =>
        digestTemplates(coachDigest(tx, staff, '2027-07-02', S)).map(
          (t) => renderTemplate(i18n, t, 'nl').text,
        ),
      );
      expect(expected.length, staff.name).toBeGreaterThan(1);
      const mine = rows
        .filter((o) => o.id.startsWith(`coach-digest:${staff.id}:2027-07-02:`))
        .sort((a, b) => a.id.localeCompare(b.id));
      expect(
        mine.map((o) => o.message.text),
        staff.name,
      ).toEqual(expected);
    }
  });

  it('reads the ledger and the trajectories a fixed number of times, however many coaches there are', async () => {
    const few = await busyWorld();
    const fewReads = new Map<string, number>();
    await runJob(few, fewReads);
    const many = await busyWorld();
    await many.store.transact((tx) => {
      for (let i = 0; i < 5; i++) {
        const id = `p_coach${i}`;
        tx.put('people', id, { ...tx.get('people', few.coach.id)!, id, name: `Coach ${i}` });
        const address = { channel: 'memory', chat: id, user: id };
        tx.put('identities', `memory:${id}`, { v: 1, address, personId: id, linkedAt: NOW.toISOString() });
      }
    });
    const manyReads = new Map<string, number>();
    await runJob(many, manyReads);
    expect(manyReads.get('ledger')).toBe(fewReads.get('ledger'));
    expect(manyReads.get('trajectories')).toBe(fewReads.get('trajectories'));
  });
});
