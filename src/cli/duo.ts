import type { CliContext } from './context.js';

/** Options `duo ...` and `trajectory ...` take. */
export const DUO_OPTIONS: readonly string[] = [];

/** `duo add|pause|resume|end|list`, `trajectory set|show`. */
export const duoCommand = async (
  ctx: CliContext,
  cmd: string,
  sub: string | undefined,
  _args: readonly string[],
  _o: Record<string, string | undefined>,
): Promise<number> => {
  ctx.err(ctx.t('unknown_command', { command: `${cmd} ${sub ?? ''}` }));
  return 2;
};
