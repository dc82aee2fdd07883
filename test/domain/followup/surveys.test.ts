import { describe, expect, it } from 'vitest';
import type { WriteTx } from '../../../src/core/store.js';
import { addMunicipality, createPerson, seedDemo, type DataSchema } from '../../../src/domain/index.js';
import {
  hasAnswered,
  saveSurvey,
  surveysOf,
  type SurveyAnswers,
} from '../../../src/domain/followup/surveys.js';
import { createSeededIds } from '../../../src/core/clock.js';
import { LANGUAGES } from '../../../src/i18n/index.js';
import { memoryStore } from '../../helpers/store.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const at = (iso: string) => ({ now: new Date(iso) });

/** The demo world (Amina and Sara are duo_demo1, gemeente wetteren) plus a duo Bilal–Jan in Gent. */
const world = async () => {
  const store = memoryStore();
  const ids = await store.transact((tx: WriteTx<DataSchema>) => {
    const demo = seedDemo(tx, NOW, LANGUAGES);
    addMunicipality(tx, { id: 'gent', name: 'Gent' });
    // The demo counts its ids from p_000001 too: ours get their own letter.
    const seeded = createSeededIds(5);
    const ownIds = { ...seeded, next: (prefix: string) => seeded.next(`${prefix}g`) };
    const o = { now: NOW, ids: ownIds, actor: 'test', inviteTtlDays: 14, languages: LANGUAGES };
    const make = (name: string, role: 'newcomer' | 'buddy', lang: string) => {
      const r = createPerson(tx, { name, role, municipality: 'gent', lang }, o);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.person.id;
    };
    const bilal = make('Bilal', 'newcomer', 'ar');
    const jan = make('Jan', 'buddy', 'nl');
    tx.put('duos', 'duo_gent', {
      v: 1,
      id: 'duo_gent',
      newcomerId: bilal,
      buddyId: jan,
      coachId: null,
      status: 'active',
      matchedAt: NOW.toISOString(),
    });
    return {
      amina: demo.invited[0]!.person.id,
      yusuf: demo.invited[1]!.person.id,
      sara: demo.buddy.id,
      lotte: demo.coach.id,
      bilal,
      jan,
    };
  });
  const save = (a: SurveyAnswers, when = NOW.toISOString()) =>
    store.transact((tx) => saveSurvey(tx, a, at(when)));
  return { store, ids, save };
};

describe('saveSurvey', () => {
  it("stores one response with the role taken from the duo and the respondent's language", async () => {
    const { store, ids, save } = await world();
    const r = await save({
      duoId: 'duo_gent',
      respondentId: ids.bilal,
      moment: 'three_months',
      scores: { met_people: 4, at_home: 2 },
      comment: '  Goed zo  ',
    });
    expect(r).toMatchObject({ ok: true, replaced: false });
    expect(await store.read((tx) => tx.list('surveys'))).toEqual([
      {
        v: 1,
        id: `duo_gent:${ids.bilal}:three_months`,
        newcomerId: ids.bilal,
        duoId: 'duo_gent',
        respondentId: ids.bilal,
        role: 'newcomer',
        moment: 'three_months',
        scores: { met_people: 4, at_home: 2 },
        comment: 'Goed zo',
        lang: 'ar',
        at: NOW.toISOString(),
      },
    ]);
    const buddy = await save({
      duoId: 'duo_gent',
      respondentId: ids.jan,
      moment: 'end',
      scores: { courage_dutch: 5 },
    });
    expect(buddy).toMatchObject({
      ok: true,
      survey: { role: 'buddy', newcomerId: ids.bilal, lang: 'nl', comment: null },
    });
  });

  it('replaces the earlier response to the same moment (one per person, moment and duo)', async () => {
    const { store, ids, save } = await world();
    const a = { duoId: 'duo_demo1', respondentId: ids.amina, moment: 'first_meeting' } as const;
    await save({ ...a, scores: { how_it_went: 2 }, comment: 'eerste keer' });
    const again = await save({ ...a, scores: { how_it_went: 5 } }, '2026-11-25T10:00:00Z');
    expect(again).toMatchObject({ ok: true, replaced: true });
    await save({ ...a, moment: 'end', scores: { at_home: 3 } });
    const all = await store.read((tx) => tx.list('surveys'));
    expect(all.map((s) => [s.moment, s.scores, s.comment, s.at])).toEqual([
      ['first_meeting', { how_it_went: 5 }, null, '2026-11-25T10:00:00.000Z'],
      ['end', { at_home: 3 }, null, NOW.toISOString()],
    ]);
  });

  it('refuses, as outcomes, people outside the duo, unknown duos, bad scores and empty answers', async () => {
    const { store, ids, save } = await world();
    const base = { duoId: 'duo_demo1', moment: 'three_months', scores: { met_people: 3 } } as const;
    expect(await save({ ...base, respondentId: ids.yusuf })).toEqual({ ok: false, reason: 'not_in_duo' });
    expect(await save({ ...base, respondentId: ids.lotte })).toEqual({ ok: false, reason: 'not_in_duo' });
    expect(await save({ ...base, respondentId: ids.jan })).toEqual({ ok: false, reason: 'not_in_duo' });
    expect(await save({ ...base, duoId: 'nope', respondentId: ids.amina })).toEqual({
      ok: false,
      reason: 'unknown_duo',
    });
    for (const scores of [{ met_people: 0 }, { met_people: 6 }, { met_people: 2.5 }, { how_it_went: 3 }])
      expect(await save({ ...base, respondentId: ids.amina, scores })).toEqual({
        ok: false,
        reason: 'bad_score',
      });
    expect(await save({ ...base, respondentId: ids.amina, scores: {}, comment: '   ' })).toEqual({
      ok: false,
      reason: 'empty',
    });
    expect(await store.read((tx) => tx.count('surveys'))).toBe(0);
  });

  it('keeps a comment alone, cut to 500 characters', async () => {
    const { ids, save } = await world();
    const r = await save({
      duoId: 'duo_demo1',
      respondentId: ids.sara,
      moment: 'end',
      scores: {},
      comment: 'x'.repeat(600),
    });
    expect(r.ok && r.survey.comment?.length).toBe(500);
  });
});

