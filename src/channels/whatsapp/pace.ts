/** Timing for the send queue; injected in tests. */
export interface PacerOptions {
  /** Least time between the end of one send and the start of the next. */
  readonly minMs: number;
  /** Up to this much extra, random each time, so the sends do not look machine-made. */
  readonly jitterMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
}

/** Runs sends one at a time, spaced out (see {@link createPacer}). */
export interface Pacer {
  /**
   * Runs `task` after every task queued before it. The task calls `gap()` just before it talks to
   * the platform; `gap()` waits until minMs + random jitter have passed since the previous send
   * ended (time already passed counts). A task that never calls `gap()` does not count as a send.
   */
  run<T>(task: (gap: () => Promise<void>) => Promise<T>): Promise<T>;
}

/**
 * One queue for the whole WhatsApp client: an unofficial client that sends in bursts risks a ban,
 * so every send waits its turn and keeps a human-looking distance from the previous one.
 */
export const createPacer = (o: PacerOptions): Pacer => {
  let tail: Promise<unknown> = Promise.resolve();
  let lastEnd = Number.NEGATIVE_INFINITY;
  return {
    run: <T>(task: (gap: () => Promise<void>) => Promise<T>): Promise<T> => {
      let sent = false;
      const gap = async () => {
        sent = true;
        const wait = lastEnd + o.minMs + o.random() * o.jitterMs - o.now();
        if (wait > 0) await o.sleep(Math.ceil(wait));
      };
      const step = () =>
        task(gap).finally(() => {
          if (sent) lastEnd = o.now();
        });
      const run = tail.then(step, step);
      tail = run.catch(() => undefined);
      return run;
    },
  };
};
