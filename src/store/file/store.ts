/**
 * The running file store: transactions append to the journal (group commit), compaction folds
 * the journal into a new snapshot in the background, close() compacts and releases the lock.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { CodedError } from '../../core/errors.js';
import type { Schema, Store } from '../port.js';
import { createTransactor, openOnly, viewOf, type Collections } from '../tx.js';
import { ioError, journalName, listJournals, syncDir } from './fsx.js';
import { journalLine, JournalWriter } from './journal.js';
import type { SnapshotData } from './snapshot.js';

/** Everything the running store needs, prepared by openFileStore. */
export interface FileStoreParts {
  readonly dir: string;
  readonly schemaVersion: number;
  readonly data: Collections;
  readonly db: Low<SnapshotData>;
  /** Generation the snapshot on disk starts from. */
  readonly snapshotGen: number;
  /** Generation to append to. */
  readonly journalGen: number;
  readonly compactAfterBytes: number;
  readonly log: (event: string, fields: Record<string, unknown>) => void;
  readonly release: () => Promise<void>;
}

/** Writes a snapshot of `view` starting at journal `gen`, then deletes the older journals. */
export const writeSnapshot = async (
  p: Pick<FileStoreParts, 'dir' | 'db' | 'schemaVersion'>,
  view: SnapshotData['collections'],
  gen: number,
) => {
  p.db.data = { schemaVersion: p.schemaVersion, journalGen: gen, collections: view };
  await p.db.write();
  // Only now are the older journals redundant; a crash before this line replays them.
  await deleteJournalsBelow(p.dir, gen);
};

/** Deletes journals older than `gen` (already folded into the snapshot). */
export const deleteJournalsBelow = async (dir: string, gen: number): Promise<void> => {
  const old = (await listJournals(dir)).filter((g) => g < gen);
  for (const g of old) await rm(join(dir, journalName(g)), { force: true });
  if (old.length > 0) await syncDir(dir);
};

/** Starts the store over prepared parts; the journal file is opened here. */
export const startFileStore = async <S extends Schema>(p: FileStoreParts): Promise<Store<S>> => {
  const journal = await JournalWriter.open(p.dir, p.journalGen, () => maybeCompact());
  let snapshotGen = p.snapshotGen;
  let closed = false;
  let compacting: Promise<void> | undefined;

  const t = createTransactor<S>(p.data, (ops) =>
    journal
      .append(ops.length === 0 ? '' : journalLine(p.schemaVersion, ops))
      .catch((e: unknown) => Promise.reject(ioError(p.dir, 'writing the journal', e))),
  );

  const compact = async (final: boolean): Promise<void> => {
    const started = performance.now();
    // The copy and the switch of journal happen in one synchronous step: every commit before it
    // is in the view and in journals < gen; every commit after it goes to journal gen.
    const view = viewOf(p.data);
    const gen = final ? journal.gen + 1 : await journal.rotate();
    await writeSnapshot(p, view, gen);
    snapshotGen = gen;
    p.log('store.compacted', { dir: p.dir, journalGen: gen, ms: Math.round(performance.now() - started) });
  };

  function maybeCompact(): void {
    if (closed || compacting !== undefined || journal.bytes <= p.compactAfterBytes) return;
    compacting = compact(false)
      .catch((e: unknown) => p.log('store.compact_failed', { dir: p.dir, error: String(e) }))
      .finally(() => (compacting = undefined));
  }

  const ensureOpen = () => {
    if (closed) throw new CodedError('STORE_IO', `The store in ${p.dir} is closed; open it again.`);
  };

  return {
    ...openOnly(t, ensureOpen),
    compact: async () => {
      ensureOpen();
      await compacting;
      // Alone, so no commit lands between the copy and the switch to the next journal.
      await t.exclusive(() => compact(false));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await t.exclusive(async () => {
          await compacting;
          const flushed = await journal.append('').then(
            () => true,
            () => false,
          );
          await journal.close();
          // After a failed write memory may hold commits whose callers were told they failed:
          // never fold those into a snapshot.
          if (flushed && (journal.bytes > 0 || journal.gen !== snapshotGen)) await compact(true);
        });
      } catch (e) {
        throw ioError(p.dir, 'closing', e);
      } finally {
        await p.release();
      }
    },
  };
};
