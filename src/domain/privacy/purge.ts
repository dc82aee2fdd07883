import type { Store } from '../../core/store.js';
import type { DataSchema } from '../schema.js';

/**
 * After erasures: compacts the store (the file store's journal and PostgreSQL's change log still
 * hold what was erased), asks the store's owner to remove the copies of the data kept outside the
 * store (`purge`: the proofs of participation made for coaches, the file store's start-up backups)
 * and marks the erasures `backupsPurgedAt`, so it happens once per erasure. `purge` is injected
 * (the domain touches no files) and returns how many copies it removed; without it, none are.
 * Returns that number (0 when no erasure was waiting).
 */
export const purgeAfterErasures = async (
  store: Store<DataSchema>,
  now: Date,
  purge?: () => Promise<number>,
): Promise<number> => {
  const waiting = await store.read((tx) =>
    tx.list('erasures', (e) => e.status === 'done' && !e.backupsPurgedAt).map((e) => e.id),
  );
  if (!waiting.length) return 0;
  // The journal still holds the lines written before the erasure: fold it into a new snapshot.
  await store.compact?.();
  const removed = (await purge?.()) ?? 0;
  await store.transact((tx) => {
    for (const id of waiting) {
      const e = tx.get('erasures', id);
      if (e) tx.put('erasures', id, { ...e, backupsPurgedAt: now.toISOString() });
    }
  });
  return removed;
};
