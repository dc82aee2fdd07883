import { describe, expect, it } from 'vitest';
import {
  milestonesCrossed,
  progressBar,
  progressOf,
  type EntryStatus,
  type LedgerEntry,
  type OfferType,
} from '../../../src/domain/index.js';

let n = 0;
const entry = (minutes: number, status: EntryStatus, offerType: OfferType = 'buddy'): LedgerEntry => ({
  v: 1,
  id: `l_${++n}`,
  newcomerId: 'p_amina',
  minutes,
  date: '2026-11-01',
  offerType,
  organisation: null,
  contactId: null,
  description: null,
  reportedBy: 'p_amina',
  via: null,
  status,
  createdAt: '2026-11-01T10:00:00.000Z',
  history: [],
});

const mix = [
  entry(600, 'confirmed'),
  entry(90, 'confirmed', 'vrijwilligerswerk'),
  entry(120, 'pending', 'vrije_tijd'),
  entry(30, 'pending', 'buddy'),
  entry(300, 'disputed'),
  entry(500, 'withdrawn', 'vrijwilligerswerk'),
];

describe('progressOf', () => {
  it('counts confirmed minutes, pending apart, and neither disputed nor withdrawn', () => {
    const p = progressOf(mix, { today: '2026-11-23', termEnd: null });
    expect(p).toEqual({
      confirmedMinutes: 690,
      pendingMinutes: 150,
      byOfferType: {
        buddy: { confirmed: 600, pending: 30 },
        vrijwilligerswerk: { confirmed: 90, pending: 0 },
        kennismakingsstage: { confirmed: 0, pending: 0 },
        vrije_tijd: { confirmed: 0, pending: 120 },
        groepsactiviteit: { confirmed: 0, pending: 0 },
        intake: { confirmed: 0, pending: 0 },
      },
      targetMinutes: 2400,
      remainingMinutes: 1710,
      weeksLeft: null,
      minutesPerWeek: null,
      done: false,
    });
  });

  it('spreads the remaining minutes over the weeks left, rounded up to 5 minutes', () => {
    // 1710 remaining over 4 weeks (28 days) = 427.5 -> 430.
    expect(progressOf(mix, { today: '2026-11-23', termEnd: '2026-12-21' })).toMatchObject({
      weeksLeft: 4,
      minutesPerWeek: 430,
    });
    // 29 days: a started week counts as a week -> 5 weeks, 342 -> 345.
    expect(progressOf(mix, { today: '2026-11-23', termEnd: '2026-12-22' })).toMatchObject({
      weeksLeft: 5,
      minutesPerWeek: 345,
    });
  });

  it('the last day of the term is one week left; after the term, 0 weeks and no pace', () => {
    expect(progressOf(mix, { today: '2026-12-21', termEnd: '2026-12-21' })).toMatchObject({
      weeksLeft: 1,
      minutesPerWeek: 1710,
    });
    expect(progressOf(mix, { today: '2026-12-22', termEnd: '2026-12-21' })).toMatchObject({
      weeksLeft: 0,
      minutesPerWeek: null,
      remainingMinutes: 1710,
    });
  });

  it('is done at 40 hours, with nothing remaining, also beyond 40', () => {
    const p = progressOf([entry(2000, 'confirmed'), entry(500, 'confirmed', 'intake')], {
      today: '2026-11-23',
      termEnd: '2026-12-21',
    });
    expect(p).toMatchObject({ confirmedMinutes: 2500, remainingMinutes: 0, minutesPerWeek: 0, done: true });
    expect(
      progressOf([entry(2399, 'confirmed'), entry(60, 'pending')], { today: '2026-11-23', termEnd: null })
        .done,
    ).toBe(false);
  });
});

describe('progressBar', () => {
  it('fills one block per tenth reached, full only at the target', () => {
    expect(progressBar(0)).toBe('░░░░░░░░░░');
    expect(progressBar(959)).toBe('▓▓▓░░░░░░░');
    expect(progressBar(960)).toBe('▓▓▓▓░░░░░░');
    expect(progressBar(2399)).toBe('▓▓▓▓▓▓▓▓▓░');
    expect(progressBar(2400)).toBe('▓▓▓▓▓▓▓▓▓▓');
    expect(progressBar(5000)).toBe('▓▓▓▓▓▓▓▓▓▓');
    expect(progressBar(-10)).toBe('░░░░░░░░░░');
  });

  it('takes another target and width', () => {
    expect(progressBar(30, 60, 4)).toBe('▓▓░░');
    expect(progressBar(1, 0, 3)).toBe('▓▓▓');
  });
});

describe('milestonesCrossed', () => {
  it('lists the 10-hour milestones passed, each once', () => {
    expect(milestonesCrossed(9 * 60, 21 * 60)).toEqual([10, 20]);
    expect(milestonesCrossed(599, 600)).toEqual([10]);
    expect(milestonesCrossed(600, 660)).toEqual([]);
    expect(milestonesCrossed(0, 3000)).toEqual([10, 20, 30, 40]);
    expect(milestonesCrossed(2400, 2500)).toEqual([]);
    expect(milestonesCrossed(1300, 1200)).toEqual([]);
  });
});
