import type { CliContext } from './context.js';

/** Options `outbox ...` takes. */
export const OUTBOX_OPTIONS: readonly string[] = [];

/** `outbox failed` (the dead-letter list) and friends. */
export const outboxCommand = async (
  ctx: CliContext,
  sub: string | undefined,
  _args: readonly string[],
  _o: Record<string, string | undefined>,
): Promise<number> => {
  ctx.err(ctx.t('unknown_command', { command: `outbox ${sub ?? ''}` }));
  return 2;
};
