/** Streams a JSON-lines file, keeping byte offsets so a torn tail can be cut off exactly. */
import { createReadStream } from 'node:fs';

/** What {@link readLines} found besides the complete lines. */
export interface LinesEnd {
  /** Complete lines read. */
  readonly lines: number;
  /** Bytes up to and including the last newline. */
  readonly completeBytes: number;
  /** Bytes after the last newline: a torn final write (0 when the file ends with a newline). */
  readonly tornBytes: number;
}

/**
 * Calls `onLine(text, lineNumber)` for each newline-terminated line (numbers start at 1), in
 * 256 KiB chunks so a big file yields to the event loop. Splitting at byte 0x0a is safe in
 * UTF-8. A throw from `onLine` stops the read and propagates.
 */
export const readLines = async (
  path: string,
  onLine: (text: string, no: number) => void,
): Promise<LinesEnd> => {
  let rest: Buffer = Buffer.alloc(0);
  let lines = 0;
  let completeBytes = 0;
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buf = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
      let start = 0;
      for (let nl = buf.indexOf(0x0a, start); nl !== -1; nl = buf.indexOf(0x0a, start)) {
        onLine(buf.toString('utf8', start, nl), ++lines);
        completeBytes += nl + 1 - start;
        start = nl + 1;
      }
      rest = buf.subarray(start);
    }
  } finally {
    stream.destroy();
  }
  return { lines, completeBytes, tornBytes: rest.length };
};

/** Parses one line as a JSON object, or returns the reason it is not one. */
export const parseObject = (text: string): Record<string, unknown> | string => {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : 'not a JSON object';
  } catch {
    // V8's message quotes the text, which may hold personal data: keep it out of errors.
    return 'not valid JSON';
  }
};
