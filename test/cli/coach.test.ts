import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import { localDate } from '../../src/domain/dates.js';
import { createTask } from '../../src/domain/followup/tasks.js';
import { wetterenCli } from '../helpers/cli.js';
import { fileStore } from '../helpers/store.js';

/**
 * A fresh data directory: gemeente Wetteren, coach Lotte, newcomers Amina and Yusuf, buddy Sara,
 * the duo Amina and Sara, and two tasks due today (put in through the store: tasks come from
 * campaigns and the chat, the CLI only works them off).
 */
const setup = async () => {
  const { dir, run, person } = await wetterenCli('coach');
  await person('Lotte', 'coach');
  await person('Amina', 'newcomer', '--coach', 'Lotte');
  await person('Yusuf', 'newcomer', '--coach', 'Lotte');
  await person('Sara', 'buddy');
  expect((await run('duo', 'add', '--newcomer', 'Amina', '--buddy', 'Sara')).code).toBe(0);
  const today = localDate(new Date(), 'Europe/Brussels');
  const store = await fileStore(dir);
  const ids = await store.transact((tx) => {
    const id = (name: string) => tx.list('people', (p) => p.name === name)[0]!.id;
    const duo = tx.list('duos')[0]!;
    const o = { now: new Date(), ids: createSeededIds(5) };
    const a = createTask(
      tx,
      { newcomerId: id('Amina'), duoId: duo.id, kind: 'call_buddy', dueDate: today, source: 'test' },
      o,
    );
    const y = createTask(
      tx,
      { newcomerId: id('Yusuf'), kind: 'call_newcomer', dueDate: today, source: 'test' },
      { ...o, ids: { ...o.ids, next: () => 't_yusuf' } },
    );
    tx.put('ledger', 'le1', {
      v: 1,
      id: 'le1',
      newcomerId: id('Amina'),
      minutes: 90,
      date: today,
      offerType: 'buddy',
      organisation: null,
      contactId: id('Sara'),
      description: 'Koffie in de bib',
      reportedBy: id('Sara'),
      via: null,
      status: 'confirmed',
      createdAt: new Date().toISOString(),
      history: [],
    });
    return { amina: a.id, yusuf: y.id, duo: duo.id };
  });
  await store.close();
  return { run, ids };
};

describe('coach and task commands', () => {
  it('prints the digest, works tasks off, lists them and shows the duo log', async () => {
    const { run, ids } = await setup();
    const digest = await run('coach', 'digest', '--coach', 'Lotte');
    expect(digest.code).toBe(0);
    expect(digest.out).toContain('📋 Goedemorgen Lotte.');
    expect(digest.out).toContain('• Opvolggesprekken en taken: 2');
    expect(digest.out).toContain(
      '📌 Bel de buddy: Amina en Sara.\nVoor vandaag.\n1. Klaar\n2. Een week later\n3. Logboek',
    );
    expect(digest.out).toContain('📌 Bel de inburgeraar: Yusuf.');

    const list = await run('task', 'list', '--coach', 'Lotte');
    expect(list.code).toBe(0);
    expect(list.out.trim().split('\n')).toHaveLength(2);
    expect(list.out).toContain(`${ids.yusuf}  `);
    expect(list.out).toContain('Bel de inburgeraar  Yusuf  coach: Lotte');

    expect(await run('task', 'done', ids.amina, '--note', 'Sara is tevreden')).toMatchObject({
      code: 0,
      out: `Taak ${ids.amina} is klaar (Bel de buddy, Amina en Sara).\n`,
    });
    expect(await run('task', 'done', ids.amina)).toMatchObject({
      code: 1,
      err: `Taak ${ids.amina} is al klaar.\n`,
    });
    const later = await run('task', 'later', ids.yusuf);
    expect(later.code).toBe(0);
    expect(later.out).toMatch(
      new RegExp(
        `^Taak ${ids.yusuf} komt terug op \\d{4}-\\d{2}-\\d{2} \\(Bel de inburgeraar, Yusuf\\)\\.\\n$`,
      ),
    );
    expect((await run('coach', 'digest', '--coach', 'Lotte')).out).toMatch(/^Niets te doen voor Lotte op /);

    const log = await run('duo', 'log', '--newcomer', 'Amina');
    expect(log.code).toBe(0);
    expect(log.out).toContain(`📒 Logboek van Amina en Sara (duo ${ids.duo}, loopt)`);
    expect(log.out).toMatch(/Ontmoetingen:\n• \S+ \d+\/\d+: 1,5 uur\. Koffie in de bib\. Bevestigd\./);
    expect(log.out).toMatch(/Opvolging:\n• \S+ \d+\/\d+: Bel de buddy\. Notitie: Sara is tevreden/);
    expect((await run('duo', 'log', '--duo', ids.duo)).out).toBe(log.out);
  }, 180_000);

  it('refuses unknown coaches, tasks and duos (exit 1) and says how to use it (exit 2)', async () => {
    const { run } = await setup();
    expect(await run('coach', 'digest', '--coach', 'Karel')).toMatchObject({
      code: 1,
      err: 'Ik ken geen coach of beheerder Karel.\n',
    });
    expect(await run('coach', 'digest', '--coach', 'Sara')).toMatchObject({ code: 1 });
    expect(await run('task', 'done', 't_nope')).toMatchObject({
      code: 1,
      err: 'Ik vind geen taak t_nope.\n',
    });
    expect(await run('duo', 'log', '--duo', 'd_nope')).toMatchObject({
      code: 1,
      err: 'Ik ken geen duo d_nope.\n',
    });
    expect(await run('duo', 'log', '--newcomer', 'Karel')).toMatchObject({ code: 1 });
    const noCoach = await run('coach', 'digest');
    expect(noCoach.code).toBe(2);
    expect(noCoach.err).toContain('coach digest --coach <naam|id>');
    expect((await run('task', 'done')).code).toBe(2);
    expect((await run('task', 'dansen')).code).toBe(2);
    expect((await run('duo', 'log')).code).toBe(2);
  }, 180_000);
});
