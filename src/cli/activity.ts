import type { CliContext } from './context.js';

/** Options `activity ...` and `group ...` take (declared so `--title "Taalcafé"` parses). */
export const ACTIVITY_OPTIONS: readonly string[] = [];

/** `activity add|import|list`, `group add|list`. */
export const activityCommand = async (
  ctx: CliContext,
  cmd: string,
  sub: string | undefined,
  _args: readonly string[],
  _o: Record<string, string | undefined>,
): Promise<number> => {
  ctx.err(ctx.t('unknown_command', { command: `${cmd} ${sub ?? ''}` }));
  return 2;
};