describe('surveysOf and hasAnswered', () => {
  it('filters by duo, person, role, moment, gemeente and local dates, oldest first', async () => {
    const { store, ids, save } = await world();
    await save(
      { duoId: 'duo_gent', respondentId: ids.jan, moment: 'end', scores: { at_home: 4 } },
      '2026-12-01T12:00:00Z',
    );
    // 23:30 UTC on 30 November is already 1 December in Brussels.
    await save(
      { duoId: 'duo_demo1', respondentId: ids.amina, moment: 'three_months', scores: { met_people: 5 } },
      '2026-11-30T23:30:00Z',
    );
    await save(
      { duoId: 'duo_demo1', respondentId: ids.sara, moment: 'first_meeting', scores: { how_it_went: 4 } },
      '2026-11-24T08:00:00Z',
    );
    const q = (f: Parameters<typeof surveysOf>[1]) =>
      store.read((tx) => surveysOf(tx, f).map((s) => `${s.duoId}/${s.role}/${s.moment}`));
    expect(await q({})).toEqual([
      'duo_demo1/buddy/first_meeting',
      'duo_demo1/newcomer/three_months',
      'duo_gent/buddy/end',
    ]);
    expect(await q({ municipality: 'gent' })).toEqual(['duo_gent/buddy/end']);
    expect(await q({ duoId: 'duo_demo1', role: 'newcomer' })).toEqual(['duo_demo1/newcomer/three_months']);
    expect(await q({ newcomerId: ids.amina, moment: 'first_meeting' })).toEqual([
      'duo_demo1/buddy/first_meeting',
    ]);
    expect(await q({ respondentId: ids.jan })).toEqual(['duo_gent/buddy/end']);
    expect(await q({ from: '2026-12-01' })).toEqual([
      'duo_demo1/newcomer/three_months',
      'duo_gent/buddy/end',
    ]);
    expect(await q({ from: '2026-12-01', timeZone: 'UTC' })).toEqual(['duo_gent/buddy/end']);
    expect(await q({ from: '2026-11-24', to: '2026-11-30' })).toEqual(['duo_demo1/buddy/first_meeting']);
  });

  it('says whether a person answered a moment of a duo, for the campaign to skip its event', async () => {
    const { store, ids, save } = await world();
    const asked = { duoId: 'duo_demo1', respondentId: ids.amina, moment: 'three_months' } as const;
    expect(await store.read((tx) => hasAnswered(tx, asked))).toBe(false);
    await save({ ...asked, scores: { new_places: 2 } });
    expect(await store.read((tx) => hasAnswered(tx, asked))).toBe(true);
    expect(await store.read((tx) => hasAnswered(tx, { ...asked, moment: 'end' }))).toBe(false);
    expect(await store.read((tx) => hasAnswered(tx, { ...asked, respondentId: ids.sara }))).toBe(false);
  });
});
