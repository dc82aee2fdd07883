import type { Store, WriteTx } from '../../src/core/store.js';
import type { DataSchema, Job } from '../../src/domain/schema.js';

/** A due job of kind `kind` at `dueAt`. */
export const job = (id: string, dueAt: string, kind = 'ping'): Job => ({
  v: 1,
  id,
  kind,
  dueAt: new Date(dueAt).toISOString(),
  payload: {},
  status: 'due',
  doneAt: null,
});

/**
 * A durable side effect for handlers: a counter per job in the `hints` collection (its `at`
 * field holds the count), so a test can prove a job's writes landed exactly once.
 */
export const bump = (tx: WriteTx<DataSchema>, key: string): void => {
  const id = `ran:${key}`;
  const n = Number(tx.get('hints', id)?.at ?? 0) + 1;
  tx.put('hints', id, { v: 1, id, at: String(n) });
};

/** How often `bump` committed for `key`. */
export const runs = (store: Store<DataSchema>, key: string): Promise<number> =>
  store.read((tx) => Number(tx.get('hints', `ran:${key}`)?.at ?? 0));

/** The store, counting `list('jobs')` calls (read and write transactions). */
export const countingLists = (
  inner: Store<DataSchema>,
): { store: Store<DataSchema>; lists: () => number } => {
  let n = 0;
  const wrap = <T extends { list: (...a: never[]) => unknown }>(tx: T): T =>
    new Proxy(tx, {
      get: (t, k, r) => {
        const v: unknown = Reflect.get(t, k, r);
        if (k !== 'list' || typeof v !== 'function') return v;
        return (c: string, f?: unknown) => {
          if (c === 'jobs') n++;
          return (v as (c: string, f?: unknown) => unknown).call(t, c, f);
        };
      },
    });
  const store: Store<DataSchema> = {
    transact: (fn) => inner.transact((tx) => fn(wrap(tx))),
    read: (fn) => inner.read((tx) => fn(wrap(tx))),
    close: () => inner.close(),
  };
  return { store, lists: () => n };
};

/**
 * The store, whose next commit fails with `message` after its transaction ran (as a full disk or a
 * failed fsync would): at once when `first`, else after `failNext()`. Only that one commit fails.
 */
export const failingCommits = (
  real: Store<DataSchema>,
  message: string,
  first = true,
): { store: Store<DataSchema>; failNext: () => void } => {
  let failNext = first;
  const store: Store<DataSchema> = {
    transact: (fn) =>
      real.transact(async (tx) => {
        const r = await fn(tx);
        if (failNext) {
          failNext = false;
          throw new Error(message);
        }
        return r;
      }),
    read: (fn) => real.read(fn),
    close: () => real.close(),
  };
  return {
    store,
    failNext: () => {
      failNext = true;
    },
  };
};
