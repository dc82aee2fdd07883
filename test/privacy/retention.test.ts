import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import { seedDemo, type DataSchema } from '../../src/domain/index.js';
import { retentionJobs } from '../../src/domain/privacy/jobs.js';
import { addMonths, retentionDue, runRetention } from '../../src/domain/privacy/retention.js';
import type { Store } from '../../src/core/store.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { memoryStore } from '../helpers/store.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const TODAY = '2026-11-23';

/**
 * The demo, with Amina's term over since 2025-10-31 (more than a year), Yusuf's trajectory ended
 * (term end 2026-06-30, less than a year), and the duo Amina–Sara still running.
 */
const world = async (): Promise<{ store: Store<DataSchema>; id: (name: string) => string }> => {
  const store = memoryStore();
  await store.transact((tx) => {
    seedDemo(tx, NOW, LANGUAGES, 'console');
    const id = (name: string) => tx.list('people', (p) => p.name === name)[0]!.id;
    const term = (name: string) => tx.list('trajectories', (t) => t.newcomerId === id(name))[0]!;
    tx.put('trajectories', term('Amina').id, { ...term('Amina'), start: '2024-10-31', end: '2025-10-31' });
    tx.put('trajectories', term('Yusuf').id, { ...term('Yusuf'), end: '2026-06-30', status: 'ended' });
  });
  const names = await store.read((tx) => new Map(tx.list('people').map((p) => [p.name, p.id])));
  return { store, id: (name) => names.get(name)! };
};

describe('retention', () => {
  it('adds months the way a calendar does', () => {
    expect(addMonths('2025-10-31', 12)).toBe('2026-10-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('keeps the day when the month has it and crosses years, leap days included', () => {
    expect(addMonths('2026-03-15', 0)).toBe('2026-03-15');
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-12-31', 120)).toBe('2036-12-31');
  });

  it('a dry run lists who and why and changes nothing; the real run erases them once', async () => {
    const { store, id } = await world();
    const o = { now: NOW, today: TODAY, months: 12, ids: createSeededIds(3), actorId: 'cli', via: 'cli' };
    const dry = await store.transact((tx) => runRetention(tx, { ...o, dryRun: true }));
    expect(dry).toEqual([
      { personId: id('Amina'), role: 'newcomer', municipality: 'wetteren', why: 'term', since: '2025-10-31' },
    ]);
    expect(await store.read((tx) => [tx.get('people', id('Amina'))!.name, tx.count('erasures')])).toEqual([
      'Amina',
      0,
    ]);

    const real = await store.transact((tx) => runRetention(tx, o));
    expect(real).toEqual(dry);
    const after = await store.read((tx) => ({
      amina: tx.get('people', id('Amina'))!,
      erasures: tx.list('erasures'),
      audit: tx.list('audit'),
    }));
    expect(after.amina).toMatchObject({ name: 'verwijderd', erasedAt: NOW.toISOString() });
    expect(after.erasures).toMatchObject([{ personId: id('Amina'), reason: 'retention', status: 'done' }]);
    expect(after.audit).toMatchObject([
      { action: 'erase', what: 'retention', subjectId: id('Amina'), actorId: 'cli' },
    ]);
    expect(await store.transact((tx) => runRetention(tx, o))).toEqual([]);
  });

  it('counts from the end of an ended trajectory, and a buddy from their last duo', async () => {
    const { store, id } = await world();
    await store.transact((tx) => {
      const duo = tx.get('duos', 'duo_demo1')!;
      tx.put('duos', duo.id, { ...duo, status: 'ended', endedAt: '2026-07-31T10:00:00.000Z' });
    });
    const due = await store.read((tx) => retentionDue(tx, TODAY, 3).map((c) => [c.personId, c.why, c.since]));
    const byId = (x: string[], y: string[]) => x[0]!.localeCompare(y[0]!);
    expect(due.sort(byId)).toEqual(
      [
        [id('Amina'), 'term', '2025-10-31'],
        [id('Yusuf'), 'ended', '2026-06-30'],
        [id('Sara'), 'ended', '2026-07-31'],
      ].sort(byId),
    );
    // With a year, Yusuf and Sara are still within it; Lotte (a coach) never is.
    expect(await store.read((tx) => retentionDue(tx, TODAY, 12).map((c) => c.personId))).toEqual([
      id('Amina'),
    ]);
  });

  it('runs as the nightly job, planned once a day', async () => {
    const { store, id } = await world();
    const jobs = retentionJobs({ timeZone: 'Europe/Brussels', months: 12 });
    await store.transact((tx) => jobs.plan(tx, NOW));
    const planned = await store.read((tx) => tx.list('jobs', (j) => j.kind === 'privacy_retention'));
    expect(planned.map((j) => [j.id, j.dueAt])).toEqual([
      ['privacy-retention:2026-11-24', '2026-11-24T02:30:00.000Z'],
    ]);
    await store.transact((tx) => jobs.handlers['privacy_retention']!(tx, planned[0]!, NOW));
    expect(await store.read((tx) => tx.get('people', id('Amina'))!.name)).toBe('verwijderd');
    expect(await store.read((tx) => tx.list('audit')[0]!.actorId)).toBe('system');
  });
});
