/**
 * `<dir>/LOCK`: one process per store directory. The file holds the owner's pid and is created
 * with O_EXCL; a lock whose pid is dead is stale and taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CodedError } from '../../core/errors.js';

/** Directories this process holds, so a second open in the same process is refused too. */
const held = new Set<string>();

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const busy = (dir: string, pid: number): CodedError =>
  new CodedError(
    'STORE_IO',
    `The store in ${dir} is in use by process ${pid} (see ${join(dir, 'LOCK')}). Stop that process ` +
      `first; only one Netwerkbot may use a data directory. If no such process exists, delete LOCK.`,
    { context: { dir, pid } },
  );

/**
 * Takes the lock or throws STORE_IO naming the directory. Our own pid in an old LOCK that this
 * process does not hold means a previous run with the same pid (common as pid 1 in a container):
 * stale. Returns the release function.
 */
export const acquireLock = async (
  dir: string,
  onStale: (pid: number) => void,
): Promise<() => Promise<void>> => {
  const key = resolve(dir);
  const file = join(dir, 'LOCK');
  if (held.has(key)) throw busy(dir, process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(file, 'wx');
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
    }
    const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw busy(dir, pid);
    onStale(pid);
    await rm(file, { force: true });
  }
  held.add(key);
  return async () => {
    held.delete(key);
    const owner = await readFile(file, 'utf8').catch(() => '');
    if (Number.parseInt(owner, 10) === process.pid) await rm(file, { force: true });
  };
};
