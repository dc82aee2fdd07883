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

const rate = z
  .string()
  .regex(/^(off|[1-9]\d{0,5}\/(s|min|h))$/, 'a rate such as 30/s, 20/min or 100/h, or off');

/** A five-field cron expression; a wrong one is refused with `example` (its value and meaning). */
const cron = (example: string) => z.string().regex(/^\S+( \S+){4}$/, `five cron fields, e.g. ${example}`);

/** What a process may do (ROLES): run the scheduler, and serve each channel. */
export const ROLE_NAMES = ['all', 'scheduler', 'telegram', 'slack', 'whatsapp', 'web', 'console'] as const;

const configFields = z.object({
  DATA_DIR: z.string().min(1).default('data'),
  STORE: z.enum(['file', 'memory', 'postgres']).default('file'),
  DATABASE_URL: z.string().min(1).optional(),
  STORE_COMPACT_AFTER_MB: z.coerce.number().min(0.01).max(1024).default(8),
  ROLES: z
    .string()
    .default('all')
    .transform((s) =>
      s
        .split(',')
        .map((r) => r.trim().toLowerCase())
        .filter((r) => r !== ''),
    )
    .refine(
      (list) =>
        list.length > 0 &&
        list.every(
          (r) => (ROLE_NAMES as readonly string[]).includes(r) || /^whatsapp-[a-z0-9]{1,20}$/.test(r),
        ),
      `a comma-separated list of ${ROLE_NAMES.join(', ')} (or whatsapp-<account> for one of several numbers)`,
    ),
  DEMO_DATA: auto.default('auto'),
  CONSOLE: auto.default('auto'),
  WEB: auto.default('auto'),
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: int(0, 65535).default(8088),
  WEB_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
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
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'a token from @BotFather like 123456789:AA…')
    .optional(),
  TELEGRAM_MODE: z.enum(['polling', 'webhook']).default('polling'),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).optional(),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/ }).optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, '16-256 letters, digits, _ or -')
    .optional(),
  TELEGRAM_WEBHOOK_PORT: int(0, 65535).default(8443),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'a bot token that starts with xoxb-').optional(),
  SLACK_MODE: z.enum(['socket', 'http']).default('socket'),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'an app-level token that starts with xapp-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(16).optional(),
  SLACK_PORT: int(0, 65535).default(3000),
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  SLACK_COMMAND: z
    .string()
    .regex(/^\/[a-z0-9_-]{1,31}$/, 'a slash command such as /netwerkbot')
    .default('/netwerkbot'),
  SLACK_ADMIN_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{6,}$/, 'a channel id such as C0123ABCD (channel details → bottom)')
    .optional(),
  WHATSAPP: bool.default(false),
  WHATSAPP_ACCOUNT: z
    .string()
    .regex(/^[a-z0-9]{1,20}$/, '1 to 20 lowercase letters or digits, e.g. gent')
    .optional(),
  PUPPETEER_EXECUTABLE_PATH: z.string().min(1).default('/usr/bin/chromium'),
  WHATSAPP_PACE_MS: int(0, 60_000).default(1200),
  DIGEST_CRON: cron('"0 10 * * 1" (Monday 10:00)').default('0 10 * * 1'),
  INACTIVITY_NUDGE_DAYS: int(1, 365).default(14),
  INACTIVITY_ALERT_DAYS: int(1, 365).default(28),
  COACH_DIGEST_CRON: cron('"0 9 * * 1-5" (working days 09:00)').default('0 9 * * 1-5'),
  DEFAULT_CAMPAIGN: z.enum(['vgc', 'wetteren', 'none']).default('vgc'),
  TERM_END_WARNING_DAYS: int(1, 365).default(60),
  RETENTION_MONTHS: int(1, 120).default(12),
  INVITE_MAX_FAILURES: int(1, 100).default(5),
  OUTREACH_WAIT_DAYS: int(1, 30).default(3),
  TB_REPORT_CRON: cron('"0 9 1 1,4,7,10 *" (the first day of each quarter)').default('0 9 1 1,4,7,10 *'),
  OUTBOX_MAX_ATTEMPTS: int(1, 50).default(6),
  OUTBOX_CONCURRENCY: int(1, 32).default(1),
  QUIET_HOURS: z
    .string()
    .regex(
      /^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/,
      'HH:MM-HH:MM such as 21:00-08:00, or off',
    )
    .default('21:00-08:00'),
  RATE_TELEGRAM: rate.default('30/s'),
  RATE_TELEGRAM_CHAT: rate.default('1/s'),
  RATE_TELEGRAM_GROUP: rate.default('20/min'),
  RATE_SLACK_CHAT: rate.default('1/s'),
  RATE_WHATSAPP: rate.default('20/min'),
});

