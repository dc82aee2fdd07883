import { TZDate } from '@date-fns/tz';
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import type { DataSchema, Job } from '../../src/domain/schema.js';
import { createScheduler, planJob } from '../../src/scheduler/index.js';
import { memoryStore } from '../helpers/store.js';
import { job } from './helpers.js';

const TZ = 'Europe/Brussels';
const localTime = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

/**
 * Runs the bot's clock from `from` to `to` in 5-minute steps (a tick each), with a
 * daily 09:00 job planned by croner (as the digests are) and one reminder planned beforehand at
 * 09:00 local on `reminderDay`; returns when each fired.
 */
const simulate = async (from: string, to: string, reminderDay: [number, number, number]) => {
  const store = memoryStore();
  const clock = new ManualClock(from);
  const fired: { id: string; at: Date }[] = [];
  const [y, m, d] = reminderDay;
  const reminderAt = new Date(new TZDate(y, m - 1, d, 9, 0, 0, TZ).getTime());
  await store.transact((tx) => planJob(tx, 'jobs', job('reminder', reminderAt.toISOString(), 'rsvp_remind')));
  const s = createScheduler<DataSchema, Job>({
    store,
    clock,
    log: silentLog,
    collection: 'jobs',
    handlers: {
      daily: (_tx, j, now) => void fired.push({ id: j.id, at: now }),
      rsvp_remind: (_tx, j, now) => void fired.push({ id: j.id, at: now }),
    },
    plan: (tx, now) => {
      const next = new Cron('0 9 * * *', { timezone: TZ }).nextRun(now);
      if (next) planJob(tx, 'jobs', job(`daily:${next.toISOString()}`, next.toISOString(), 'daily'));
    },
    startFlow: async () => {},
  });
  while (clock.now().getTime() < Date.parse(to)) {
    await s.tick();
    clock.advance(5 * 60_000);
  }
  return fired;
};

describe('scheduler across daylight-saving changes (Europe/Brussels)', () => {
  it('March 2027 (28 March, 02:00 -> 03:00): 09:00 stays 09:00 local', async () => {
    const fired = await simulate('2027-03-26T00:00:00Z', '2027-03-31T00:00:00Z', [2027, 3, 29]);
    const daily = fired.filter((f) => f.id.startsWith('daily:')).map((f) => f.at.toISOString());
    expect(daily).toEqual([
      '2027-03-26T08:00:00.000Z',
      '2027-03-27T08:00:00.000Z',
      '2027-03-28T07:00:00.000Z',
      '2027-03-29T07:00:00.000Z',
      '2027-03-30T07:00:00.000Z',
    ]);
    const reminder = fired.find((f) => f.id === 'reminder');
    expect(reminder?.at.toISOString()).toBe('2027-03-29T07:00:00.000Z');
    for (const f of fired) expect(localTime(f.at)).toBe('09:00');
  });

  it('October 2026 (25 October, 03:00 -> 02:00): 09:00 stays 09:00 local', async () => {
    const fired = await simulate('2026-10-23T00:00:00Z', '2026-10-28T00:00:00Z', [2026, 10, 26]);
    const daily = fired.filter((f) => f.id.startsWith('daily:')).map((f) => f.at.toISOString());
    expect(daily).toEqual([
      '2026-10-23T07:00:00.000Z',
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-10-27T08:00:00.000Z',
    ]);
    expect(fired.find((f) => f.id === 'reminder')?.at.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    for (const f of fired) expect(localTime(f.at)).toBe('09:00');
  });
});
