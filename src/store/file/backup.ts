/** Start-up backups: the data files copied to `<dir>/backup/<timestamp>/`, newest few kept. */
import { copyFile, mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, journalName, listJournals, SNAPSHOT, syncDir } from './fsx.js';

/** How many backups are kept; older ones are deleted after a new one is made. */
export const BACKUPS_KEPT = 5;
const STAMP = /^\d{4}-\d\d-\d\dT[\d-]+(\.\d+)?Z(\.\d+)?$/;

/**
 * Copies the snapshot and every journal into a new backup folder, fsyncs the copies (a backup
 * that a crash can lose is no backup before a migration) and prunes to {@link BACKUPS_KEPT}.
 * Returns the folder, or undefined when there was nothing to back up.
 */
export const backup = async (dir: string, now: Date): Promise<string | undefined> => {
  const files = [
    ...((await exists(join(dir, SNAPSHOT))) ? [SNAPSHOT] : []),
    ...(await listJournals(dir)).map(journalName),
  ];
  if (files.length === 0) return undefined;
  const root = join(dir, 'backup');
  await mkdir(root, { recursive: true });
  const stamp = now.toISOString().replace(/:/g, '-');
  let target = join(root, stamp);
  for (let n = 1; await exists(target); n++) target = join(root, `${stamp}.${n}`);
  await mkdir(target);
  for (const f of files) {
    await copyFile(join(dir, f), join(target, f));
    const fh = await open(join(target, f), 'r+');
    await fh.sync().finally(() => fh.close());
  }
  await syncDir(target);
  await syncDir(root);
  const all = (await readdir(root)).filter((n) => STAMP.test(n)).sort();
  for (const old of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) {
    await rm(join(root, old), { recursive: true, force: true });
  }
  return target;
};
