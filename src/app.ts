import { fileURLToPath } from 'node:url';
import type { Channel } from './core/channel.js';
import type { Clock, Ids } from './core/clock.js';
import type { Log } from './core/log.js';
import { isCodedError } from './core/errors.js';
import type { Template } from './core/effects.js';
import type { Inbound } from './core/messages.js';
import { createRuntime, type Runtime } from './core/runtime.js';
import { SYSTEM_FLOWS } from './core/step.js';
import type { Store } from './core/store.js';
import {
  createDomainActions,
  createStaffCommands,
  digestActivities,
  parseInviteCode,
  profileOf,
  type DataSchema,
  type HoursSettings,
} from './domain/index.js';
import type { Config } from './config/index.js';
import { loadFlows, type LoadedFlows } from './flows/index.js';
import { loadCampaigns, type CampaignSet } from './flows/campaign-loader.js';
import { campaignJobs } from './domain/campaigns/jobs.js';
import { createI18n, loadResources, renderTemplate, type I18n } from './i18n/index.js';
import {
  createDispatcher,
  outboxSettings,
  type BroadcastProgress,
  type Dispatcher,
  type OutboxSettings,
} from './outbox/index.js';
import type { CoreSchema } from './core/records.js';
import {
  broadcastJobs,
  DIGEST_CRON,
  groupChatterHint,
  onBroadcastRowSettled,
} from './domain/broadcasts/index.js';
import { duoJobs } from './domain/duos/jobs.js';
import { coachDigestJobs } from './domain/followup/coach-jobs.js';
import { retentionJobs } from './domain/privacy/jobs.js';
import { purgeAfterErasures } from './domain/privacy/purge.js';
import { outreachJobs } from './domain/outreach/index.js';
import { tbReportJobs } from './domain/reports/jobs.js';
import { createProofRenderer } from './documents/proof-files.js';
import { createHandoverRelay, holdDuringHandover, onHandoverRowSettled } from './domain/handover/index.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler/index.js';
import { proofTexts } from './documents/proof-pdf.js';
import { latestAddressOf } from './domain/people.js';

/** Hours settings when none are given (the configuration's defaults). */
export const DEFAULT_HOURS: HoursSettings = {
  timeZone: 'Europe/Brussels',
  maxEntryMinutes: 12 * 60,
  maxDayMinutes: 16 * 60,
};

/** Hours settings from the configuration. */
export const hoursSettings = (c: Config): HoursSettings => ({
  timeZone: c.TIMEZONE,
  maxEntryMinutes: Math.round(c.MAX_ENTRY_HOURS * 60),
  maxDayMinutes: Math.round(c.MAX_DAY_HOURS * 60),
});

/**
 * Everything the app takes from the configuration, so `npm start` and the scripted chat run the
 * same bot (same limits, quiet hours, digest time and nudges).
 */
export const configuredOptions = (c: Config) => ({
  maxMisses: c.MAX_MISSES,
  hours: hoursSettings(c),
  inviteTtlDays: c.INVITE_TTL_DAYS,
  inviteMaxFailures: c.INVITE_MAX_FAILURES,
  digestCron: c.DIGEST_CRON,
  inactivity: { nudgeDays: c.INACTIVITY_NUDGE_DAYS, alertDays: c.INACTIVITY_ALERT_DAYS },
  coachDigestCron: c.COACH_DIGEST_CRON,
  retentionMonths: c.RETENTION_MONTHS,
  tbReportCron: c.TB_REPORT_CRON,
  proofDir: `${c.DATA_DIR}/proofs`,
  termEndWarningDays: c.TERM_END_WARNING_DAYS,
  outbox: outboxSettings(c),
  groupLanguage: c.DEFAULT_LANGUAGE,
  defaultCampaign: c.DEFAULT_CAMPAIGN,
});

/** The project's root folder (flows/ and locales/ live there), whatever the working directory. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What the bot is made of besides code: texts, flows and follow-up campaigns. */
export interface Content {
  readonly i18n: I18n;
  readonly flows: LoadedFlows;
  readonly campaigns: CampaignSet;
}

