import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseHours } from '../parsing/hours/index.js';

export interface ParseHoursOptions {
  /** the moment to read messages at (ISO-8601); the wall clock at each line when absent */
  readonly now?: string;
  /** IANA time zone that decides "today"; Europe/Brussels when absent */
  readonly tz?: string;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** where a bad option is explained; standard error when absent */
  readonly error?: NodeJS.WritableStream;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A valid IANA (or Intl-known) time zone name. */
const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * `parse-hours [--now ISO-8601] [--tz Europe/Brussels]`: one message per line in, one JSON object
 * per line out, as the lines arrive: `{"ok":true,"minutes":150,"date":"2026-11-17"}` or
 * `{"ok":false,"reason":"no_duration"}` (exactly these keys, in this order; an empty line gives
 * "empty"). A bare number counts as hours. Admins and tests depend on this output: keep it stable.
 * Returns the exit code: 0, or 2 for a bad --now or --tz (one line on the error stream).
 */
export const parseHoursCommand = async (o: ParseHoursOptions): Promise<number> => {
  const error = o.error ?? process.stderr;
  const fixed = o.now === undefined ? null : new Date(o.now);
  if (fixed && (!ISO_8601.test(o.now ?? '') || Number.isNaN(fixed.getTime()))) {
    error.write(`--now must be an ISO-8601 time such as 2026-11-23T10:00:00+01:00 (got "${o.now}")\n`);
    return 2;
  }
  const timeZone = o.tz ?? 'Europe/Brussels';
  if (!isTimeZone(timeZone)) {
    error.write(`--tz must be an IANA time zone such as Europe/Brussels (got "${timeZone}")\n`);
    return 2;
  }
  const lines = createInterface({ input: o.input, terminal: false, crlfDelay: Infinity });
  for await (const line of lines) {
    const r = parseHours(line, { now: fixed ?? new Date(), timeZone, bareNumberIsHours: true });
    const json = JSON.stringify(
      r.ok ? { ok: true, minutes: r.minutes, date: r.date } : { ok: false, reason: r.reason },
    );
    if (!o.output.write(`${json}\n`)) await once(o.output, 'drain');
  }
  return 0;
};
