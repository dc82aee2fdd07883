import { pino } from 'pino';
import type { Log } from './core/log.js';

/**
 * Fields that could hold personal data, hidden at the top level and one level down: in JSON logs
 * by pino's redact ({@link REDACT_PATHS}), in pretty logs by {@link hide}.
 */
const HIDDEN = new Set(['text', 'name', 'phone', 'address', 'user', 'chat']);

/** pino's redact paths for {@link HIDDEN}: each field, and each field one level down. */
const REDACT_PATHS = [...HIDDEN, ...[...HIDDEN].map((k) => `*.${k}`)];

/** The same redaction as {@link REDACT_PATHS}, for the pretty line. */
const hide = (fields: Record<string, unknown>, depth = 0): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [
      k,
      HIDDEN.has(k)
        ? '[hidden]'
        : depth === 0 && v && typeof v === 'object' && !Array.isArray(v)
          ? hide(v as Record<string, unknown>, 1)
          : v,
    ]),
  );

/**
 * A logger at `level`: structured logs (pretty lines with LOG_PRETTY) on standard error, as
 * standard output belongs to the console chat, or to `write` (one line each, without its newline)
 * when given: an in-process CLI run logs on its own io. Fields that could hold personal data are
 * redacted as a second line of defence; the code logs ids and codes.
 */
export const createLog = (level: string, pretty = false, write?: (line: string) => void): Log => {
  const logger = pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[hidden]' },
    },
    write ? { write: (s: string) => write(s.replace(/\n$/, '')) } : pino.destination({ fd: 2, sync: true }),
  );
  if (!pretty) return logger;
  const line = (lvl: string) => (fields: Record<string, unknown>, msg: string) => {
    if (logger.isLevelEnabled(lvl))
      (write ?? ((s: string) => process.stderr.write(`${s}\n`)))(
        `${lvl.toUpperCase()} ${msg} ${JSON.stringify(hide(fields))}`,
      );
  };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
};
