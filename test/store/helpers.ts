/** Shared fixtures of the store tests: a schema, options and fresh temp directories. */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { FileStoreOptions, Migration, StoreOptions } from '../../src/store/index.js';

export interface Person {
  name: string;
  hours?: number;
  joined?: string;
  tags?: string[];
}
export interface Counter {
  n: number;
}
export type TestSchema = { people: Person; counters: Counter; ledger: { personId: string; minutes: number } };

export const options: StoreOptions = {
  schemaVersion: 1,
  migrations: [],
  collections: ['people', 'counters', 'ledger'],
};

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A fresh, empty directory, removed after the test. */
export const tempDir = async (): Promise<string> => {
  const d = await mkdtemp(join(tmpdir(), 'netwerkbot-store-'));
  dirs.push(d);
  return d;
};

/** File store options over `dir`, without start-up backups unless asked. */
export const fileOptions = (dir: string, extra: Partial<FileStoreOptions> = {}): FileStoreOptions => ({
  ...options,
  dir,
  backupOnStart: false,
  ...extra,
});

/**
 * Simulates a crash: copies the directory's files as they are now (everything acknowledged is
 * written) into a fresh directory, as if the process had died without close().
 */
export const crashCopy = async (dir: string): Promise<string> => {
  const copy = await tempDir();
  await cp(dir, copy, { recursive: true });
  return copy;
};

/** Names of the journal files in `dir`, ascending by generation. */
export const journals = async (dir: string): Promise<string[]> =>
  (await readdir(dir))
    .filter((n) => /^journal-\d+\.jsonl$/.test(n))
    .sort((a, b) => Number(a.slice(8, -6)) - Number(b.slice(8, -6)));

/** The parsed first line of `<dir>/snapshot.jsonl`. */
export const snapshotHeader = async (dir: string): Promise<Record<string, unknown>> =>
  JSON.parse((await readFile(join(dir, 'snapshot.jsonl'), 'utf8')).split('\n')[0] ?? '') as Record<
    string,
    unknown
  >;

/** A forward migration for the stores' migration tests: version 1 kept minutes, version 2 keeps hours. */
export const minutesToHours: Migration = {
  from: 1,
  describe: 'people.minutes became people.hours',
  migrate: (image) => {
    for (const p of Object.values(image.collections.people ?? {})) {
      const person = p as { minutes?: number; hours?: number };
      person.hours = (person.minutes ?? 0) / 60;
      delete person.minutes;
    }
    return image;
  },
};
