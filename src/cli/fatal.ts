import { isCodedError } from '../core/errors.js';

/** Prints a start-up failure as a clear message (coded errors say how to fix them) and exits 1. */
export const reportFatal = (err: unknown): never => {
  if (isCodedError(err)) process.stderr.write(`\n${err.code}: ${err.message}\n`);
  else
    process.stderr.write(
      `\nUnexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  process.exit(1);
};
