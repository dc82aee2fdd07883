import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ROOT } from '../app.js';
import { flowJsonSchema } from '../flows/index.js';
import { campaignJsonSchema } from '../flows/campaign-loader.js';
import { chat } from './chat.js';
import { exportHours } from './export.js';
import { exportSurveys } from './export-surveys.js';
import { hoursCorrect } from './hours.js';
import { parseHoursCommand } from './parse-hours.js';
import { createCliContext, type CliIo } from './context.js';
import { fatalText } from './fatal.js';
import {
  municipalityAdd,
  municipalityCampaign,
  municipalityDigest,
  personAdd,
  personInvite,
} from './people.js';
import { ACTIVITY_OPTIONS, activityCommand } from './activity.js';
import { OUTBOX_OPTIONS, outboxCommand } from './outbox.js';
import { DUO_OPTIONS, duoCommand } from './duo.js';
import { coachCommand } from './coach.js';
import { proofCli } from './proof.js';
import { reportCli } from './report.js';
import { privacyCommand } from './privacy.js';

/** What runCli returns for `start`: the bot now runs in this process, do not exit. */
export const KEEP_RUNNING = -1;

/** The io of one CLI run, plus `start` for the process entry only. */
export interface RunCliIo extends CliIo {
  /**
   * Runs the bot until a signal stops it (`runBot`). Only src/cli/index.ts passes it: the bot
   * installs signal handlers and exits the process, so `start` cannot run in-process.
   */
  readonly start?: () => Promise<void>;
}

/** A stream that hands each complete line written to it to `write` (for a command's error stream). */
const lineStream = (write: (line: string) => void): Writable => {
  let rest = '';
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _enc, done) {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) write(line);
      done();
    },
    final(done) {
      if (rest) write(rest);
      done();
    },
  });
};

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: Object.fromEntries(
      [
        'data',
        'person',
        'name',
        'role',
        'gemeente',
        'municipality',
        'lang',
        'coach',
        'external-id',
        'id',
        'format',
        'entry',
        'hours',
        'date',
        'note',
        'organisation',
        'now',
        'tz',
        'cron',
        'campaign',
        ...ACTIVITY_OPTIONS,
        ...OUTBOX_OPTIONS,
        ...DUO_OPTIONS,
      ].map((o) => [o, { type: 'string' }]),
    ),
  });

const dispatch = async (argv: string[], io: RunCliIo): Promise<number> => {
  const { positionals, values } = parse(argv);
  const opts = values as Record<string, string | undefined>;
  const [cmd, sub] = positionals;
  const ctx = createCliContext(opts.data ? { DATA_DIR: opts.data } : {}, io);
  switch (cmd) {
    case 'start':
      if (!io.start) throw new Error('start runs the bot in its own process: use `npm run cli -- start`');
      await io.start();
      return KEEP_RUNNING;
    case 'chat':
      await chat(ctx, { input: io.stdin, output: io.stdout }, opts.data);
      return 0;
    case 'person':
      if (sub === 'add') return personAdd(ctx, opts);
      if (sub === 'invite') return personInvite(ctx, opts);
      break;
    case 'municipality':
    case 'gemeente':
      if (sub === 'add') return municipalityAdd(ctx, opts);
      if (sub === 'digest') return municipalityDigest(ctx, opts);
      if (sub === 'campaign') return municipalityCampaign(ctx, opts);
      break;
    case 'hours':
      if (sub === 'correct') return hoursCorrect(ctx, opts);
      break;
    case 'activity':
    case 'group':
      return activityCommand(ctx, cmd, sub, positionals.slice(2), opts);
    case 'duo':
    case 'trajectory':
      return duoCommand(ctx, cmd, sub, positionals.slice(2), opts);
    case 'coach':
    case 'task':
      return coachCommand(ctx, cmd, sub, positionals.slice(2), opts);
    case 'outbox':
      return outboxCommand(ctx, sub, positionals.slice(2), opts);
    case 'import':
      return (await import('./import.js')).importCommand(ctx, sub, argv);
    case 'parse-hours': {
      const error = lineStream(io.err);
      const code = await parseHoursCommand({
        ...(opts['now'] ? { now: opts['now'] } : {}),
        ...(opts['tz'] ? { tz: opts['tz'] } : {}),
        input: io.stdin,
        output: io.stdout,
        error,
      });
      error.end();
      return code;
    }
    case 'db':
      return (await import('./db.js')).dbCommand(ctx, sub, argv, opts.data);
    case 'privacy':
      return privacyCommand(ctx, argv);
    case 'proof':
      return proofCli(ctx, argv);
    case 'report':
      return reportCli(ctx, argv);
    case 'export':
      if (sub === 'hours') return exportHours(ctx, opts);
      if (sub === 'surveys') return exportSurveys(ctx, argv);
      break;
    case 'flow-schema': {
      writeFileSync(`${ROOT}flows/flow.schema.json`, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
      ctx.out(ctx.t('schema_written', { file: 'flows/flow.schema.json' }));
      writeFileSync(
        `${ROOT}flows/campaign.schema.json`,
        `${JSON.stringify(campaignJsonSchema(), null, 2)}\n`,
      );
      ctx.out(ctx.t('schema_written', { file: 'flows/campaign.schema.json' }));
      return 0;
    }
    case 'bench': {
      const { runBench } = await import('../../bench/index.js');
      return runBench(positionals.slice(1), io);
    }
    case undefined:
    case 'help':
      ctx.out(ctx.t('usage'));
      return 0;
  }
  ctx.err(ctx.t('unknown_command', { command: positionals.join(' ') }));
  ctx.err(ctx.t('usage'));
  return 2;
};

/**
 * Runs one CLI command (`argv` without the program, as after `npm run cli --`) over `io` and
 * returns its exit code: 0 done, 1 refused or failed, 2 bad usage, KEEP_RUNNING for `start`.
 * Never throws: a failure that stops the command (a bad configuration, a corrupt database, a bug)
 * is printed on `io.err` as the binary prints it, and gives 1. Many runs may share one process;
 * each opens and closes its own store.
 */
export const runCli = async (argv: string[], io: RunCliIo): Promise<number> => {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    io.err(fatalText(err));
    return 1;
  }
};