/** The variables, plus the rules that tie several together. */
export const configSchema = configFields.superRefine((c, ctx) => {
  if (c.STORE === 'postgres' && c.DATABASE_URL === undefined) {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'required when STORE=postgres' });
  }
});

export type Config = z.infer<typeof configSchema>;
export type ConfigKey = keyof Config;

export const VARIABLES: Readonly<Record<ConfigKey, VariableDoc>> = {
  DATA_DIR: { description: 'Folder of the embedded database (created if missing).', example: 'data' },
  STORE: {
    description:
      '`file` keeps data in DATA_DIR, `postgres` in PostgreSQL (DATABASE_URL); `memory` forgets everything at exit.',
    example: 'file',
  },
  DATABASE_URL: {
    description: 'PostgreSQL connection string; required when STORE=postgres.',
    example: 'postgres://netwerkbot:secret@127.0.0.1:5432/netwerkbot',
    secret: true,
  },
  ROLES: {
    description:
      'What this process does: `all`, or a comma list of scheduler, telegram, slack, whatsapp, web, console. With STORE=postgres each role runs in one process at a time; a second process with the same role waits and takes over when the first stops.',
    example: 'all',
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
  WEB: {
    description:
      '`auto` serves the local simulator and coach dashboard when the console runs (no real channel); `true`/`false` force it.',
    example: 'auto',
  },
  WEB_HOST: {
    description: 'Address the simulator and dashboard listen on; anything but localhost needs WEB_PASSWORD.',
    example: '127.0.0.1',
  },
  WEB_PORT: { description: 'Port of the simulator and dashboard (0: any free port).', example: '8088' },
  WEB_PASSWORD: {
    description:
      'Password (user `admin`) for the simulator and dashboard; required when WEB_HOST is not localhost.',
    example: 'a-long-password',
    secret: true,
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
  TELEGRAM_BOT_TOKEN: {
    description: 'Turns Telegram on. The bot token from @BotFather.',
    example: '123456789:AAH…',
    secret: true,
  },
  TELEGRAM_MODE: {
    description: '`polling` (no public URL needed) or `webhook` (needs TELEGRAM_WEBHOOK_URL and _SECRET).',
    example: 'polling',
  },
  TELEGRAM_API_ROOT: {
    description: 'A self-hosted Telegram Bot API server instead of api.telegram.org.',
    example: 'http://127.0.0.1:8081',
  },
  TELEGRAM_WEBHOOK_URL: {
    description: 'Public HTTPS address Telegram posts updates to (webhook mode).',
    example: 'https://bot.example.be/telegram',
  },
  TELEGRAM_WEBHOOK_SECRET: {
    description: 'Secret Telegram sends with every update (webhook mode); other requests get 401.',
    example: 'a-long-random-string',
    secret: true,
  },
  TELEGRAM_WEBHOOK_PORT: {
    description: 'Local port of the webhook server (behind your HTTPS proxy).',
    example: '8443',
  },
  SLACK_BOT_TOKEN: {
    description: 'Turns Slack on (for coaches). The Bot User OAuth Token of your Slack app.',
    example: 'xoxb-…',
    secret: true,
  },
  SLACK_MODE: {
    description:
      '`socket` (Socket Mode, no public URL needed, needs SLACK_APP_TOKEN) or `http` (needs SLACK_SIGNING_SECRET).',
    example: 'socket',
  },
  SLACK_APP_TOKEN: {
    description: 'App-level token with connections:write (Socket Mode).',
    example: 'xapp-…',
    secret: true,
  },
  SLACK_SIGNING_SECRET: {
    description: 'Signing secret of your Slack app (HTTP mode); unsigned or stale requests get 401.',
    example: '8f14e45f…',
    secret: true,
  },
  SLACK_PORT: { description: 'Local port for Slack requests (HTTP mode).', example: '3000' },
  SLACK_API_URL: {
    description: 'Another Slack Web API address (tests and proxies).',
    example: 'https://slack.com/api/',
  },
  SLACK_COMMAND: { description: 'The slash command coaches type.', example: '/netwerkbot' },
  SLACK_ADMIN_CHANNEL: {
    description: 'Channel id where admins get alerts (WhatsApp QR code, lost connections).',
    example: 'C0123ABCD',
  },
  WHATSAPP_ACCOUNT: {
    description:
      'Several WhatsApp numbers in one region: this process serves the number named here (its channel and role are whatsapp-<account>, its session is kept in DATA_DIR/whatsapp-<account>); people imported here get this number. Empty: the one number `whatsapp`.',
    example: 'gent',
  },
  WHATSAPP: {
    description:
      '`true` turns WhatsApp on (whatsapp-web.js, needs Chromium; scan the QR code at first start).',
    example: 'false',
  },
  PUPPETEER_EXECUTABLE_PATH: {
    description: 'Chromium for WhatsApp (never downloaded at install).',
    example: '/usr/bin/chromium',
  },
  DIGEST_CRON: {
    description:
      'When the weekly digest of activities goes out (cron, in TIMEZONE); a gemeente may have its own.',
    example: '0 10 * * 1',
  },
  INACTIVITY_NUDGE_DAYS: {
    description: 'Days without a duo meeting before the buddy gets one friendly nudge (1-365).',
    example: '14',
  },
  INACTIVITY_ALERT_DAYS: {
    description: 'Days without a duo meeting before the coach is alerted once (1-365).',
    example: '28',
  },
  COACH_DIGEST_CRON: {
    description:
      'When each coach gets the daily digest of opvolggesprekken, quiet duos and waiting hours (cron, in TIMEZONE).',
    example: '0 9 * * 1-5',
  },
  DEFAULT_CAMPAIGN: {
    description:
      'Follow-up campaign of duos in gemeenten that did not choose one: vgc, wetteren or none (`municipality campaign`).',
    example: 'vgc',
  },
  TERM_END_WARNING_DAYS: {
    description:
      "Days before a newcomer's term end from which the digest warns when they have fewer than 40 hours.",
    example: '60',
  },
  RETENTION_MONTHS: {
    description:
      "Months after a trajectory ends before the person's data is erased automatically (what proves hours is kept minimal).",
    example: '12',
  },
  INVITE_MAX_FAILURES: {
    description:
      'Wrong invite codes one sender may try in an hour before the bot stops checking (against guessing).',
    example: '5',
  },
  OUTREACH_WAIT_DAYS: {
    description:
      'Days a newly imported newcomer has to answer the first message before the second one and a coach task.',
    example: '3',
  },
  TB_REPORT_CRON: {
    description:
      'When coaches are reminded to send the report for the trajectbegeleider (cron, in TIMEZONE; quarterly).',
    example: '0 9 1 1,4,7,10 *',
  },
  WHATSAPP_PACE_MS: {
    description: 'Least time between two WhatsApp messages, plus a random extra (against bans).',
    example: '1200',
  },
  OUTBOX_MAX_ATTEMPTS: {
    description:
      'Attempts before a message goes to the dead-letter list (`outbox failed`); a platform asking to slow down is no attempt.',
    example: '6',
  },
  OUTBOX_CONCURRENCY: {
    description:
      'Messages in flight at once per channel; after a crash at most this many can arrive twice on Telegram and WhatsApp.',
    example: '1',
  },
  QUIET_HOURS: {
    description:
      'Local time (TIMEZONE) when broadcasts wait; they go out when it ends. Replies always go. `off` for none.',
    example: '21:00-08:00',
  },
  RATE_TELEGRAM: { description: 'Most Telegram messages overall (N/s, N/min, N/h or off).', example: '30/s' },
  RATE_TELEGRAM_CHAT: { description: 'Most Telegram messages to one chat.', example: '1/s' },
  RATE_TELEGRAM_GROUP: { description: 'Most Telegram messages to one group.', example: '20/min' },
  RATE_SLACK_CHAT: { description: 'Most Slack messages to one channel or DM.', example: '1/s' },
  RATE_WHATSAPP: {
    description: 'Most WhatsApp messages overall, on top of WHATSAPP_PACE_MS (broadcasts go at this pace).',
    example: '20/min',
  },
};
