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
