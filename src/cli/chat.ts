import type { Readable, Writable } from 'node:stream';
import { configuredOptions, createApp } from '../app.js';
import { createConsoleChannel } from '../channels/console/index.js';
import { ensureDemo } from '../main.js';
import { createSystemIds, systemClock } from '../system.js';
import { withStore, type CliContext } from './context.js';

/**
 * `chat [--data DIR]`: a scripted conversation. Reads `<user>: <text>` lines from standard input,
 * writes every reply as `-> <user>: <text>` to standard output, and exits when the input ends and
 * all work is done (`io`: the process's standard input and output, or a test's streams). Demo data is loaded into an empty database (codes go to standard error).
 */
export const chat = async (
  ctx: CliContext,
  io: { readonly input: Readable; readonly output: Writable },
  dataDir?: string,
): Promise<void> => {
  await withStore(
    ctx,
    async (store) => {
      await ensureDemo(store, ctx.config, {
        clock: systemClock,
        i18n: ctx.i18n,
        hasRealChannels: false,
        print: ctx.err,
      });
      const channel = createConsoleChannel({
        input: io.input,
        output: io.output,
        mode: 'script',
        now: () => systemClock.now(),
      });
      const app = createApp({
        store,
        channels: [channel],
        clock: systemClock,
        ids: createSystemIds(),
        log: ctx.log,
        ...configuredOptions(ctx.config),
        content: ctx.content,
      });
      await app.start();
      await channel.done;
      await app.idle();
      await app.stop();
    },
    dataDir,
  );
};
