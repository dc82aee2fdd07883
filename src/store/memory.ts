/**
 * The in-memory Store: the same transaction semantics as the file store (serialised, atomic,
 * frozen JSON records), nothing on disk. For tests and simulations.
 */
import { CodedError } from '../core/errors.js';
import { fromImage, migrateImage } from './image.js';
import type { DataImage, Schema, Store, StoreOptions } from './port.js';
import { createTransactor, emptyCollections, openOnly } from './tx.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions extends StoreOptions {
  /** Data to start with; an older schemaVersion is migrated first, as the file store would. */
  readonly initial?: DataImage;
}

/**
 * Creates an in-memory store, e.g. `createMemoryStore<AppSchema>({ ...storeOptions, initial })`.
 * Throws STORE_VERSION if `initial` is newer than `schemaVersion` or a migration is missing.
 */
export const createMemoryStore = <S extends Schema>(o: MemoryStoreOptions): Store<S> => {
  const data =
    o.initial === undefined
      ? emptyCollections(o.collections)
      : fromImage(migrateImage(structuredClone(o.initial), o, 'the initial data'), o.collections);
  const t = createTransactor<S>(data, async () => {});
  let closed = false;
  const open = () => {
    if (closed) throw new CodedError('STORE_IO', 'The memory store is closed; create a new one.');
  };
  return {
    ...openOnly(t, open),
    close: async () => {
      closed = true;
      await t.exclusive(() => {});
    },
  };
};
