import { pathToFileURL } from 'node:url';
import { configuredOptions, createApp, loadContent } from './app.js';
import { createAdminAlerts } from './alerts.js';
import { createConsoleChannel } from './channels/console/index.js';
import {
  ACTIVITY_CRITERIA,
  ACTIVITY_FIELDS,
  ACTIVITY_TAGS,
  createSlackChannel,
  type SlackChannel,
  type SlackTexts,
} from './channels/slack/index.js';
import { createTelegramChannel } from './channels/telegram/index.js';
import { checkChromium, createWhatsAppChannel, createWwebjsClient } from './channels/whatsapp/index.js';
import type { Channel } from './core/channel.js';
import { whatsAppChannelName } from './core/messages.js';
import type { Clock } from './core/clock.js';
import type { Log } from './core/log.js';
import type { Store } from './core/store.js';
import { loadConfig, type Config } from './config/index.js';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS, seedDemo, type DataSchema } from './domain/index.js';
import type { I18n } from './i18n/index.js';
import { createLog } from './logging.js';
import { createMemoryStore, openFileStore } from './store/index.js';
import { removeProofs } from './store/copies.js';
import { removeCopies } from './store/file/purge.js';
import { openPostgresStore } from './store/postgres/index.js';
import { openRoleLocks, type RoleLocks } from './store/postgres/roles.js';
import { createAdjustableClock, createSystemIds } from './system.js';
import { createWebChannel } from './channels/web/index.js';
import { createLocalWeb, type WebServer } from './web/index.js';
import { reportFatal } from './cli/fatal.js';

/**
 * The composition root: the only place that chooses the store and the channels. Everything
 * else receives them.
 */

const storeOptions = { schemaVersion: DATA_VERSION, migrations: MIGRATIONS, collections: COLLECTIONS };

/** Opens the configured store: the file store under DATA_DIR (default), PostgreSQL or memory. */
export const openStore = async (
  config: Config,
  log: Log,
  dir = config.DATA_DIR,
): Promise<Store<DataSchema>> =>
  config.STORE === 'memory'
    ? createMemoryStore<DataSchema>(storeOptions)
    : config.STORE === 'postgres' && config.DATABASE_URL !== undefined
      ? openPostgresStore<DataSchema>({
          ...storeOptions,
          url: config.DATABASE_URL,
          log: (event, fields) => log.debug(fields, `store: ${event}`),
        })
      : openFileStore<DataSchema>({
          ...storeOptions,
          dir,
          compactAfterBytes: Math.round(config.STORE_COMPACT_AFTER_MB * 1024 * 1024),
          log: (event, fields) => log.debug(fields, `store: ${event}`),
        });

/**
 * What removes the copies of the data kept outside the store after a "vergeet mij" or retention
 * erasure (`app.tick` and the `privacy` command run it): the proofs of participation under
 * DATA_DIR/proofs for the file and PostgreSQL stores, and the file store's start-up backups too.
 * None for the memory store, which forgets everything at exit.
 */
export const removeCopiesFor = (
  config: Pick<Config, 'STORE' | 'DATA_DIR'>,
): (() => Promise<number>) | undefined =>
  config.STORE === 'file'
    ? () => removeCopies(config.DATA_DIR)
    : config.STORE === 'postgres'
      ? () => removeProofs(config.DATA_DIR)
      : undefined;

/** What the real channels need besides the configuration. */
export interface ChannelDeps {
  readonly log: Log;
  readonly i18n: I18n;
}

/** The Slack modal's words, in the admins' language. */
const slackTexts = (i18n: I18n, lng: string): SlackTexts => {
  const t = (k: string) => i18n.t(lng, `staff:${k}`);
  return {
    personAddTitle: t('slack.person_add_title'),
    submit: t('slack.submit'),
    cancel: t('slack.cancel'),
    name: t('slack.name'),
    role: t('slack.role'),
    language: t('slack.language'),
    municipality: t('slack.municipality'),
    roles: (['newcomer', 'buddy', 'contact', 'coach'] as const).map((r) => ({
      value: r,
      label: t(`role.${r}`),
    })),
    languages: i18n.languages.map((l) => ({ value: l, label: i18n.t(l, 'common:language_name') })),
    activity: {
      title: t('slack.activity.title'),
      submit: t('slack.submit'),
      cancel: t('slack.cancel'),
      fields: Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, t(`slack.activity.field.${f}`)])) as Record<
        (typeof ACTIVITY_FIELDS)[number],
        string
      >,
      tags: ACTIVITY_TAGS.map((v) => ({ value: v, label: t(`slack.activity.tag.${v}`) })),
      criteria: ACTIVITY_CRITERIA.map((v) => ({ value: v, label: t(`slack.activity.criterion.${v}`) })),
    },
  };
};

/**
 * Real channels configured in the environment: Telegram when TELEGRAM_BOT_TOKEN is set, Slack
 * when SLACK_BOT_TOKEN is set, WhatsApp when WHATSAPP=true. WhatsApp's connection events reach
 * the admins through Slack's admin channel. A channel that cannot start reports why at start-up
 * and the others keep running.
 */
