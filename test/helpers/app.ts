import { createApp, loadContent, type App, type AppOptions } from '../../src/app.js';
import { createSeededIds } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';

/** Locales, flows and campaigns, loaded once per test file. */
export const content = loadContent();

/**
 * The real app over the given store, channels and clock (seeded ids, no logs, the shipped
 * content, and whatever else `o` sets), started.
 */
export const startApp = async (
  o: Pick<AppOptions, 'store' | 'channels' | 'clock'> & Partial<AppOptions>,
): Promise<App> => {
  const app = createApp({ ids: createSeededIds(9), log: silentLog, content, ...o });
  await app.start();
  return app;
};
