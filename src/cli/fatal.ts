import { isCodedError } from '../core/errors.js';

/**
 * What a failure that stops a command prints: a coded error's code and message (it says how to
 * fix it), anything else as an unexpected error with its stack. Starts with an empty line.
 */
export const fatalText = (err: unknown): string =>
  isCodedError(err)
    ? `\n${err.code}: ${err.message}`
    : `\nUnexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;

/** Prints a start-up failure as a clear message (coded errors say how to fix them) and exits 1. */
export const reportFatal = (err: unknown): never => {
  process.stderr.write(`${fatalText(err)}\n`);
  process.exit(1);
};
