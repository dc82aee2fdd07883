/** File-system helpers of the file store: durable writes, directory listing, coded errors. */
import { open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError } from '../../core/errors.js';

export const SNAPSHOT = 'snapshot.jsonl';
export const journalName = (gen: number): string => `journal-${gen}.jsonl`;
const JOURNAL = /^journal-(\d+)\.jsonl$/;

/** Makes a directory's entries (a created, renamed or deleted file) durable. */
export const syncDir = async (dir: string): Promise<void> => {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
};

/**
 * Writes `file` atomically: `fill` writes into `<file>.tmp`, which is fsynced, renamed over
 * `file`, and the directory fsynced. A crash at any point leaves either the old or the new file.
 */
export const writeAtomic = async (file: string, fill: (fh: FileHandle) => Promise<void>): Promise<void> => {
  const tmp = `${file}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fill(fh);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => {});
    await rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  await rename(tmp, file);
  await syncDir(join(file, '..'));
};

/** Journal generations present in `dir`, ascending. */
export const listJournals = async (dir: string): Promise<number[]> =>
  (await readdir(dir))
    .map((n) => JOURNAL.exec(n)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .sort((a, b) => a - b);

/** Removes leftovers of interrupted atomic writes; they never hold acknowledged data. */
export const removeStrayTmp = async (dir: string): Promise<string[]> => {
  const stray = (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
  for (const n of stray) await rm(join(dir, n), { force: true });
  return stray;
};

export const exists = async (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );

/** STORE_CORRUPT for `file` (and `line`), saying the file was left as it is and how to recover. */
export const corrupt = (dir: string, file: string, what: string, line?: number): CodedError =>
  new CodedError(
    'STORE_CORRUPT',
    `Store file ${join(dir, file)}${line === undefined ? '' : ` line ${line}`} is corrupt: ${what}. ` +
      `It was left untouched. Restore the data files from the newest ${join(dir, 'backup')}/<timestamp>/ ` +
      `(stop the bot, copy them over), or move ${SNAPSHOT} and the journal-*.jsonl files away to start empty.`,
    { context: { dir, file, line } },
  );

/** Wraps an unexpected file-system failure as STORE_IO, keeping the cause. */
export const ioError = (dir: string, doing: string, cause: unknown): CodedError =>
  cause instanceof CodedError
    ? cause
    : new CodedError(
        'STORE_IO',
        `The store in ${dir} failed while ${doing}: ${(cause as Error)?.message ?? String(cause)}. ` +
          `Check that the directory exists, is writable and the disk is not full, then restart.`,
        { cause, context: { dir, doing } },
      );
