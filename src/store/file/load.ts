/**
 * Start-up reading: the snapshot, then the journals from its generation on. Changes no file, so
 * a corrupt store is reported with every byte left as it was; the caller repairs afterwards.
 */
import { join } from 'node:path';
import { Low } from 'lowdb';
import { assertNotNewer } from '../image.js';
import type { StoreOptions } from '../port.js';
import { applyOps, emptyCollections, type Collections, type Records } from '../tx.js';
import { corrupt, journalName, listJournals, SNAPSHOT } from './fsx.js';
import { readJournal } from './journal.js';
import { SnapshotAdapter, type SnapshotData } from './snapshot.js';

/** What is on disk, read and replayed. */
export interface Loaded {
  /** False for a fresh directory (no snapshot, no journal). */
  readonly found: boolean;
  /** Version the data was written with (the code's version when fresh). */
  readonly schemaVersion: number;
  /** Generation in the snapshot header; older journals are leftovers of a compaction. */
  readonly journalGen: number;
  /** Newest journal generation present, or `journalGen` if none is. */
  readonly lastGen: number;
  /** Journal generations older than `journalGen`, safe to delete. */
  readonly stale: readonly number[];
  /** A final line without newline in the newest journal: an interrupted, unacknowledged write. */
  readonly torn?: { readonly gen: number; readonly completeBytes: number; readonly tornBytes: number };
  readonly data: Collections;
}

/** Default data of {@link snapshotDb}: still this object after `read()` means there is no file. */
export const NO_SNAPSHOT: SnapshotData = Object.freeze({
  schemaVersion: -1,
  journalGen: 0,
  collections: new Map(),
});

/** The lowdb database over the snapshot file; `data` is {@link NO_SNAPSHOT} until read finds one. */
export const snapshotDb = (dir: string, o: StoreOptions): Low<SnapshotData> =>
  new Low(
    new SnapshotAdapter(dir, (h) => assertNotNewer(h.schemaVersion, o, join(dir, SNAPSHOT))),
    NO_SNAPSHOT,
  );

/** Reads everything; throws STORE_CORRUPT / STORE_VERSION without touching any file. */
export const load = async (dir: string, o: StoreOptions): Promise<Loaded> => {
  const db = snapshotDb(dir, o);
  await db.read();
  const journals = await listJournals(dir);
  if (db.data === NO_SNAPSHOT) {
    if (journals.length > 0) {
      throw corrupt(dir, SNAPSHOT, `it is missing although ${journalName(journals[0] ?? 0)} exists`);
    }
    return {
      found: false,
      schemaVersion: o.schemaVersion,
      journalGen: 0,
      lastGen: 0,
      stale: [],
      data: emptyCollections(o.collections),
    };
  }
  const { schemaVersion, journalGen, collections } = db.data;
  const data = emptyCollections(o.collections);
  for (const [c, r] of collections) data.set(c, r instanceof Map ? (r as Records) : new Map(r));
  const live = journals.filter((g) => g >= journalGen);
  let torn: Loaded['torn'];
  for (const [i, gen] of live.entries()) {
    const end = await readJournal(dir, gen, (v, ops, line) => {
      const where = `${join(dir, journalName(gen))} line ${line}`;
      assertNotNewer(v, o, where);
      if (v !== schemaVersion) {
        throw corrupt(
          dir,
          journalName(gen),
          `version ${v} differs from the snapshot's ${schemaVersion}`,
          line,
        );
      }
      applyOps(data, ops);
    });
    if (end.tornBytes > 0 && i < live.length - 1) {
      throw corrupt(
        dir,
        journalName(gen),
        'the last line is cut off but newer journals follow',
        end.lines + 1,
      );
    }
    if (end.tornBytes > 0) torn = { gen, completeBytes: end.completeBytes, tornBytes: end.tornBytes };
  }
  return {
    found: true,
    schemaVersion,
    journalGen,
    lastGen: live.at(-1) ?? journalGen,
    stale: journals.filter((g) => g < journalGen),
    ...(torn === undefined ? {} : { torn }),
    data,
  };
};
