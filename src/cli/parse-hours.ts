import { createInterface } from 'node:readline';
import { parseHours } from '../parsing/hours/index.js';

export interface ParseHoursOptions {
  readonly now?: string;
  readonly tz?: string;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly error: NodeJS.WritableStream;
}

/**
 * `parse-hours [--now ISO-8601] [--tz Europe/Brussels]`: one message per line in, one JSON object
 * per line out: `{"ok":true,"minutes":150,"date":"2026-11-17"}` or `{"ok":false,"reason":"..."}`.
 * A bare number counts as hours. This output is a stable interface. Returns the exit code.
 */
export const parseHoursCommand = async (o: ParseHoursOptions): Promise<number> => {
  const now = o.now ? new Date(o.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    o.error.write(`--now must be an ISO-8601 time such as 2026-11-23T10:00:00+01:00 (got "${o.now}")\n`);
    return 2;
  }
  const timeZone = o.tz ?? 'Europe/Brussels';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    o.error.write(`--tz must be an IANA time zone such as Europe/Brussels (got "${timeZone}")\n`);
    return 2;
  }
  const rl = createInterface({ input: o.input, terminal: false, crlfDelay: Infinity });
  for await (const line of rl) {
    const r = parseHours(line, { now, timeZone, bareNumberIsHours: true });
    o.output.write(
      `${JSON.stringify(r.ok ? { ok: true, minutes: r.minutes, date: r.date } : { ok: false, reason: r.reason })}\n`,
    );
  }
  return 0;
};
