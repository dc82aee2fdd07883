import type { CoreSchema } from '../core/records.js';
import type { Store } from '../core/store.js';
import { deadLetters, outboxCounts, retryDeadLetters } from '../outbox/index.js';
import { systemClock } from '../system.js';
import { withStore, type CliContext } from './context.js';

/** Options `outbox ...` takes (`--id` is a global option; `--all` is a flag, read as given). */
export const OUTBOX_OPTIONS: readonly string[] = ['channel'];

const STATUSES = ['pending', 'sending', 'failed'] as const;

const when = (ctx: CliContext, iso: string) =>
  new Intl.DateTimeFormat(ctx.config.CLI_LANGUAGE, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: ctx.config.TIMEZONE,
  }).format(new Date(iso));

/** `outbox failed [--channel C]`: the dead-letter list, without phone numbers or full chat ids. */
const failed = async (ctx: CliContext, store: Store<CoreSchema>, channel?: string) => {
  const rows = await store.read((tx) => deadLetters(tx, channel));
  if (!rows.length) {
    ctx.out(ctx.t('outbox.failed_none'));
    return 0;
  }
  ctx.out(ctx.t('outbox.failed_count', { count: rows.length }));
  for (const r of rows)
    ctx.out(
      ctx.t('outbox.failed_row', {
        id: r.id,
        channel: r.channel,
        chat: r.chat,
        created: when(ctx, r.createdAt),
        attempts: r.attempts,
        error: r.error,
        text: r.text,
      }),
    );
  ctx.out(ctx.t('outbox.failed_hint'));
  return 0;
};

/** `outbox retry --id ID | --all`: dead letters back in the queue. */
const retry = async (ctx: CliContext, store: Store<CoreSchema>, o: Record<string, unknown>) => {
  const id = typeof o['id'] === 'string' ? o['id'] : undefined;
  const all = o['all'] !== undefined && o['all'] !== 'false';
  if (!id && !all) {
    ctx.err(ctx.t('outbox.retry_usage'));
    return 2;
  }
  const now = systemClock.now();
  const ids = await store.transact((tx) => retryDeadLetters(tx, id ? { id } : { all: true }, now));
  if (id && !ids.length) {
    ctx.err(ctx.t('outbox.retry_unknown', { id }));
    return 1;
  }
  ctx.out(ctx.t('outbox.retried', { count: ids.length }));
  return 0;
};

/** `outbox status`: counts per channel, kind and status. */
const status = async (ctx: CliContext, store: Store<CoreSchema>) => {
  const counts = await store.read((tx) => outboxCounts(tx));
  if (!counts.length) {
    ctx.out(ctx.t('outbox.empty'));
    return 0;
  }
  for (const c of counts)
    ctx.out(
      ctx.t('outbox.status_row', {
        channel: c.channel,
        kind: ctx.t(`outbox.kind.${c.kind}`),
        status: ctx.t(`outbox.status.${c.status}`),
        count: c.count,
      }),
    );
  const total = (s: string) => counts.filter((c) => c.status === s).reduce((n, c) => n + c.count, 0);
  ctx.out(
    ctx.t('outbox.status_total', {
      total: counts.reduce((n, c) => n + c.count, 0),
      ...Object.fromEntries(STATUSES.map((s) => [s, total(s)])),
    }),
  );
  return 0;
};

/**
 * `outbox failed [--channel C]` lists the dead letters (what coaches need to see of a failed
 * message: id, channel, masked chat, when, attempts, error, the first 60 characters), `outbox
 * retry --id ID | --all` puts them back in the queue, `outbox status` counts what waits. It
 * opens the database, so it runs while the bot is stopped (the store's LOCK keeps one process).
 */
export const outboxCommand = async (
  ctx: CliContext,
  sub: string | undefined,
  _args: readonly string[],
  o: Record<string, string | undefined>,
): Promise<number> => {
  if (sub !== 'failed' && sub !== 'retry' && sub !== 'status') {
    if (sub) ctx.err(ctx.t('unknown_command', { command: `outbox ${sub}` }));
    ctx.err(ctx.t('outbox.usage'));
    return 2;
  }
  return withStore(ctx, async (data) => {
    const store = data as unknown as Store<CoreSchema>;
    if (sub === 'failed') return await failed(ctx, store, o['channel']);
    if (sub === 'retry') return await retry(ctx, store, o);
    return await status(ctx, store);
  });
};
