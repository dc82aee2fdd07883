/**
 * The coach digest in Slack, over the fake Web API and signed requests into Bolt: the digest
 * arrives as DMs with Block Kit buttons; pressing "Klaar" edits that message in place
 * (chat.update, "→ Klaar"), marks the task done in the store and asks for a note.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type App } from '../../src/app.js';
import { createSeededIds, ManualClock } from '../../src/core/clock.js';
import { seedDemo } from '../../src/domain/index.js';
import { COACH_DIGEST_CRON } from '../../src/domain/followup/coach-jobs.js';
import { createTask } from '../../src/domain/followup/tasks.js';
import { createSlackHarness, type SlackHarness } from '../fakes/slack/harness.js';
import { onlyChat } from '../helpers/identity.js';
import { content, startApp } from '../helpers/app.js';
import { memoryStore } from '../helpers/store.js';

describe('slack: the coach digest', () => {
  let h: SlackHarness;
  let app: App;
  afterEach(async () => {
    await app.stop();
    await h.close();
  });

  it('arrives with buttons; Klaar edits the message in place and marks the task done', async () => {
    h = await createSlackHarness();
    const store = memoryStore();
    // Monday 23 November 2026, 10:00 in Brussels: the first digest is Tuesday's, at 09:00.
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const demo = await store.transact((tx) => seedDemo(tx, clock.now(), content.i18n.languages, 'console'));
    const task = await store.transact((tx) => {
      // Lotte works in Slack: her only chat is her Slack DM.
      onlyChat(tx, demo.coach.id, h.privateAddress('lotte'), clock.now());
      return createTask(
        tx,
        {
          newcomerId: demo.invited[0]!.person.id,
          duoId: 'duo_demo1',
          kind: 'call_buddy',
          dueDate: '2026-11-24',
          source: 'test',
        },
        { now: clock.now(), ids: createSeededIds(4) },
      );
    });
    app = await startApp({ store, channels: [h.channel], clock, coachDigestCron: COACH_DIGEST_CRON });
    await app.tick();

    clock.set(new Date('2026-11-24T08:00:00Z'));
    await app.tick();
    await app.idle();
    const chat = h.privateAddress('lotte').chat;
    const digest = h.sent(chat);
    expect(digest.map((m) => m.text)).toEqual([
      '📋 Goedemorgen Lotte. Dit staat klaar voor di 24/11:\n• Opvolggesprekken en taken: 1',
      '📌 Bel de buddy: Amina en Sara.\nVoor vandaag.',
    ]);
    expect(digest[1]!.buttons).toEqual(['Klaar', 'Een week later', 'Logboek']);

    await h.userPicks('lotte', 0);
    await h.settle();
    await app.idle();
    const updates = h.api.calls.filter((c) => c.method === 'chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args).toMatchObject({ ts: digest[1]!.platformId.split(':')[1] });
    const after = h.sent(chat);
    const pressed = after.find((m) => m.platformId === digest[1]!.platformId)!;
    expect(pressed.buttons).toEqual([]);
    expect(pressed.text).toBe('📌 Bel de buddy: Amina en Sara.\nVoor vandaag.\n\n→ Klaar');
    expect(after.slice(2).map((m) => [m.text, m.buttons])).toEqual([
      ['✅ Klaar: Bel de buddy, Amina en Sara.', []],
      ['Wil je een korte notitie voor het logboek? Typ ze nu. Of kies 1: geen notitie.', ['Geen notitie']],
    ]);
    expect(await store.read((tx) => tx.get('tasks', task.id))).toMatchObject({
      status: 'done',
      doneBy: demo.coach.id,
      doneAt: '2026-11-24T08:00:00.000Z',
    });

    await h.userSays('lotte', 'Sara belt volgende week terug.');
    await h.settle();
    await app.idle();
    expect(h.sent(chat).at(-1)!.text).toBe('📝 Je notitie staat in het logboek.');
    expect((await store.read((tx) => tx.get('tasks', task.id)))?.note).toBe('Sara belt volgende week terug.');
  });
});
