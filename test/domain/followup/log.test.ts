import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/app.js';
import { duoLog, logTemplate } from '../../../src/domain/followup/log.js';
import { CHECKIN_ANSWERS } from '../../../src/domain/followup/types.js';
import { LANGUAGES, renderTemplate } from '../../../src/i18n/index.js';
import { NOW, world, type World } from '../ledger/world.js';

const { i18n, flows } = loadContent();

/** A handled campaign event of duo d1 with the answer given to it. */
const answered = (w: World, eventId: string, answer: string, day: number) =>
  w.store.transact((tx) => {
    const id = `d1:${eventId}`;
    const at = new Date(NOW.getTime() + day * 86_400_000).toISOString();
    tx.put('followups', id, {
      v: 1,
      id,
      duoId: 'd1',
      campaign: 'vgc',
      eventId,
      dueAt: at,
      status: 'sent',
      at,
      answer,
      answeredAt: at,
    });
  });

const logIn = (w: World, lng: string) =>
  w.store.read(
    (tx) =>
      renderTemplate(i18n, logTemplate(duoLog(tx, w.amina.id, tx.get('duos', 'd1')!, 'Europe/Brussels')), lng)
        .text,
  );

describe('the duo log', () => {
  it('knows every answer a follow-up flow records', () => {
    const recorded = new Set<string>();
    for (const f of flows.all)
      for (const n of Object.values(f.nodes))
        for (const a of n.actions)
          if (a.type === 'call' && a.action === 'followup_answer' && typeof a.args?.['answer'] === 'string')
            recorded.add(a.args['answer']);
    expect([...recorded].sort()).toEqual([...CHECKIN_ANSWERS].sort());
  });

  it('shows check-in answers in words, not as codes, in every language', async () => {
    const w = await world();
    for (const [i, answer] of CHECKIN_ANSWERS.entries()) await answered(w, `e${i}`, answer, i);
    expect(await logIn(w, 'nl')).toContain(
      'Opvolging:\n' +
        '• ma 23/11: vraag aan het duo. Antwoord: we zagen elkaar.\n' +
        '• di 24/11: vraag aan het duo. Antwoord: we zagen elkaar niet.\n' +
        '• wo 25/11: vraag aan het duo. Antwoord: ik neem contact op.\n' +
        '• do 26/11: vraag aan het duo. Antwoord: ik heb een vraag voor de coach.',
    );
    for (const lng of LANGUAGES) {
      const text = await logIn(w, lng);
      for (const answer of CHECKIN_ANSWERS) {
        const words = i18n.t(lng, `coach:log.answer.${answer}`);
        expect(words, `${lng} ${answer}`).not.toMatch(/^coach:|^[a-z_]+$/);
        expect(text, `${lng} ${answer}`).toContain(words);
      }
    }
  });
});