export const realChannels = (config: Config, deps: ChannelDeps): Channel[] => {
  const channels: Channel[] = [];
  let slack: SlackChannel | null = null;
  if (config.TELEGRAM_BOT_TOKEN) {
    channels.push(
      createTelegramChannel({
        token: config.TELEGRAM_BOT_TOKEN,
        mode: config.TELEGRAM_MODE,
        ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
        ...(config.TELEGRAM_MODE === 'webhook'
          ? {
              webhook: {
                url: config.TELEGRAM_WEBHOOK_URL ?? '',
                secret: config.TELEGRAM_WEBHOOK_SECRET ?? '',
                port: config.TELEGRAM_WEBHOOK_PORT,
              },
            }
          : {}),
        log: deps.log,
      }),
    );
  }
  if (config.SLACK_BOT_TOKEN) {
    slack = createSlackChannel({
      botToken: config.SLACK_BOT_TOKEN,
      mode: config.SLACK_MODE,
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      port: config.SLACK_PORT,
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      command: config.SLACK_COMMAND,
      ...(config.SLACK_ADMIN_CHANNEL ? { adminChannel: config.SLACK_ADMIN_CHANNEL } : {}),
      texts: slackTexts(deps.i18n, config.DEFAULT_LANGUAGE),
      log: deps.log,
    });
    channels.push(slack);
  }
  if (config.WHATSAPP) {
    const alerts = createAdminAlerts({
      notifier: slack,
      i18n: deps.i18n,
      lng: config.DEFAULT_LANGUAGE,
      log: deps.log,
    });
    channels.push(
      createWhatsAppChannel({
        name: whatsAppChannelName(config.WHATSAPP_ACCOUNT),
        createClient: () => {
          checkChromium(config.PUPPETEER_EXECUTABLE_PATH);
          return createWwebjsClient({
            dataDir: config.DATA_DIR,
            session: whatsAppChannelName(config.WHATSAPP_ACCOUNT),
            executablePath: config.PUPPETEER_EXECUTABLE_PATH,
          });
        },
        pace: { minMs: config.WHATSAPP_PACE_MS, jitterMs: Math.round(config.WHATSAPP_PACE_MS * 1.5) },
        onEvent: alerts,
        log: deps.log,
      }),
    );
  }
  return channels;
};

/**
 * Loads the demo data into an empty database when asked (DEMO_DATA=true) or when nothing else is
 * configured (auto); prints how to use it. Returns the names one can chat as.
 */
export const ensureDemo = async (
  store: Store<DataSchema>,
  config: Config,
  opts: { clock: Clock; i18n: I18n; hasRealChannels: boolean; print: (s: string) => void },
): Promise<string[]> => {
  const t = (k: string, p: Record<string, string | number> = {}) =>
    opts.i18n.t(config.CLI_LANGUAGE, `cli:${k}`, p);
  const want = config.DEMO_DATA === 'true' || (config.DEMO_DATA === 'auto' && !opts.hasRealChannels);
  if (!want) return [];
  return store.transact((tx) => {
    if (tx.count('people') === 0) {
      const d = seedDemo(tx, opts.clock.now(), opts.i18n.languages);
      opts.print(t('demo_loaded', { gemeente: d.municipality, coach: d.coach.name, buddy: d.buddy.name }));
    }
    const demo = tx.list('people', (p) => p.createdBy === 'demo');
    for (const inv of tx.list('invites', (i) => i.createdBy === 'demo' && !i.usedAt)) {
      const p = tx.get('people', inv.personId);
      if (p)
        opts.print(t('demo_code', { name: p.name, code: `${inv.code.slice(0, 4)}-${inv.code.slice(4)}` }));
    }
    return demo.map((p) => p.name.toLowerCase());
  });
};

/**
 * On PostgreSQL, waits until this process holds each of its roles (another process may have one:
 * this one waits and takes over when that one ends). A lost lock connection stops the process, as
 * its roles may already run elsewhere. Other stores have one process, so nothing to take.
 */
const takeRoles = async (
  config: Config,
  roles: readonly string[],
  o: { print: (s: string) => void; t: (k: string, p?: Record<string, string | number>) => string; log: Log },
): Promise<RoleLocks | null> => {
  if (config.STORE !== 'postgres' || config.DATABASE_URL === undefined || roles.length === 0) return null;
  const locks = await openRoleLocks({
    url: config.DATABASE_URL,
    onWait: (role) => o.print(o.t('role_waiting', { role })),
    onLost: (err) => {
      o.log.error({ err: err.message }, 'role locks lost');
      o.print(o.t('role_lost', { roles: roles.join(', ') }));
      process.exit(1);
    },
  });
  await locks.acquire(roles);
  o.print(o.t('role_taken', { roles: roles.join(', ') }));
  o.log.info({ roles }, 'roles taken');
  return locks;
};

