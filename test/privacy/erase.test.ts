import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import { addressKey, hashTag } from '../../src/core/messages.js';
import { seedDemo } from '../../src/domain/index.js';
import { erasePerson } from '../../src/domain/privacy/erase.js';
import { eraseNow } from '../../src/domain/privacy/requests.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { memoryStore } from '../helpers/store.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const AT = NOW.toISOString();
const SARA_WA = { channel: 'whatsapp', chat: '32499111222@c.us', user: '32499111222@c.us' };

/** The demo plus what a few months leave behind about Sara (the buddy) and Amina. */
const world = async () => {
  const store = memoryStore();
  const ids = await store.transact((tx) => {
    seedDemo(tx, NOW, LANGUAGES, 'console');
    const id = (n: string) => tx.list('people', (p) => p.name === n)[0]!.id;
    const [amina, sara] = [id('Amina'), id('Sara')];
    tx.put('identities', addressKey(SARA_WA), { v: 1, address: SARA_WA, personId: sara, linkedAt: AT });
    const via = { channel: 'whatsapp', messageId: `false_${SARA_WA.chat}_3EB0` };
    tx.put('ledger', 'le1', {
      v: 1,
      id: 'le1',
      newcomerId: amina,
      minutes: 90,
      date: '2026-11-20',
      offerType: 'buddy',
      organisation: null,
      contactId: sara,
      description: 'koffie met Sara',
      reportedBy: amina,
      via: null,
      status: 'confirmed',
      createdAt: AT,
      history: [
        { at: AT, by: amina, action: 'reported', via: null },
        { at: AT, by: sara, action: 'confirmed', via, note: 'leuk!' },
      ],
    });
    tx.put('surveys', 's1', {
      v: 1,
      id: 's1',
      newcomerId: amina,
      duoId: 'duo_demo1',
      respondentId: sara,
      role: 'buddy',
      moment: 'first_meeting',
      scores: { how_it_went: 5 },
      comment: 'Amina is top',
      lang: 'nl',
      at: AT,
    });
    tx.put('tasks', 't1', {
      v: 1,
      id: 't1',
      coachId: id('Lotte'),
      newcomerId: amina,
      duoId: 'duo_demo1',
      kind: 'call_buddy',
      dueDate: '2026-11-24',
      status: 'done',
      createdAt: AT,
      source: 'coach',
      detail: 'bel Sara',
      note: 'Sara ziek',
    });
    tx.put('closings', 'duo_demo1', {
      v: 1,
      id: 'duo_demo1',
      duoId: 'duo_demo1',
      buddy: { format: 'survey', extend: false, stayInTouch: true, at: AT },
      newcomer: { format: 'conversation', extend: true, stayInTouch: true, at: AT },
    });
    tx.put('followups', 'duo_demo1:checkin', {
      v: 1,
      id: 'duo_demo1:checkin',
      duoId: 'duo_demo1',
      campaign: 'vgc',
      eventId: 'checkin',
      dueAt: AT,
      status: 'sent',
      at: AT,
      answer: 'met',
      answeredAt: AT,
    });
    const hint = hashTag(addressKey(SARA_WA), 24);
    tx.put('attempts', hint, { v: 1, id: hint, failures: [AT] });
    tx.put('outbox', 'o1', {
      v: 1,
      id: 'o1',
      to: SARA_WA,
      message: { text: 'Hallo Sara' },
      createdAt: AT,
      status: 'failed',
      attempts: 3,
      nextAttemptAt: AT,
    });
    tx.put('jobs', 'j1', {
      v: 1,
      id: 'j1',
      kind: 'nudge',
      dueAt: AT,
      payload: { buddy: sara },
      status: 'due',
      doneAt: null,
    });
    return { amina, sara };
  });
  return { store, ...ids };
};

describe('erasing a buddy', () => {
  it('clears her from other people’s records too, keeps the newcomer’s proof, and writes nothing on a dry run', async () => {
    const { store, amina, sara } = await world();
    const before = await store.read((tx) => JSON.stringify(tx.list('ledger')));
    const dry = await store.transact((tx) => erasePerson(tx, sara, { now: NOW, dryRun: true }));
    expect(dry.ok).toBe(true);
    expect(await store.read((tx) => JSON.stringify(tx.list('ledger')))).toBe(before);
    expect(await store.read((tx) => tx.get('people', sara)!.name)).toBe('Sara');

    const r = await store.transact((tx) =>
      eraseNow(tx, sara, {
        now: NOW,
        ids: createSeededIds(2),
        via: 'cli',
        actorId: 'cli',
        reason: 'request',
      }),
    );
    expect(r.ok && r.report.deleted).toMatchObject({ identities: 2, outbox: 1, jobs: 1, attempts: 1 });
    const s = await store.read((tx) => ({
      sara: tx.get('people', sara)!,
      entry: tx.get('ledger', 'le1')!,
      survey: tx.get('surveys', 's1')!,
      task: tx.get('tasks', 't1')!,
      closing: tx.get('closings', 'duo_demo1')!,
      mark: tx.get('followups', 'duo_demo1:checkin')!,
      erasures: tx.list('erasures'),
      all: JSON.stringify(
        ['identities', 'outbox', 'jobs', 'attempts', 'ledger', 'surveys', 'tasks'].map((c) =>
          tx.list(c as 'jobs'),
        ),
      ),
    }));
    expect(s.sara).toMatchObject({ name: 'verwijderd', erasedAt: AT, broadcasts: false });
    expect(s.sara.keptBecause).toBeUndefined(); // no hours of her own
    // Amina's proof stays: minutes, date, type, status, who confirmed (an id); not the texts.
    expect(s.entry).toMatchObject({ minutes: 90, status: 'confirmed', contactId: sara, description: null });
    expect(s.entry.history[1]).toEqual({
      at: AT,
      by: sara,
      action: 'confirmed',
      via: { channel: 'whatsapp', messageId: 'erased' },
    }); // her note "leuk!" was her own free text
    expect(s.survey.comment).toBeNull();
    expect(s.task).toMatchObject({ detail: null, note: null });
    expect(s.closing.buddy).toBeNull();
    expect(s.closing.newcomer).not.toBeNull();
    expect(s.mark.answer).toBeUndefined();
    expect(s.all).not.toMatch(/Sara|32499111222/);
    expect(s.erasures).toMatchObject([
      { personId: sara, status: 'done', reason: 'request', decidedBy: 'cli' },
    ]);
    expect(await store.read((tx) => tx.get('people', amina)!.name)).toBe('Amina');
    // Twice is a value, not a crash.
    expect(await store.transact((tx) => erasePerson(tx, sara, { now: NOW }))).toEqual({
      ok: false,
      reason: 'already_erased',
    });
  });
});
