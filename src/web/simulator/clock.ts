import type { AdjustableClock } from '../../system.js';

/** What moving the clock needs of the app: the periodic job and a way to wait until it is done. */
export interface Ticking {
  tick(): Promise<void>;
  idle(): Promise<void>;
}

/** The clock control's steps. */
export const CLOCK_STEPS = ['day', 'week', 'month'] as const;
export type ClockStep = (typeof CLOCK_STEPS)[number];

const HOUR = 3_600_000;

/** The time one step later: 24 hours, 7 days, or the same day of the next month. */
export const stepTarget = (now: Date, step: ClockStep): Date => {
  if (step === 'day') return new Date(now.getTime() + 24 * HOUR);
  if (step === 'week') return new Date(now.getTime() + 7 * 24 * HOUR);
  const next = new Date(now);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
};

/**
 * Moves `clock` to `target` an hour at a time, running the app's tick and waiting until it is
 * idle at every hour, as the running bot would: campaigns, reminders, digests and timeouts fire in
 * order and on time. One jump of a month would make the scheduler skip digests as too late.
 * `onDay` is called when a new day (UTC) starts, to show progress.
 */
export const runUntil = async (
  clock: AdjustableClock,
  app: Ticking,
  target: Date,
  onDay: (now: Date) => void = () => undefined,
): Promise<void> => {
  let day = clock.now().toISOString().slice(0, 10);
  while (clock.now().getTime() < target.getTime()) {
    clock.advance(Math.min(HOUR, target.getTime() - clock.now().getTime()));
    await app.tick();
    await app.idle();
    const today = clock.now().toISOString().slice(0, 10);
    if (today !== day) onDay(clock.now());
    day = today;
  }
};
