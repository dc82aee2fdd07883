import type { Store } from '../../src/core/store.js';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS, type DataSchema } from '../../src/domain/index.js';
import { createMemoryStore, openFileStore } from '../../src/store/index.js';

/** The product's schema, versions and migrations, for stores made in tests. */
export const DATA_STORE = { schemaVersion: DATA_VERSION, migrations: MIGRATIONS, collections: COLLECTIONS };

/** An empty memory store with the product's collections. */
export const memoryStore = (): Store<DataSchema> => createMemoryStore<DataSchema>(DATA_STORE);

/** The file store in `dir` with the product's collections (fsync and all, as in production). */
export const fileStore = (dir: string): Promise<Store<DataSchema>> =>
  openFileStore<DataSchema>({ ...DATA_STORE, dir });
