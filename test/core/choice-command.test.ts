/**
 * A button whose value is a staff command (`/netwerkbot task done t_1`, as the coach digest sends)
 * runs that command as if it were typed: the flow the person is in stays where it was, and the
 * press is deduplicated like any message.
 */
import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import { addressKey } from '../../src/core/messages.js';
import { createTask } from '../../src/domain/followup/tasks.js';
import { createTestBot } from '../helpers/bot.js';

const press = (choice: string, id?: string) => ({ kind: 'choice' as const, choice, ...(id ? { id } : {}) });

describe('a button whose value is a side command', () => {
  it('runs the command and leaves the flow where it was', async () => {
    const bot = await createTestBot();
    const amina = bot.user('amina');
    await amina.says(bot.code('amina'));
    await amina.says('1');
    expect(amina.lastReply).toMatch(/^Ga je akkoord\?/);
    await amina.sends(press('/netwerkbot hours Amina'));
    // A newcomer may not use it: the refusal is the command's own reply, not a miss of the flow.
    expect(amina.replies).toEqual(['Dit commando is alleen voor coaches en beheerders.']);
    await amina.says('1');
    const person = await bot.store.read((tx) => tx.get('people', bot.demo.invited[0]!.person.id));
    expect(person?.consent?.given).toBe(true);
  });

  it('answers a coach with the command, in any case and with the arguments after it', async () => {
    const bot = await createTestBot();
    const lotte = bot.user('lotte');
    await lotte.sends(press('/NetwerkBot help'));
    expect(lotte.replies).toHaveLength(1);
    expect(lotte.lastReply).toContain('/netwerkbot hours <naam>');
    await lotte.sends(press('/netwerkbot duo list'));
    expect(lotte.replies).toEqual([
      "Lopende duo's:\n• Amina en Sara: loopt. Sinds 23/11/2026, 2× per maand, 6 maanden.",
    ]);
  });

  it('passes a value that names no known command to the flow as a plain choice', async () => {
    const bot = await createTestBot();
    const amina = bot.user('amina');
    await amina.says(bot.code('amina'));
    await amina.says('1');
    await amina.sends(press('/dansen nu'));
    expect(amina.replies[0]).toBe('Sorry, dat begrijp ik niet.');
    await amina.sends(press('netwerkbot help'));
    expect(amina.replies[0]).toBe('Sorry, dat begrijp ik niet.');
  });

  it('runs a press once, however often the platform delivers it', async () => {
    const bot = await createTestBot();
    const lotte = bot.user('lotte');
    const amina = bot.demo.invited[0]!.person.id;
    const task = await bot.store.transact(
      (tx) =>
        createTask(
          tx,
          {
            newcomerId: amina,
            duoId: 'duo_demo1',
            kind: 'call_newcomer',
            dueDate: '2026-11-23',
            source: 'test',
          },
          { now: bot.clock.now(), ids: createSeededIds(3) },
        ).id,
    );
    await lotte.sends(press(`/netwerkbot task later ${task}`, 'press-1'));
    expect(lotte.replies).toEqual(['🗓️ Amina en Sara: de taak komt terug op ma 30/11.']);
    await lotte.sends(press(`/netwerkbot task later ${task}`, 'press-1'));
    expect(lotte.replies).toEqual([]);
    expect(await bot.store.read((tx) => tx.get('tasks', task))).toMatchObject({
      dueDate: '2026-11-30',
      postponed: 1,
    });
  });

  it('keeps the flow a command starts for the one who pressed (the note after Klaar)', async () => {
    const bot = await createTestBot();
    const lotte = bot.user('lotte');
    const amina = bot.demo.invited[0]!.person.id;
    const task = await bot.store.transact(
      (tx) =>
        createTask(
          tx,
          { newcomerId: amina, kind: 'call_newcomer', dueDate: '2026-11-23', source: 'test' },
          { now: bot.clock.now(), ids: createSeededIds(3) },
        ).id,
    );
    await lotte.sends(press(`/netwerkbot task done ${task}`, 'press-2'));
    const key = addressKey({ channel: 'console', chat: 'lotte', user: 'lotte' });
    const saved = await bot.store.read((tx) => tx.get('conversations', key)!.state);
    expect(saved.flow).toBe('task-note');
    expect(saved.vars['task']).toBe(task);
    expect(saved.seen).toContain('press-2');
  });
});
