import { runBot } from '../main.js';
import { processIo } from './context.js';
import { reportFatal } from './fatal.js';
import { KEEP_RUNNING, runCli } from './run.js';

/**
 * `npm run cli -- <command>`: runs with tsx, no build step. Only the process glue lives here (the
 * arguments, `start`, the exit code); the commands are in run.ts, which tests call in-process.
 */
// Object.assign, not a spread: the io's stdin and stdout stay lazy getters.
runCli(process.argv.slice(2), Object.assign(processIo(), { start: runBot }))
  .then((code) => {
    if (code !== KEEP_RUNNING) process.exit(code);
  })
  .catch(reportFatal);
