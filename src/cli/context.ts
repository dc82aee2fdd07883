import type { Readable, Writable } from 'node:stream';
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

/**
 * Where one CLI run reads and writes. The process's own by default (`processIo`); tests pass
 * in-memory streams and their own environment, so many runs share one process without touching
 * process.env or the terminal.
 */
export interface CliIo {
  /** The environment the configuration is read from (read only, never written). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Writes one line of the command's output. */
  out(line: string): void;
  /** Writes one line of messages for the person at the terminal (errors, demo codes). */
  err(line: string): void;
  /** What `chat` and `parse-hours` read, line by line. */
  readonly stdin: Readable;
  /** Where `chat` and `parse-hours` stream their answers. */
  readonly stdout: Writable;
}

/** The process's environment, standard output and standard error: the CLI binary's io. */
export const processIo = (): CliIo => ({
  env: process.env,
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  // Getters: touching process.stdin opens it, which only `chat` and `parse-hours` should do.
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
});

/**
 * The context of one command: `overrides` win over `io.env` (the `--data` option), texts go to
 * `io.out` and `io.err`. Throws CONFIG_INVALID for a bad configuration (runCli prints it).
 */
export const createCliContext = (
  overrides: Partial<Record<string, string>> = {},
  io: Pick<CliIo, 'env' | 'out' | 'err'> = processIo(),
): CliContext => {
  const config = loadConfig({ ...io.env, ...overrides });
  const content = loadContent();
  return {
    config,
    log: createLog(config.LOG_LEVEL, config.LOG_PRETTY, io.err),
    i18n: content.i18n,
    content,
    t: (key, params = {}) =>
      content.i18n.t(config.CLI_LANGUAGE, key.includes(':') ? key : `cli:${key}`, params),
    out: io.out,
    err: io.err,
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

/** A refusal a CLI command says on standard error (a text key and its parameters); it exits 1. */
export class Refused {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {}
}

/**
 * Runs `work` with the database (as withStore) and gives the exit code: 0 when it finished, 1 when
 * it threw a {@link Refused} (said on standard error); anything else is a bug and propagates.
 */
export const refusable = async (
  ctx: CliContext,
  work: (store: Store<DataSchema>) => Promise<void>,
): Promise<number> => {
  try {
    await withStore(ctx, work);
    return 0;
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    ctx.err(ctx.t(e.key, e.params));
    return 1;
  }
};
