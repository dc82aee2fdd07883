/** Removing the file store's copies of the data after an erasure ("vergeet mij", retention). */
import { join } from 'node:path';
import { emptyFolder, removeProofs } from '../copies.js';

/**
 * Deletes every backup folder under `<dir>/backup/`. Called after an erasure has been committed:
 * backups are only made at start-up, so each one still holds the erased person's data. The next
 * start makes a fresh backup (of the erased state). Returns how many folders were removed.
 */
export const removeBackups = (dir: string): Promise<number> => emptyFolder(join(dir, 'backup'));

/**
 * Everything under DATA_DIR that may still hold an erased person when the file store keeps the
 * data there: its backups and the documents made for coaches ({@link removeProofs}). Returns how
 * many files or folders went.
 */
export const removeCopies = async (dir: string): Promise<number> =>
  (await removeBackups(dir)) + (await removeProofs(dir));