/** `npm start`: the bot on its configured channels, or the console with demo data. */
export const runBot = async (): Promise<void> => {
  const config = loadConfig();
  const log = createLog(config.LOG_LEVEL, config.LOG_PRETTY);
  const content = loadContent();
  const t = (k: string, p: Record<string, string | number> = {}) =>
    content.i18n.t(config.CLI_LANGUAGE, `cli:${k}`, p);
  const store = await openStore(config, log);
  const channels = realChannels(config, { log, i18n: content.i18n });
  // ROLES other than `all` (a region): only what is named runs here; no console or demo by default.
  const roles = config.ROLES.includes('all') ? null : config.ROLES;
  const has = (role: string) => roles === null || roles.includes(role);
  const useConsole =
    roles === null
      ? config.CONSOLE === 'true' || (config.CONSOLE === 'auto' && channels.length === 0)
      : has('console') && config.CONSOLE !== 'false';
  // The simulator's clock control moves this clock forward; without it, it is the wall clock.
  const clock = createAdjustableClock();
  const useWeb =
    roles === null
      ? config.WEB === 'true' || (config.WEB === 'auto' && useConsole)
      : has('web') && config.WEB !== 'false';
  const web = useWeb ? createWebChannel({ now: () => clock.now() }) : null;
  const serve = [
    ...channels.map((c) => c.name).filter(has),
    ...(web ? ['web'] : []),
    ...(useConsole ? ['console'] : []),
  ];
  const schedule = has('scheduler');
  const locks = await takeRoles(config, [...serve, ...(schedule ? ['scheduler'] : [])], {
    print: (s) => process.stdout.write(`${s}\n`),
    t,
    log,
  });
  const people = await ensureDemo(store, config, {
    clock,
    i18n: content.i18n,
    hasRealChannels: channels.length > 0 || roles !== null,
    print: (s) => process.stdout.write(`${s}\n`),
  });
  if (web) channels.push(web);
  let shutdown: () => Promise<void> = async () => {};
  if (useConsole) {
    const first = people[0] ?? 'you';
    const consoleChannel = createConsoleChannel({
      input: process.stdin,
      output: process.stdout,
      mode: 'interactive',
      initialUser: first,
      now: () => clock.now(),
      texts: {
        switched: (name) => t('console_as', { name }),
        prompt: (name) => t('console_prompt', { name }),
      },
      onEnd: () => void shutdown(),
    });
    channels.push(consoleChannel);
    process.stdout.write(
      `${t('console_intro', { name: first })}\n${t('console_people', { people: people.join(', ') })}\n`,
    );
  }
  // One id source for the app and the web simulator: its counter orders ids of the same millisecond.
  const ids = createSystemIds();
  const app = createApp({
    store,
    channels,
    clock,
    ids,
    log,
    ...configuredOptions(config),
    purgeBackups: removeCopiesFor(config),
    onProgress: (p) =>
      process.stdout.write(
        `${t('broadcast_progress', { id: p.broadcastId, sent: p.sent, failed: p.failed, pending: p.pending })}\n`,
      ),
    content,
    serve,
    schedule,
  });
  const server: WebServer | null = web
    ? await createLocalWeb({
        ctx: {
          store,
          clock,
          ids,
          content,
          timeZone: config.TIMEZONE,
          language: config.CLI_LANGUAGE,
        },
        channel: web,
        clock,
        app,
        host: config.WEB_HOST,
        port: config.WEB_PORT,
        ...(config.WEB_PASSWORD ? { password: config.WEB_PASSWORD } : {}),
        // The simulator moves its clock and resets all data: not on a region's shared database.
        simulator: config.STORE !== 'postgres',
        log,
      })
    : null;
  // Listening before the console's first prompt, so the address is printed above it.
  if (server)
    await server.start().then(
      (url) =>
        process.stdout.write(`${content.i18n.t(config.CLI_LANGUAGE, 'simulator:cli.address', { url })}\n`),
      (err: unknown) =>
        process.stdout.write(`${t('channel_failed', { channel: 'web', reason: (err as Error).message })}\n`),
    );
  const live = await app.start();
  log.info({ channels: live }, 'started');
  for (const f of app.failed)
    process.stdout.write(`${t('channel_failed', { channel: f.channel, reason: f.reason })}\n`);
  if (!useConsole || app.failed.length)
    process.stdout.write(
      `${t('channels_live', { channels: live.filter((c) => c !== 'console').join(', ') || '-' })}\n`,
    );
  if (live.length === 0 && (roles === null || !schedule)) {
    // Nothing to talk on (a region's scheduler-only process excepted): say so and stop, rather
    // than run deaf.
    await app.stop();
    await locks?.release();
    await store.close();
    process.exitCode = 1;
    return;
  }
  const timer = setInterval(() => void app.tick(), config.TIMER_INTERVAL_SECONDS * 1000);
  let stopping = false;
  shutdown = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    await server?.stop();
    // Deliver the replies still on their way (a few seconds at most; the rest stays in the outbox).
    await Promise.race([app.idle(), new Promise((r) => setTimeout(r, 5000).unref())]);
    await app.stop();
    await store.close();
    await locks?.release();
    if (useConsole) process.stdout.write(`${t('console_bye')}\n`);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBot().catch(reportFatal);
}
