/**
 * The Store: durable, transactional collections of JSON records. `openFileStore` is the
 * default (lowdb snapshot + journal in a directory); `createMemoryStore` is for tests.
 */
export type { DataImage, Json, Migration, ReadTx, Schema, Store, StoreOptions, WriteTx } from './port.js';
export { createMemoryStore, type MemoryStoreOptions } from './memory.js';
export { openFileStore, type FileStoreOptions } from './file/index.js';
