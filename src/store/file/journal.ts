/**
 * The append-only journal, `journal-<gen>.jsonl`: one line `{"v":schemaVersion,"ops":[...]}` per
 * committed transaction. The writer does group commit: lines appended while an fsync runs are
 * written together and acknowledged by the next fsync.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Json } from '../port.js';
import { deepFreeze, type Op } from '../tx.js';
import { corrupt, exists, journalName, syncDir } from './fsx.js';
import { parseObject, readLines, type LinesEnd } from './lines.js';

/** Formats a committed transaction as one journal line. */
export const journalLine = (schemaVersion: number, ops: readonly Op[]): string =>
  JSON.stringify({ v: schemaVersion, ops }) + '\n';

const toOp = (x: unknown): Op | undefined => {
  if (x === null || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  if (typeof o.c !== 'string' || typeof o.k !== 'string') return undefined;
  if ('v' in o && !('d' in o)) return { c: o.c, k: o.k, v: deepFreeze(o.v as Json) };
  if (o.d === 1 && !('v' in o)) return { c: o.c, k: o.k, d: 1 };
  return undefined;
};

/**
 * Reads journal `gen`, calling `onTx(schemaVersion, ops, line)` per complete line. A complete
 * line that is not a well-formed transaction throws STORE_CORRUPT naming the file and line; the
 * returned {@link LinesEnd} reports a torn final line, which the caller decides about.
 */
export const readJournal = (
  dir: string,
  gen: number,
  onTx: (v: number, ops: Op[], line: number) => void,
): Promise<LinesEnd> =>
  readLines(join(dir, journalName(gen)), (text, no) => {
    const o = parseObject(text);
    if (typeof o === 'string') throw corrupt(dir, journalName(gen), o, no);
    const ops = Array.isArray(o.ops) ? o.ops.map(toOp) : undefined;
    if (!Number.isSafeInteger(o.v) || ops === undefined || ops.includes(undefined)) {
      throw corrupt(
        dir,
        journalName(gen),
        'expected {"v":version,"ops":[{"c","k","v"} or {"c","k","d":1}]}',
        no,
      );
    }
    onTx(o.v as number, ops as Op[], no);
  });

const ROTATE = Symbol('rotate');
type Item = { text: string | typeof ROTATE; resolve: () => void; reject: (e: unknown) => void };

/**
 * Appends to the current journal through one file handle. `append` resolves once the line is
 * fsynced; `rotate` switches to the next generation after everything before it is durable.
 * After a write or fsync fails every later call rejects: what was committed in memory may not
 * be on disk, so the store must be reopened.
 */
export class JournalWriter {
  private queue: Item[] = [];
  private running = false;
  private failure: { error: unknown } | undefined;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private fh: FileHandle,
    /** Generation of the journal being appended to. */
    public gen: number,
    /** Durable size of the current journal. */
    public bytes: number,
    private readonly onFlushed: () => void,
  ) {}

  /** Opens journal `gen` for appending, creating it (durably) if needed. */
  static async open(dir: string, gen: number, onFlushed: () => void = () => {}): Promise<JournalWriter> {
    const fh = await JournalWriter.openFile(dir, gen);
    return new JournalWriter(dir, fh, gen, (await fh.stat()).size, onFlushed);
  }

  private static async openFile(dir: string, gen: number): Promise<FileHandle> {
    const file = join(dir, journalName(gen));
    const existed = await exists(file);
    const fh = await open(file, 'a');
    if (!existed) await syncDir(dir);
    return fh;
  }

  /** Queues `text` (whole lines); resolves when it is durable. `''` waits for what is queued. */
  append(text: string): Promise<void> {
    return this.enqueue(text);
  }

  /** Resolves with the new generation once earlier lines are durable and its file exists. */
  async rotate(): Promise<number> {
    await this.enqueue(ROTATE);
    return this.gen;
  }

  /** Flushes what is queued and closes the file; later appends reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.append('').catch(() => {});
    this.closed = true;
    if (this.failure === undefined) await this.fh.close();
    else await this.fh.close().catch(() => {});
  }

  private enqueue(text: string | typeof ROTATE): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure.error);
    if (this.closed) return Promise.reject(new Error('store: journal is closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const stop = this.queue.findIndex((i) => i.text === ROTATE);
      const batch = this.queue.splice(0, stop === -1 ? this.queue.length : Math.max(stop, 1));
      try {
        if (batch[0]?.text === ROTATE) {
          await this.fh.close();
          this.fh = await JournalWriter.openFile(this.dir, this.gen + 1);
          this.gen += 1;
          this.bytes = (await this.fh.stat()).size;
        } else {
          const text = batch.map((i) => i.text as string).join('');
          if (text !== '') {
            await this.fh.appendFile(text);
            await this.fh.datasync();
            this.bytes += Buffer.byteLength(text);
          }
        }
        for (const i of batch) i.resolve();
      } catch (error) {
        this.failure = { error };
        for (const i of [...batch, ...this.queue.splice(0)]) i.reject(error);
      }
      if (this.failure === undefined) this.onFlushed();
    }
    this.running = false;
  }
}