/**
 * Locales, flows and campaigns, loaded and cross-checked once; a bad file stops start-up with its
 * problems (file, line, path, fix).
 */
export const loadContent = (root = ROOT): Content => {
  const i18n = createI18n(loadResources(`${root}locales`));
  const actions = Object.keys(createDomainActions({ ...DEFAULT_HOURS, languages: i18n.languages }));
  const flows = loadFlows(`${root}flows`, {
    knownKey: (k) => i18n.has(k),
    knownActions: actions,
    requiredFlows: SYSTEM_FLOWS,
  });
  const campaigns = loadCampaigns(`${root}flows/campaigns`, {
    knownKey: (k) => i18n.has(k),
    knownFlow: (id) => flows.get(id) !== undefined,
  });
  return { i18n, flows, campaigns };
};

export interface AppOptions {
  readonly store: Store<DataSchema>;
  readonly channels: readonly Channel[];
  readonly clock: Clock;
  readonly ids: Ids;
  readonly log: Log;
  readonly maxMisses?: number;
  /** Time zone and plausibility limits for hours (from the configuration). */
  readonly hours?: HoursSettings;
  readonly content?: Content;
  /** Days a new invite code stays valid (INVITE_TTL_DAYS). */
  readonly inviteTtlDays?: number;
  /** Wrong invite codes a sender may send in an hour before codes are no longer checked (INVITE_MAX_FAILURES). */
  readonly inviteMaxFailures?: number;
  /** When gemeenten without their own cron get the weekly digest (DIGEST_CRON). */
  readonly digestCron?: string;
  /** Days without a duo meeting before the buddy's nudge and the coach's alert (INACTIVITY_*_DAYS). */
  readonly inactivity?: { readonly nudgeDays: number; readonly alertDays: number };
  /**
   * When each coach gets the daily digest (COACH_DIGEST_CRON). None by default here, so a test bot
   * sends no digest unless it asks; `npm start` and the scripted chat pass the configured one.
   */
  readonly coachDigestCron?: string;
  /** Days before a term's end from which the digest warns under 40 hours (TERM_END_WARNING_DAYS). */
  readonly termEndWarningDays?: number;
  /**
   * Months after a trajectory ended before its people are erased by the nightly job
   * (RETENTION_MONTHS). None by default here, so a test bot erases nobody unless it asks.
   */
  readonly retentionMonths?: number;
  /**
   * Removes the copies of the data kept outside the store after an erasure (proofs of
   * participation, the file store's backups; main.ts passes the one for its store), on the tick
   * that follows it, after the store is compacted. None by default: no files are removed.
   */
  readonly purgeBackups?: () => Promise<number>;
  /**
   * When coaches are reminded to send the TB report (TB_REPORT_CRON). None by default here, so a
   * test bot sends no reminder unless it asks; `npm start` and the scripted chat pass the configured one.
   */
  readonly tbReportCron?: string;
  /** Folder where `/netwerkbot proof` writes the PDFs it sends (DATA_DIR/proofs); none: no files. */
  readonly proofDir?: string;
  /** Language of posts in gemeente-groepen (Dutch stays visible there). */
  readonly groupLanguage?: string;
  /**
   * The follow-up campaign of gemeenten that did not choose one (DEFAULT_CAMPAIGN). Default
   * `none` here, so a test bot sends no campaign messages unless it asks for them.
   */
  readonly defaultCampaign?: string;
  /** Platform rate limits, quiet hours and attempts (from the configuration); none in tests. */
  readonly outbox?: Partial<OutboxSettings>;
  /** Called at most once a second while a broadcast is being delivered (console progress). */
  readonly onProgress?: (p: BroadcastProgress) => void;
  /**
   * The channels this process starts and delivers for (ROLES; default all of `channels`). The
   * others are known for what they can do (threads, buttons) but served by another process.
   */
  readonly serve?: readonly string[];
  /** Whether this process fires timeouts and runs the scheduler (ROLES; default true). */
  readonly schedule?: boolean;
}

