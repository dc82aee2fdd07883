import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.js';

/**
 * All configuration, from the environment and `.env`. Each variable has a description (shown in
 * errors and kept in sync with .env.example and the README table by a test). Secrets are marked
 * so their values are never printed.
 */
export interface VariableDoc {
  readonly description: string;
  readonly example: string;
  readonly secret?: boolean;
}

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const auto = z.enum(['auto', 'true', 'false']);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Europe/Brussels');

export const configSchema = z.object({
  DATA_DIR: z.string().min(1).default('data'),
  STORE: z.enum(['file', 'memory']).default('file'),
  STORE_COMPACT_AFTER_MB: z.coerce.number().min(0.01).max(1024).default(8),
  DEMO_DATA: auto.default('auto'),
  CONSOLE: auto.default('auto'),
  TIMEZONE: timeZone.default('Europe/Brussels'),
  DEFAULT_LANGUAGE: z.enum(LANGUAGES).default('nl'),
  CLI_LANGUAGE: z.enum(LANGUAGES).default('nl'),
  INVITE_TTL_DAYS: int(1, 90).default(14),
  MAX_MISSES: int(1, 10).default(3),
  TIMER_INTERVAL_SECONDS: int(1, 3600).default(15),
  MAX_ENTRY_HOURS: z.coerce.number().min(0.5).max(24).default(12),
  MAX_DAY_HOURS: z.coerce.number().min(0.5).max(24).default(16),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigKey = keyof Config;

export const VARIABLES: Readonly<Record<ConfigKey, VariableDoc>> = {
  DATA_DIR: { description: 'Folder of the embedded database (created if missing).', example: 'data' },
  STORE: {
    description: '`file` keeps data in DATA_DIR; `memory` forgets everything at exit (trying things out).',
    example: 'file',
  },
  STORE_COMPACT_AFTER_MB: {
    description: 'Journal size in MB after which the file store writes a fresh snapshot.',
    example: '8',
  },
  DEMO_DATA: {
    description:
      '`auto` loads demo people into an empty database when no real channel is configured; `true`/`false` force it.',
    example: 'auto',
  },
  CONSOLE: {
    description: '`auto` runs the console chat when no real channel is configured; `true`/`false` force it.',
    example: 'auto',
  },
  TIMEZONE: { description: 'Time zone for dates people see and type.', example: 'Europe/Brussels' },
  DEFAULT_LANGUAGE: { description: 'Language of a new person when none is given.', example: 'nl' },
  CLI_LANGUAGE: { description: 'Language of the command line texts for coaches.', example: 'nl' },
  INVITE_TTL_DAYS: { description: 'Days an invite code stays valid (1-90).', example: '14' },
  MAX_MISSES: {
    description: 'Answers not understood in a row before the bot offers contact with the coach.',
    example: '3',
  },
  TIMER_INTERVAL_SECONDS: {
    description: 'How often waiting conversations are checked for timeouts.',
    example: '15',
  },
  MAX_ENTRY_HOURS: { description: 'Most hours one reported activity may count.', example: '12' },
  MAX_DAY_HOURS: {
    description: 'Most hours one newcomer may report for one day, all activities together.',
    example: '16',
  },
  LOG_LEVEL: {
    description:
      'fatal, error, warn, info, debug, trace or silent. Logs go to standard error and never hold names, numbers or message texts.',
    example: 'info',
  },
  LOG_PRETTY: { description: '`true` prints logs as readable lines instead of JSON.', example: 'false' },
};
