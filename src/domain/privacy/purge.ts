import type { Store } from '../../core/store.js';
import type { DataSchema } from '../schema.js';

/**
 * After erasures: compacts the store (the file store's journal still holds what was erased),
 * asks the store's owner to remove old copies of the data (the file store's start-up backups,
 * which still hold the erased people) and marks the erasures `backupsPurgedAt`,
 * so it happens once per erasure. `purge` is injected (the domain touches no files); it returns
 * how many backups it removed. Returns that number (0 when no erasure was waiting).
 */
export const purgeAfterErasures = async (
  store: Store<DataSchema>,
  purge: () => Promise<number>,
  now: Date,
): Promise<number> => {
  const waiting = await store.read((tx) =>
    tx.list('erasures', (e) => e.status === 'done' && !e.backupsPurgedAt).map((e) => e.id),
  );
  if (!waiting.length) return 0;
  // The journal still holds the lines written before the erasure: fold it into a new snapshot.
  await store.compact?.();
  const removed = await purge();
  await store.transact((tx) => {
    for (const id of waiting) {
      const e = tx.get('erasures', id);
      if (e) tx.put('erasures', id, { ...e, backupsPurgedAt: now.toISOString() });
    }
  });
  return removed;
};