export interface App {
  readonly runtime: Runtime;
  readonly dispatcher: Dispatcher;
  readonly scheduler: Scheduler;
  readonly i18n: I18n;
  /** Handles one inbound message; its replies go out through the outbox. Channels are started with it. */
  readonly onInbound: (m: Inbound) => Promise<void>;
  /** Starts the channels; returns the names of those that came up. */
  start(): Promise<string[]>;
  /** Channels that did not start, with the reason (a coded error's message names the variable). */
  readonly failed: readonly { readonly channel: string; readonly reason: string }[];
  /** Fires due timeouts and delivers what is due (the periodic job). */
  tick(): Promise<void>;
  /** Resolves when no turn or delivery is running. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Job handlers and the planner that schedules them: what each domain area gives the scheduler. */
type JobSet = Required<Pick<SchedulerOptions<DataSchema, DataSchema['jobs']>, 'handlers' | 'plan'>>;

/** The job set of a feature that is off (no cron or retention configured). */
const NO_JOBS: JobSet = { handlers: {}, plan: () => undefined };

/** Wires the engine: runtime, outbox, i18n rendering, domain actions, over the given store and channels. */
export const createApp = (o: AppOptions): App => {
  const { i18n, flows, campaigns } = o.content ?? loadContent();
  const channels = new Map(o.channels.map((c) => [c.name, c]));
  const served = o.channels.filter((c) => o.serve === undefined || o.serve.includes(c.name));
  const schedule = o.schedule ?? true;
  const coreStore = o.store as unknown as Store<CoreSchema>;
  const render = (t: Template, lng: string) => renderTemplate(i18n, t, lng);
  const hours = o.hours ?? DEFAULT_HOURS;
  const timeZone = hours.timeZone;
  // Handovers post into the coach's thread where the channel has threads (Slack).
  const handover = { render, threads: (c: string) => channels.get(c)?.capabilities.threads === true };
  const inactivity = o.inactivity ?? { nudgeDays: 14, alertDays: 28 };
  const digest = { nudgeDays: inactivity.nudgeDays, termEndWarningDays: o.termEndWarningDays ?? 60 };
  const dispatcher = createDispatcher({
    store: coreStore,
    channels: new Map(served.map((c) => [c.name, c])),
    clock: o.clock,
    log: o.log,
    ...o.outbox,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    onSettled: (tx, r, outcome, platformId) => {
      onBroadcastRowSettled(tx as never, r, outcome, platformId, { render, now: o.clock.now() });
      onHandoverRowSettled(tx as never, r, outcome, platformId, handover.threads);
    },
  });
  const runtime = createRuntime<DataSchema>({
    store: o.store,
    flows,
    words: i18n.words,
    actions: createDomainActions({
      ...hours,
      languages: i18n.languages,
      handover,
      ...(o.inviteMaxFailures ? { inviteMaxFailures: o.inviteMaxFailures } : {}),
    }),
    render: (t, lng, profile) =>
      renderTemplate(
        i18n,
        t,
        lng,
        lng ? { ...profile, languageName: i18n.t(lng, 'common:language_name') } : profile,
      ),
    profile: profileOf,
    inviteCode: parseInviteCode,
    clock: o.clock,
    ids: o.ids,
    dispatch: dispatcher,
    log: o.log,
    ...(o.maxMisses ? { maxMisses: o.maxMisses } : {}),
    groupChatter: (tx, m, now) => groupChatterHint(tx, m, { now, timeZone }),
    relay: createHandoverRelay(handover),
    commands: createStaffCommands({
      timeZone,
      inviteTtlDays: o.inviteTtlDays ?? 14,
      ...(o.proofDir
        ? {
            proofRenderer: createProofRenderer({
              dir: o.proofDir,
              // The proof is in the agency's language, whoever asks for it.
              t: proofTexts(i18n),
              // The error's code only: a file path names the person.
              onError: (err) =>
                o.log.error({ code: (err as { code?: string }).code ?? 'unknown' }, 'proof PDF not made'),
            }),
          }
        : {}),
      languages: i18n.languages,
      digest,
    }),
  });
  // The turn is saved before this resolves; delivery runs on (a platform's update loop is not held
  // up by another platform's pacing). Use idle() to wait for delivery too.
  const jobs = broadcastJobs({
    timeZone,
    groupLanguage: o.groupLanguage ?? 'nl',
    render,
    digestCron: o.digestCron ?? DIGEST_CRON,
    selectDigest: digestActivities,
  });
  // The scheduler's job sets, in the order their handlers are gathered and their plans run.
  const jobSets: readonly JobSet[] = [
    jobs,
    duoJobs({ timeZone, render, ...inactivity }),
    o.coachDigestCron ? coachDigestJobs({ timeZone, render, cron: o.coachDigestCron, ...digest }) : NO_JOBS,
    o.retentionMonths ? retentionJobs({ timeZone, months: o.retentionMonths }) : NO_JOBS,
    o.tbReportCron ? tbReportJobs({ timeZone, render, cron: o.tbReportCron }) : NO_JOBS,
    campaignJobs({ timeZone, campaigns, defaultCampaign: o.defaultCampaign ?? 'none', render }),
  ];
  const scheduler = createScheduler<DataSchema, DataSchema['jobs']>({
    store: o.store,
    clock: o.clock,
    log: o.log,
    collection: 'jobs',
    // Scheduled flows wait while their person talks with the coach (src/domain/handover/hold.ts).
    handlers: holdDuringHandover({
      ...Object.fromEntries(jobSets.flatMap((set) => Object.entries(set.handlers))),
      ...outreachJobs({ timeZone, render }).handlers,
    }),
    plan: (tx, now) => {
      for (const set of jobSets) set.plan(tx, now);
    },
    startFlow: async (personId, flow, vars) => {
      const to = await o.store.read((tx) => latestAddressOf(tx, personId));
      if (to) await runtime.startFlow(to, flow, vars);
    },
  });
  const onInbound = (m: Inbound) => runtime.handle(m);
  // A store shared with other processes: wake for messages and jobs they wrote.
  const unwatch = o.store.watch?.((changed) => {
    if (changed.has('outbox')) dispatcher.wake();
    if (changed.has('jobs')) scheduler.refresh();
  });
  const live: Channel[] = [];
  const failed: { channel: string; reason: string }[] = [];
  return {
    runtime,
    dispatcher,
    scheduler,
    i18n,
    onInbound,
    failed,
    start: async () => {
      for (const c of served) {
        try {
          await c.start(onInbound);
          live.push(c);
        } catch (err) {
          const reason = isCodedError(err) ? err.message : 'unexpected error (see the log)';
          failed.push({ channel: c.name, reason });
          o.log.error(
            {
              channel: c.name,
              code: isCodedError(err) ? err.code : 'BUG',
              err: err instanceof Error ? err.message : String(err),
            },
            'channel did not start',
          );
        }
      }
      await dispatcher.flush();
      return live.map((c) => c.name);
    },
    tick: async () => {
      if (!schedule) return dispatcher.flush();
      await runtime.tick();
      await scheduler.tick().catch((e: unknown) => o.log.error({ err: String(e) }, 'scheduler failed'));
      await purgeAfterErasures(o.store, o.clock.now(), o.purgeBackups).catch((e: unknown) =>
        o.log.error({ err: String(e) }, 'backup purge failed'),
      );
      await dispatcher.flush();
    },
    idle: async () => {
      await runtime.idle();
      await dispatcher.idle();
    },
    stop: async () => {
      unwatch?.();
      for (const c of live) await c.stop().catch(() => undefined);
      await runtime.idle();
      await dispatcher.stop();
    },
  };
};
