/**
 * The snapshot file, `snapshot.jsonl`, as a lowdb {@link Adapter}: a header line
 * `{"format":"netwerkbot-snapshot","schemaVersion":N,"journalGen":G,"records":R}` then one line
 * `{"c":collection,"k":id,"v":record}` per record. `records` lets a read notice a snapshot that
 * was cut short at a line boundary (e.g. a partial copy restored by hand).
 */
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Adapter } from 'lowdb';
import type { Json } from '../port.js';
import { deepFreeze, type Collections, type RecordsLike } from '../tx.js';
import { corrupt, exists, SNAPSHOT, writeAtomic } from './fsx.js';
import { parseObject, readLines } from './lines.js';

export const SNAPSHOT_FORMAT = 'netwerkbot-snapshot';

/** What a snapshot holds: all records as of the start of journal `journalGen`. */
export interface SnapshotData {
  schemaVersion: number;
  /** Journals with this generation or higher hold the changes made after the snapshot. */
  journalGen: number;
  /** Read gives Maps; write also takes a {@link viewOf} view. */
  collections: ReadonlyMap<string, RecordsLike>;
}

/** The header fields, checked before the records are read (e.g. to reject a newer version). */
export type SnapshotHeader = Omit<SnapshotData, 'collections'> & { records: number };

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/**
 * Reads and writes the snapshot. `write` streams lines in chunks of `chunkRecords`, yielding to
 * the event loop between chunks, into a temp file that is fsynced and renamed over the old one.
 */
export class SnapshotAdapter implements Adapter<SnapshotData> {
  constructor(
    private readonly dir: string,
    private readonly onHeader: (h: SnapshotHeader) => void = () => {},
    private readonly chunkRecords = 2000,
  ) {}

  /** Null when there is no snapshot; throws STORE_CORRUPT (naming the line) for a damaged one. */
  async read(): Promise<SnapshotData | null> {
    const file = join(this.dir, SNAPSHOT);
    if (!(await exists(file))) return null;
    let header: SnapshotHeader | undefined;
    const collections: Collections = new Map();
    let count = 0;
    const end = await readLines(file, (text, no) => {
      const o = parseObject(text);
      if (typeof o === 'string') throw corrupt(this.dir, SNAPSHOT, o, no);
      if (no === 1) {
        const { format, schemaVersion, journalGen, records } = o;
        if (
          format !== SNAPSHOT_FORMAT ||
          !isCount(schemaVersion) ||
          !isCount(journalGen) ||
          !isCount(records)
        ) {
          throw corrupt(this.dir, SNAPSHOT, `the header is not a ${SNAPSHOT_FORMAT} header`, no);
        }
        header = { schemaVersion, journalGen, records };
        this.onHeader(header);
        return;
      }
      if (typeof o.c !== 'string' || typeof o.k !== 'string' || !('v' in o)) {
        throw corrupt(this.dir, SNAPSHOT, 'expected {"c":collection,"k":id,"v":record}', no);
      }
      let m = collections.get(o.c);
      if (m === undefined) collections.set(o.c, (m = new Map()));
      m.set(o.k, deepFreeze(o.v as Json));
      count++;
    });
    if (end.lines === 0 && end.tornBytes === 0) throw corrupt(this.dir, SNAPSHOT, 'the file is empty');
    if (end.tornBytes > 0) throw corrupt(this.dir, SNAPSHOT, 'the last line is cut off', end.lines + 1);
    if (header === undefined) throw corrupt(this.dir, SNAPSHOT, 'the header line is missing', 1);
    if (count !== header.records) {
      throw corrupt(
        this.dir,
        SNAPSHOT,
        `the header announces ${header.records} records but ${count} were found`,
      );
    }
    return { schemaVersion: header.schemaVersion, journalGen: header.journalGen, collections };
  }

  /** Atomically replaces the snapshot (temp file, fsync, rename, directory fsync). */
  async write(data: SnapshotData): Promise<void> {
    let records = 0;
    for (const m of data.collections.values()) records += m.size;
    const header = {
      format: SNAPSHOT_FORMAT,
      schemaVersion: data.schemaVersion,
      journalGen: data.journalGen,
      records,
    };
    await writeAtomic(join(this.dir, SNAPSHOT), async (fh) => {
      let chunk = [JSON.stringify(header) + '\n'];
      for (const [c, m] of data.collections) {
        for (const [k, v] of m) {
          chunk.push(JSON.stringify({ c, k, v }) + '\n');
          if (chunk.length >= this.chunkRecords) {
            await fh.write(chunk.join(''));
            chunk = [];
            await yieldToLoop();
          }
        }
      }
      if (chunk.length > 0) await fh.write(chunk.join(''));
    });
  }
}
