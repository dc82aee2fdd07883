import type { ManualClock } from '../../src/core/clock.js';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/** Lets every promise chain that can run, run (the memory store settles in microtasks). */
const drain = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
};

/**
 * Virtual time over a ManualClock for the dispatcher's `sleep` and `schedule`: timers fire in
 * time order, and the clock jumps to each one when nothing else can run. Lanes that sleep side
 * by side thus see one shared timeline, as with real time, in no real time at all.
 */
export const createFakeTime = (clock: ManualClock) => {
  const timers: Timer[] = [];
  let seq = 0;
  const add = (ms: number, fn: () => void): Timer => {
    const t: Timer = { at: clock.now().getTime() + Math.max(0, ms), seq: seq++, fn, cancelled: false };
    timers.push(t);
    return t;
  };
  const next = (limit: number): Timer | undefined => {
    const due = timers
      .filter((t) => !t.cancelled && t.at <= limit)
      .sort((a, b) => a.at - b.at || a.seq - b.seq);
    return due[0];
  };
  const fire = (t: Timer) => {
    timers.splice(timers.indexOf(t), 1);
    if (t.at > clock.now().getTime()) clock.set(new Date(t.at));
    t.fn();
  };
  return {
    sleep: (ms: number) => new Promise<void>((resolve) => add(ms, resolve)),
    schedule: (fn: () => void, ms: number) => {
      const t = add(ms, fn);
      return { cancel: () => void (t.cancelled = true) };
    },
    /** Timers still waiting (wake-ups scheduled by the dispatcher among them), as delays from now. */
    pending: () => timers.filter((t) => !t.cancelled).map((t) => t.at - clock.now().getTime()),
    /** Moves time forward by `ms`, firing what falls due in order and letting its work run. */
    advance: async (ms: number) => {
      const end = clock.now().getTime() + ms;
      for (;;) {
        await drain();
        const t = next(end);
        if (!t) break;
        fire(t);
      }
      clock.set(new Date(end));
      await drain();
    },
    /** Runs until `p` settles, jumping to the next timer whenever nothing else can run. */
    run: async <T>(p: Promise<T>, maxMs = 24 * 3_600_000): Promise<T> => {
      let done = false;
      p.then(
        () => (done = true),
        () => (done = true),
      );
      const limit = clock.now().getTime() + maxMs;
      for (;;) {
        await drain();
        if (done) return p;
        const t = next(limit);
        if (!t) throw new Error('fake time: stuck (nothing to run, no timer due)');
        fire(t);
      }
    },
  };
};

export type FakeTime = ReturnType<typeof createFakeTime>;
