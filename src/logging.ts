import { pino } from 'pino';
import type { Log } from './core/log.js';

/**
 * Structured logs on standard error (standard output belongs to the console chat). Fields that
 * could hold personal data are redacted as a second line of defence; the code logs ids and codes.
 */
export const createLog = (level: string, pretty = false): Log => {
  const logger = pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'text',
          'name',
          'phone',
          'address',
          'user',
          'chat',
          '*.text',
          '*.name',
          '*.phone',
          '*.address',
        ],
        censor: '[hidden]',
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
  if (!pretty) return logger;
  const line = (lvl: string) => (fields: Record<string, unknown>, msg: string) => {
    if (logger.isLevelEnabled(lvl))
      process.stderr.write(`${lvl.toUpperCase()} ${msg} ${JSON.stringify(fields)}\n`);
  };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
};
