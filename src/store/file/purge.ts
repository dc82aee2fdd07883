/** Removing start-up backups after an erasure ("vergeet mij", retention). */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, syncDir } from './fsx.js';

/**
 * Deletes every backup folder under `<dir>/backup/`. Called after an erasure has been committed:
 * backups are only made at start-up, so each one still holds the erased person's data. The next
 * start makes a fresh backup (of the erased state). Returns how many folders were removed.
 */
export const removeBackups = async (dir: string): Promise<number> => {
  const root = join(dir, 'backup');
  if (!(await exists(root))) return 0;
  const all = await readdir(root);
  for (const name of all) await rm(join(root, name), { recursive: true, force: true });
  if (all.length > 0) await syncDir(root);
  return all.length;
};

/**
 * Everything under DATA_DIR that may still hold an erased person: the store's backups and the
 * documents made for coaches (proofs of participation, `proofs/`, made again on request). Returns
 * how many files or folders went.
 */
export const removeCopies = async (dir: string): Promise<number> => {
  let removed = await removeBackups(dir);
  const proofs = join(dir, 'proofs');
  if (await exists(proofs)) {
    const all = await readdir(proofs);
    for (const name of all) await rm(join(proofs, name), { recursive: true, force: true });
    removed += all.length;
  }
  return removed;
};
