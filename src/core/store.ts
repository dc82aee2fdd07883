/**
 * The Store port (owned by the core; src/store implements it): named collections of versioned JSON records, changed only inside a
 * transaction. A transaction's writes become visible and durable together (one journal record),
 * so "append a ledger entry + update the conversation" is one write.
 *
 * Records are plain JSON; the store deep-freezes what it keeps and what it returns, so a caller
 * that wants to change a record puts a new copy.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Map of collection name -> record type; the domain declares it (see src/domain/schema.ts). */
export type Schema = Record<string, unknown>;

export interface ReadTx<S extends Schema> {
  get<C extends keyof S & string>(collection: C, id: string): Readonly<S[C]> | undefined;
  /** All records of a collection, optionally filtered. Order: insertion order of their ids. */
  list<C extends keyof S & string>(collection: C, filter?: (r: Readonly<S[C]>) => boolean): Readonly<S[C]>[];
  count<C extends keyof S & string>(collection: C): number;
}

export interface WriteTx<S extends Schema> extends ReadTx<S> {
  put<C extends keyof S & string>(collection: C, id: string, record: S[C]): void;
  delete<C extends keyof S & string>(collection: C, id: string): void;
}

export interface Store<S extends Schema> {
  /**
   * Runs `fn` alone (transactions are serialised) and commits its writes atomically when it
   * returns. If `fn` throws, nothing is written. The promise resolves after the writes are
   * durable (for the file store: fsynced).
   */
  transact<T>(fn: (tx: WriteTx<S>) => T | Promise<T>): Promise<T>;
  /** Reads a consistent view without blocking on writers' durability. */
  read<T>(fn: (tx: ReadTx<S>) => T): Promise<T>;
  /** Flushes and releases files. */
  close(): Promise<void>;
  /**
   * Folds everything written so far into a fresh snapshot and drops the older log files (the
   * file store's journals), so data deleted since (an erasure) no longer lies on disk. Stores
   * without a log leave it out.
   */
  compact?(): Promise<void>;
  /**
   * Calls `fn` with the names of the collections another process changed, once this store has
   * taken those changes in. Only stores shared by several processes (PostgreSQL) have it; the
   * scheduler and the outbox use it to wake up for work another process wrote. Returns the
   * function that stops the calls.
   */
  watch?(fn: (collections: ReadonlySet<string>) => void): () => void;
}

/** A raw image of all data, as migrations see it. */
export interface DataImage {
  schemaVersion: number;
  collections: Record<string, Record<string, Json>>;
}

/** A forward migration from `from` to `from + 1`, on the raw image. Pure. */
export interface Migration {
  readonly from: number;
  readonly describe: string;
  migrate(image: DataImage): DataImage;
}

/** What every store implementation needs to know of the data it holds. */
export interface StoreOptions {
  /** The schema version this code writes. */
  readonly schemaVersion: number;
  /** Forward migrations, one per version step below `schemaVersion`. */
  readonly migrations: readonly Migration[];
  /** Collection names; unknown collections found in a file are kept as they are. */
  readonly collections: readonly string[];
}
