/**
 * Copies of people's data that live under DATA_DIR beside any store, removed after an erasure
 * ("vergeet mij", retention): the proofs of participation made for coaches. The file store's own
 * copies (its start-up backups) are removed by ./file/purge.ts.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, syncDir } from './file/fsx.js';

/**
 * Deletes everything inside `folder` (the folder stays), durably. Returns how many files or
 * folders went: 0 when there is no such folder.
 */
export const emptyFolder = async (folder: string): Promise<number> => {
  if (!(await exists(folder))) return 0;
  const all = await readdir(folder);
  for (const name of all) await rm(join(folder, name), { recursive: true, force: true });
  if (all.length > 0) await syncDir(folder);
  return all.length;
};

/**
 * Deletes the proofs of participation under `<dataDir>/proofs/` (each names a person; a coach
 * makes one again on request), whatever store holds the data. Returns how many went.
 */
export const removeProofs = (dataDir: string): Promise<number> => emptyFolder(join(dataDir, 'proofs'));
