/**
 * The file store: Netwerkbot's default, durable Store — lowdb on a directory.
 *
 * Design. A region grows to ~20k people and ~200k ledger records, so rewriting one JSON file per
 * transaction (lowdb's usual way) would make every write O(data) and block the event loop. So:
 *
 * - `snapshot.jsonl` (written through lowdb's `Low` with our own adapter) holds all records as of
 *   some journal generation G: a header line, then one line per record.
 * - `journal-<G>.jsonl` is append-only, one line per committed transaction, so a write costs
 *   O(change). A transaction is acknowledged only after the fsync that covers its line; commits
 *   that arrive while an fsync runs are written together and share the next one (group commit),
 *   so throughput is bounded by fsyncs per batch, not per transaction.
 * - Compaction, when the journal passes `compactAfterBytes` and on close, switches to journal
 *   G+1, writes a snapshot of a point-in-time copy of the maps (records are frozen, so a shallow
 *   copy suffices) to a temp file, fsyncs and renames it, then deletes older journals. It runs
 *   off the hot path: transactions keep committing to G+1 meanwhile.
 * - Every step leaves a loadable directory: a crash before the rename keeps the old snapshot and
 *   all journals; after it, the older journals are ignored. A torn final journal line is an
 *   unacknowledged write and is cut off; anything else unreadable stops start-up with
 *   STORE_CORRUPT and the files untouched. Data is versioned; migrations run at open, after a
 *   backup, and produce a fresh snapshot.
 */
import { mkdir, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { fromImage, migrateImage, toImage } from '../image.js';
import type { Schema, Store, StoreOptions } from '../port.js';
import { backup } from './backup.js';
import { ioError, journalName, removeStrayTmp, SNAPSHOT } from './fsx.js';
import { load, snapshotDb } from './load.js';
import { acquireLock } from './lock.js';
import { deleteJournalsBelow, startFileStore, writeSnapshot } from './store.js';

/** Options of {@link openFileStore}. */
export interface FileStoreOptions extends StoreOptions {
  /** The data directory (created if missing), e.g. `data/`. One process per directory. */
  readonly dir: string;
  /** Journal size that triggers a background compaction. Default 8 MiB. */
  readonly compactAfterBytes?: number;
  /** Copy the data files to `<dir>/backup/<timestamp>/` at every start. Default true. */
  readonly backupOnStart?: boolean;
  /** Structured events (`store.open`, `store.backup`, `store.compacted`, ...); never record data. */
  readonly log?: (event: string, fields: Record<string, unknown>) => void;
}

/**
 * Opens (or creates) the store in `o.dir`: takes the LOCK, reads snapshot and journals, backs
 * up, repairs a torn journal tail, migrates to `o.schemaVersion`, then starts appending.
 *
 * @throws CodedError STORE_CORRUPT for an unreadable data file (files left untouched),
 * STORE_VERSION for data newer than the code, STORE_IO when the directory is locked by a live
 * process or the file system fails.
 */
export const openFileStore = async <S extends Schema>(o: FileStoreOptions): Promise<Store<S>> => {
  const { dir } = o;
  const log = o.log ?? (() => {});
  const started = performance.now();
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw ioError(dir, 'creating the directory', e);
  }
  let release: () => Promise<void>;
  try {
    release = await acquireLock(dir, (pid) => log('store.lock_stale', { dir, pid }));
  } catch (e) {
    throw ioError(dir, 'taking the LOCK', e);
  }
  try {
    const stray = await removeStrayTmp(dir);
    if (stray.length > 0) log('store.tmp_removed', { dir, files: stray });
    const loaded = await load(dir, o);
    const migrating = loaded.found && loaded.schemaVersion < o.schemaVersion;
    if (loaded.found && ((o.backupOnStart ?? true) || migrating)) {
      log('store.backup', { dir, to: await backup(dir, new Date()) });
    }
    if (loaded.torn !== undefined) {
      const { gen, completeBytes, tornBytes } = loaded.torn;
      await truncate(join(dir, journalName(gen)), completeBytes);
      log('store.torn_tail', { dir, file: journalName(gen), bytesDropped: tornBytes });
    }
    const parts = { dir, schemaVersion: o.schemaVersion, db: snapshotDb(dir, o) };
    let data = loaded.data;
    let gen = loaded.lastGen;
    if (migrating) {
      const image = migrateImage(toImage(data, loaded.schemaVersion), o, join(dir, SNAPSHOT));
      data = fromImage(image, o.collections);
      gen += 1;
      await writeSnapshot(parts, data, gen);
      log('store.migrated', { dir, from: loaded.schemaVersion, to: o.schemaVersion });
    } else if (!loaded.found) {
      await writeSnapshot(parts, data, 0); // a fresh directory records its version at once
    } else if (loaded.stale.length > 0) {
      await deleteJournalsBelow(dir, loaded.journalGen); // left by an interrupted compaction
    }
    const store = await startFileStore<S>({
      ...parts,
      data,
      snapshotGen: migrating ? gen : loaded.journalGen,
      journalGen: gen,
      compactAfterBytes: o.compactAfterBytes ?? 8 * 1024 * 1024,
      log,
      release,
    });
    let records = 0;
    for (const m of data.values()) records += m.size;
    log('store.open', {
      dir,
      schemaVersion: o.schemaVersion,
      journalGen: gen,
      records,
      ms: Math.round(performance.now() - started),
    });
    return store;
  } catch (e) {
    await release().catch(() => {});
    throw ioError(dir, 'opening', e);
  }
};
