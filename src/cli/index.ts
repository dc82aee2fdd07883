import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROOT } from '../app.js';
import { flowJsonSchema } from '../flows/index.js';
import { campaignJsonSchema } from '../flows/campaign-loader.js';
import { runBot } from '../main.js';
import { chat } from './chat.js';
import { exportHours } from './export.js';
import { exportSurveys } from './export-surveys.js';
import { hoursCorrect } from './hours.js';
import { parseHoursCommand } from './parse-hours.js';
import { createCliContext } from './context.js';
import { reportFatal } from './fatal.js';
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

/** `npm run cli -- <command>`: runs with tsx, no build step. */
const main = async (argv: string[]): Promise<number> => {
  const { positionals, values } = parseArgs({
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
  const opts = values as Record<string, string | undefined>;
  const [cmd, sub] = positionals;
  const ctx = createCliContext(opts.data ? { DATA_DIR: opts.data } : {});
  switch (cmd) {
    case 'start':
      await runBot();
      return -1;
    case 'chat':
      await chat(ctx, opts.data);
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
    case 'parse-hours':
      return parseHoursCommand({
        ...(opts['now'] ? { now: opts['now'] } : {}),
        ...(opts['tz'] ? { tz: opts['tz'] } : {}),
        input: process.stdin,
        output: process.stdout,
        error: process.stderr,
      });
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
      await runBench(positionals.slice(1));
      return 0;
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

main(process.argv.slice(2))
  .then((code) => {
    if (code >= 0) process.exit(code);
  })
  .catch(reportFatal);
