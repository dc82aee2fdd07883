import { loadContent } from '../app.js';
import { loadConfig, type Config } from '../config/index.js';
import type { Log } from '../core/log.js';
import type { Store } from '../core/store.js';
import type { DataSchema } from '../domain/index.js';
import type { I18n } from '../i18n/index.js';
import { createLog } from '../logging.js';
import { openStore } from '../main.js';

/** What every CLI command starts from: configuration, a logger, translated texts. */
export interface CliContext {
  readonly config: Config;
  readonly log: Log;
  readonly i18n: I18n;
  readonly content: ReturnType<typeof loadContent>;
  /** A CLI text in the coach's language (CLI_LANGUAGE): `key` in `cli`, or `ns:key` in another namespace. */
  t(key: string, params?: Record<string, string | number>): string;
  out(line: string): void;
  err(line: string): void;
}

export const createCliContext = (overrides: Partial<Record<string, string>> = {}): CliContext => {
  const config = loadConfig({ ...process.env, ...overrides });
  const content = loadContent();
  return {
    config,
    log: createLog(config.LOG_LEVEL, config.LOG_PRETTY),
    i18n: content.i18n,
    content,
    t: (key, params = {}) =>
      content.i18n.t(config.CLI_LANGUAGE, key.includes(':') ? key : `cli:${key}`, params),
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
  };
};

/**
 * Opens the database (DATA_DIR, or `dir`), runs `fn` with it and closes it however `fn` ends: a
 * command holds the store's lock only while it runs.
 */
export const withStore = async <T>(
  ctx: CliContext,
  fn: (store: Store<DataSchema>) => Promise<T>,
  dir?: string,
): Promise<T> => {
  const store = await openStore(ctx.config, ctx.log, dir);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
};
