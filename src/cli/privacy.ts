import { parseArgs } from 'node:util';
import type { ReadTx } from '../core/store.js';
import type { DataSchema, Person } from '../domain/index.js';
import { isLocalDate, localDate } from '../domain/dates.js';
import type { ErasureReport } from '../domain/privacy/erase.js';
import { purgeAfterErasures } from '../domain/privacy/purge.js';
import { runRetention } from '../domain/privacy/retention.js';
import { eraseNow } from '../domain/privacy/requests.js';
import { createSystemIds, systemClock } from '../system.js';
import { removeCopiesFor } from '../main.js';
import { withStore, type CliContext } from './context.js';
import { gemeenteName } from '../domain/municipalities.js';

const t = (ctx: CliContext, key: string, params: Record<string, string | number> = {}) =>
  ctx.t(`privacy:cli.${key}`, params);

/** A person by id, else by exact name (case-insensitive); several with that name are a refusal. */
const findPerson = (tx: ReadTx<DataSchema>, q: string): Person | Person[] | undefined => {
  const byId = tx.get('people', q);
  if (byId) return byId;
  const name = q.trim().toLocaleLowerCase();
  const found = tx.list('people', (p) => p.name.toLocaleLowerCase() === name);
  return found.length === 1 ? found[0] : found.length ? found : undefined;
};

const printReport = (ctx: CliContext, r: ErasureReport) => {
  for (const [collection, count] of Object.entries(r.deleted))
    ctx.out(t(ctx, 'erase_line', { collection, count }));
  for (const [collection, count] of Object.entries(r.cleared))
    ctx.out(t(ctx, 'clear_line', { collection, count }));
  ctx.out(t(ctx, 'kept_line', { count: r.keptEntries }));
};

/** After a real erasure: the copies kept outside the store go (they still hold the person). */
const purge = (ctx: CliContext, store: Parameters<typeof purgeAfterErasures>[0]) =>
  purgeAfterErasures(store, systemClock.now(), removeCopiesFor(ctx.config));

/**
 * `privacy erase <person> [--dry-run]`: forgets someone now, as an admin ("cli"); an open
 * "vergeet mij" request of theirs becomes done.
 */
const erase = (ctx: CliContext, query: string, dryRun: boolean): Promise<number> => {
  if (!query) {
    ctx.err(t(ctx, 'usage'));
    return Promise.resolve(2);
  }
  return withStore(ctx, async (store) => {
    const now = systemClock.now();
    const ids = createSystemIds();
    const r = await store.transact((tx) => {
      const found = findPerson(tx, query);
      if (!found) return { problem: t(ctx, 'unknown_person', { query }) };
      if (Array.isArray(found))
        return { problem: t(ctx, 'several', { names: found.map((p) => `${p.name} (${p.id})`).join(', ') }) };
      const result = eraseNow(tx, found.id, {
        now,
        ids,
        via: 'cli',
        actorId: 'cli',
        reason: 'request',
        dryRun,
      });
      if (!result.ok) return { problem: t(ctx, result.reason, { id: found.id, query }) };
      return { report: result.report };
    });
    if ('problem' in r) {
      ctx.err(r.problem ?? '');
      return 1;
    }
    ctx.out(t(ctx, dryRun ? 'erase_dry' : 'erase_done', { id: r.report.personId }));
    printReport(ctx, r.report);
    if (!dryRun) ctx.out(t(ctx, 'backups', { count: await purge(ctx, store) }));
    return 0;
  });
};

/** `privacy retention [--dry-run]`: who the retention clean-up erases (or would), and why. */
const retention = (ctx: CliContext, dryRun: boolean): Promise<number> =>
  withStore(ctx, async (store) => {
    const now = systemClock.now();
    const months = ctx.config.RETENTION_MONTHS;
    const due = await store.transact((tx) => {
      const list = runRetention(tx, {
        now,
        today: localDate(now, ctx.config.TIMEZONE),
        months,
        ids: createSystemIds(),
        actorId: 'cli',
        via: 'cli',
        dryRun,
      });
      return list.map((c) => ({
        ...c,
        gemeente: gemeenteName(tx, c.municipality),
      }));
    });
    if (!due.length) {
      ctx.out(t(ctx, 'retention_none', { months }));
      return 0;
    }
    ctx.out(t(ctx, dryRun ? 'retention_dry' : 'retention_done', { months }));
    for (const c of due)
      ctx.out(
        t(ctx, 'retention_line', {
          id: c.personId,
          role: ctx.t(`privacy:role.${c.role}`),
          gemeente: c.gemeente,
          why: t(ctx, c.why === 'ended' ? 'why_ended' : 'why_term'),
          since: c.since,
        }),
      );
    if (!dryRun) ctx.out(t(ctx, 'backups', { count: await purge(ctx, store) }));
    return 0;
  });

/** `privacy audit [--person X] [--from YYYY-MM-DD]`: the audit log, oldest first. */
const audit = (ctx: CliContext, person: string | undefined, from: string | undefined): Promise<number> => {
  if (from !== undefined && !isLocalDate(from)) {
    ctx.err(t(ctx, 'usage'));
    return Promise.resolve(2);
  }
  return withStore(ctx, async (store) => {
    const lines = await store.read((tx) => {
      const who = person ? findPerson(tx, person) : undefined;
      if (person && (!who || Array.isArray(who))) return null;
      const subject = who && !Array.isArray(who) ? who.id : undefined;
      const name = (id: string | null) => (id ? `${id} (${tx.get('people', id)?.name ?? '?'})` : '-');
      return tx
        .list(
          'audit',
          (a) =>
            (!subject || a.subjectId === subject || a.actorId === subject) &&
            (!from || localDate(new Date(a.at), ctx.config.TIMEZONE) >= from),
        )
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((a) =>
          t(ctx, 'audit_line', {
            at: a.at,
            actor: a.actorId === 'cli' || a.actorId === 'system' ? a.actorId : name(a.actorId),
            action: a.action,
            what: a.what,
            subject: a.subjectId ? name(a.subjectId) : String(a.count ?? '-'),
            via: a.via,
          }),
        );
    });
    if (!lines) {
      ctx.err(t(ctx, 'unknown_person', { query: person ?? '' }));
      return 1;
    }
    ctx.out(lines.length ? lines.join('\n') : t(ctx, 'audit_none'));
    return 0;
  });
};

/**
 * `privacy erase <person> [--dry-run]`, `privacy retention [--dry-run]`,
 * `privacy audit [--person X] [--from D]`. Exit 0 ok, 1 refused, 2 usage. `argv` is the whole
 * command line (this command reads its own options, so `--from` parses as a value).
 */
export const privacyCommand = (ctx: CliContext, argv: readonly string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: {
      'dry-run': { type: 'boolean' },
      person: { type: 'string' },
      from: { type: 'string' },
      data: { type: 'string' },
    },
  });
  const dryRun = values['dry-run'] === true;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const [, sub, ...rest] = positionals;
  switch (sub) {
    case 'erase':
      return erase(ctx, rest.join(' ').trim(), dryRun);
    case 'retention':
      return retention(ctx, dryRun);
    case 'audit':
      return audit(ctx, str(values['person']), str(values['from']));
    default:
      ctx.err(t(ctx, 'usage'));
      return Promise.resolve(2);
  }
};
