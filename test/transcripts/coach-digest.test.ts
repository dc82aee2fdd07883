import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import { COACH_DIGEST_CRON } from '../../src/domain/followup/coach-jobs.js';
import { createTask } from '../../src/domain/followup/tasks.js';
import type { TaskKind } from '../../src/domain/followup/types.js';
import { createTestBot, type TestBot } from '../helpers/bot.js';

/** The staff command as a coach types it. */
const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });
/** A button press whose value is a staff command (the digest's Klaar / Een week later / Logboek). */
const press = (choice: string) => ({ kind: 'choice' as const, choice });

// The test bot starts on Monday 23 November 2026, 10:00 in Brussels; the demo duo Amina and Sara
// was matched then. 09:00 in Brussels is 08:00Z in winter.
const at = (date: string) => new Date(`${date}T08:00:00Z`);

const ready = async () => {
  const bot = await createTestBot({ coachDigestCron: COACH_DIGEST_CRON });
  await bot.app.tick(); // plans the first digest, as the running bot does within seconds
  const lotte = bot.user('lotte');
  const ids = await bot.store.read((tx) => ({
    amina: tx.list('people', (p) => p.name === 'Amina')[0]!.id,
    yusuf: tx.list('people', (p) => p.name === 'Yusuf')[0]!.id,
  }));
  let n = 0;
  const task = (kind: TaskKind, newcomerId: string, dueDate: string, duoId: string | null = null) =>
    bot.store.transact(
      (tx) =>
        createTask(
          tx,
          { newcomerId, duoId, kind, dueDate, source: `test:${kind}:${dueDate}` },
          { now: bot.clock.now(), ids: { ...createSeededIds(1), next: (prefix) => `${prefix}_test${++n}` } },
        ).id,
    );
  return { bot, lotte, ids, task };
};

/** Runs the scheduler at 09:00 Brussels on `date`. */
const nineOn = async (bot: TestBot, date: string) => {
  bot.clock.set(at(date));
  for (let i = 0; i < 3; i++) {
    await bot.app.tick();
    await bot.app.idle();
  }
};

describe('the daily coach digest', () => {
  it('comes at 09:00 on a weekday with one message per task and its three choices, not on Saturday', async () => {
    const { bot, lotte, ids, task } = await ready();
    const id = await task('call_buddy', ids.amina, '2026-11-24', 'duo_demo1');
    await task('call_newcomer', ids.yusuf, '2026-11-26');
    const before = lotte.all.length;
    await nineOn(bot, '2026-11-24');
    const got = lotte.all.slice(before);
    expect(got).toEqual([
      '📋 Goedemorgen Lotte. Dit staat klaar voor di 24/11:\n• Opvolggesprekken en taken: 1',
      `📌 Bel de buddy: Amina en Sara.\nVoor vandaag.\n1. Klaar\n2. Een week later\n3. Logboek`,
    ]);
    const sent = bot.channel.sent.filter((s) => s.to.user === 'lotte').at(-1)!.message;
    expect(sent.choices?.map((c) => c.value)).toEqual([
      `/netwerkbot task done ${id}`,
      `/netwerkbot task later ${id}`,
      '/netwerkbot log duo_demo1',
    ]);

    // Thursday: both tasks, the oldest first and how late it is.
    await nineOn(bot, '2026-11-26');
    const thursday = lotte.all.slice(before + 2);
    expect(thursday[0]).toContain('• Opvolggesprekken en taken: 2');
    expect(thursday[1]).toContain('📌 Bel de buddy: Amina en Sara.\n2 dagen te laat.');
    expect(thursday[2]).toContain('📌 Bel de inburgeraar: Yusuf.\nVoor vandaag.');

    // Friday's comes; Saturday and Sunday none.
    await nineOn(bot, '2026-11-27');
    const saturday = lotte.all.length;
    await nineOn(bot, '2026-11-28');
    await nineOn(bot, '2026-11-29');
    expect(lotte.all.length).toBe(saturday);
    // Monday again: the same once, even after another tick.
    await nineOn(bot, '2026-11-30');
    await nineOn(bot, '2026-11-30');
    expect(lotte.all.length).toBe(saturday + 3);
  });

  it('sends nothing to a coach with nothing due', async () => {
    const { bot, lotte } = await ready();
    const before = lotte.all.length;
    await nineOn(bot, '2026-11-24');
    expect(lotte.all.length).toBe(before);
  });
});

describe('/netwerkbot due, task and log', () => {
  it('says so in one line when nothing is due, and shows the digest now otherwise', async () => {
    const { lotte, ids, task } = await ready();
    await lotte.sends(staff('due'));
    expect(lotte.replies).toEqual([
      "✅ Niets te doen vandaag. Geen gesprekken, geen stille duo's, geen uren die wachten.",
    ]);
    await task('call_newcomer', ids.yusuf, '2026-11-23');
    await lotte.sends(staff('due'));
    expect(lotte.replies).toHaveLength(2);
    expect(lotte.replies[1]).toBe(
      '📌 Bel de inburgeraar: Yusuf.\nVoor vandaag.\n1. Klaar\n2. Een week later\n3. Logboek',
    );
  });

  it('marks a task done from its button, asks for a note and keeps it for the log', async () => {
    const { bot, lotte, ids, task } = await ready();
    const id = await task('call_buddy', ids.amina, '2026-11-23', 'duo_demo1');
    await lotte.sends(press(`/netwerkbot task done ${id}`));
    expect(lotte.replies).toEqual([
      '✅ Klaar: Bel de buddy, Amina en Sara.',
      'Wil je een korte notitie voor het logboek? Typ ze nu. Of kies 1: geen notitie.\n1. Geen notitie',
    ]);
    await lotte.says('Sara heeft het druk, ze zien elkaar vanaf januari.');
    expect(lotte.replies).toEqual(['📝 Je notitie staat in het logboek.']);
    const done = await bot.store.read((tx) => tx.get('tasks', id));
    expect(done).toMatchObject({
      status: 'done',
      doneBy: bot.demo.coach.id,
      doneAt: '2026-11-23T09:00:00.000Z',
      note: 'Sara heeft het druk, ze zien elkaar vanaf januari.',
    });

    // The same press again (a double click is a new message): already done, nothing asked.
    await lotte.sends(press(`/netwerkbot task done ${id}`));
    expect(lotte.replies).toEqual(['Die taak over Amina en Sara is al klaar.']);

    // The log shows the note with its date.
    await lotte.sends(press('/netwerkbot log duo_demo1'));
    expect(lotte.replies).toHaveLength(1);
    expect(lotte.lastReply).toContain('📒 Logboek van Amina en Sara (duo duo_demo1, loopt)');
    expect(lotte.lastReply).toContain(
      'Opvolging:\n• ma 23/11: Bel de buddy. Notitie: Sara heeft het druk, ze zien elkaar vanaf januari.',
    );
  });

  it('takes "1" for no note, and a note typed with the command asks nothing', async () => {
    const { bot, lotte, ids, task } = await ready();
    const first = await task('call_newcomer', ids.amina, '2026-11-23', 'duo_demo1');
    const second = await task('call_newcomer', ids.yusuf, '2026-11-23');
    await lotte.sends(staff(`task done ${first}`));
    await lotte.says('1');
    expect(lotte.replies).toEqual(['Oké, zonder notitie.']);
    await lotte.sends(staff(`task done ${second} notitie="Yusuf werkt nu, bellen na 17 uur"`));
    expect(lotte.replies).toEqual(['✅ Klaar: Bel de inburgeraar, Yusuf. Je notitie staat in het logboek.']);
    const tasks = await bot.store.read((tx) => [tx.get('tasks', first)!, tx.get('tasks', second)!]);
    expect(tasks.map((t) => [t.status, t.note ?? null])).toEqual([
      ['done', null],
      ['done', 'Yusuf werkt nu, bellen na 17 uur'],
    ]);
  });

  it('moves a task a week on, lists, adds, and refuses what is unknown', async () => {
    const { bot, lotte, ids, task } = await ready();
    const id = await task('closing_conversation', ids.amina, '2026-11-20', 'duo_demo1');
    await lotte.sends(press(`/netwerkbot task later ${id}`));
    expect(lotte.replies).toEqual(['🗓️ Amina en Sara: de taak komt terug op ma 30/11.']);
    expect(await bot.store.read((tx) => tx.get('tasks', id))).toMatchObject({
      dueDate: '2026-11-30',
      postponed: 1,
      status: 'open',
    });
    await lotte.sends(staff('task add Yusuf wanneer=2026-12-02 wat="Vragen naar de sportclub"'));
    expect(lotte.lastReply).toMatch(/^📌 Nieuwe taak over Yusuf voor wo 2\/12 \(\S+\)\.$/);
    await lotte.sends(staff('task list'));
    expect(lotte.replies).toHaveLength(1);
    expect(lotte.lastReply).toMatch(
      /^📌 Jouw open taken:\n• ma 30\/11: Slotgesprek, Amina en Sara \(\S+\)\n• wo 2\/12: Taak, Yusuf \(\S+\)$/,
    );
    await lotte.sends(staff('task done t_nope'));
    expect(lotte.replies).toEqual(['Ik vind geen taak t_nope. Typ /netwerkbot task list.']);
    await lotte.sends(staff('task add Karel'));
    expect(lotte.replies).toEqual(['Ik vind geen inburgeraar met de naam Karel in jouw gemeente.']);
    await lotte.sends(staff('task add Yusuf wanneer=morgen'));
    expect(lotte.replies).toEqual(['Schrijf de datum zo: wanneer=2026-12-01']);
    await lotte.sends(staff('task'));
    expect(lotte.lastReply).toContain('/netwerkbot task done <nummer>');
  });

  it("shows a duo's log: meetings with date, time, content and status", async () => {
    const { bot, lotte, ids } = await ready();
    await bot.store.transact((tx) => {
      const base = {
        v: 1 as const,
        newcomerId: ids.amina,
        offerType: 'buddy' as const,
        organisation: null,
        contactId: bot.demo.buddy.id,
        reportedBy: bot.demo.buddy.id,
        via: null,
        createdAt: '2026-11-23T09:00:00.000Z',
        history: [],
      };
      tx.put('ledger', 'le1', {
        ...base,
        id: 'le1',
        minutes: 90,
        date: '2026-11-21',
        description: 'Markt',
        status: 'confirmed',
      });
      tx.put('ledger', 'le2', {
        ...base,
        id: 'le2',
        minutes: 120,
        date: '2026-11-22',
        description: null,
        status: 'pending',
      });
    });
    await lotte.sends(staff('log Amina'));
    expect(lotte.replies).toEqual([
      '📒 Logboek van Amina en Sara (duo duo_demo1, loopt)\n\n' +
        'Ontmoetingen:\n• za 21/11: 1,5 uur. Markt. Bevestigd.\n• zo 22/11: 2 uur. Niets beschreven. Wacht op bevestiging.\n\n' +
        'Opvolging:\nNog geen opvolging.',
    ]);
    await lotte.sends(staff('log Yusuf'));
    expect(lotte.lastReply).toBe(
      '📒 Logboek van Yusuf (nog geen duo)\n\nOntmoetingen:\nNog geen ontmoetingen doorgegeven.\n\nOpvolging:\nNog geen opvolging.',
    );
    await lotte.sends(staff('log Karel'));
    expect(lotte.lastReply).toBe('Ik vind geen inburgeraar of duo Karel in jouw gemeente.');
  });

  it('is refused to a buddy, also from a button', async () => {
    const { bot, ids, task } = await ready();
    const id = await task('call_newcomer', ids.amina, '2026-11-23');
    const sara = bot.user('sara');
    await sara.sends(press(`/netwerkbot task done ${id}`));
    expect(sara.replies).toEqual(['Dit commando is alleen voor coaches en beheerders.']);
    expect(await bot.store.read((tx) => tx.get('tasks', id)?.status)).toBe('open');
  });
});
