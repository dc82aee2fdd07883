import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { whatsAppChannelName } from '../core/messages.js';
import { importPeople, type ImportedPerson, type RowProblem } from '../domain/people-import/index.js';
import { createSystemIds, systemClock } from '../system.js';
import { withStore, type CliContext } from './context.js';

/** The options `import people` reads itself (two of them are switches). */
const OPTIONS = {
  gemeente: { type: 'string' },
  municipality: { type: 'string' },
  coach: { type: 'string' },
  data: { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  send: { type: 'boolean' },
  'whatsapp-account': { type: 'string' },
} as const;

/** How many gemeenten a "use one of" fix names at most. */
const KNOWN_SHOWN = 12;

const problemLine = (ctx: CliContext, file: string, p: RowProblem, known: string): string =>
  ctx.t('import:cli.problem_line', {
    place: [file, p.line, ...(p.column ? [p.column] : [])].join(':'),
    field: p.header,
    problem: ctx.t(`import:cli.problem.${p.code}`, { value: p.value, first: p.firstLine ?? '' }),
    fix: ctx.t(`import:cli.fix.${p.code}`, {
      value: p.value,
      first: p.firstLine ?? '',
      known,
      languages: ctx.i18n.languages.join(', '),
    }),
  });

/** The invite codes as a table: one line per new person, columns padded for a terminal. */
const printTable = (ctx: CliContext, created: readonly ImportedPerson[]) => {
  const yes = ctx.t('import:cli.yes');
  const no = ctx.t('import:cli.no');
  const head = ['line', 'name', 'role', 'gemeente', 'code', 'whatsapp', 'first_message'].map((k) =>
    ctx.t(`import:cli.column.${k}`),
  );
  const rows = created.map((c) => [
    String(c.line),
    c.person.name,
    c.person.role,
    c.person.municipality,
    c.code,
    c.whatsapp ? yes : no,
    c.outreach ? ctx.t('import:cli.planned') : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const r of [head, ...rows])
    ctx.out(
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
};

/**
 * `import people FILE.csv [--skip-invalid] [--send] [--gemeente G] [--coach NAME] [--whatsapp-account A]`: the coach's
 * spreadsheet of people, all rows checked first, in one transaction. Exit 0 imported (also when
 * every row was there already), 1 rows wrong (nothing imported) or unreadable file, 2 usage.
 */
export const importCommand = async (
  ctx: CliContext,
  sub: string | undefined,
  argv: readonly string[],
): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: OPTIONS,
  });
  const file = positionals[2];
  if (sub !== 'people' || !file) {
    ctx.err(ctx.t('import:cli.usage'));
    return 2;
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    ctx.err(ctx.t('import:cli.unreadable', { file }));
    return 1;
  }
  const name = file;
  const gemeente = str(values['gemeente']) ?? str(values['municipality']);
  const coach = str(values['coach']);
  const account = str(values['whatsapp-account'])?.toLowerCase() ?? ctx.config.WHATSAPP_ACCOUNT;
  if (account !== undefined && !/^[a-z0-9]{1,20}$/.test(account)) {
    ctx.err(ctx.t('import:cli.bad_account', { account }));
    return 1;
  }
  return withStore(ctx, async (store) => {
    const { r, known } = await store.transact((tx) => {
      const known = tx
        .list('municipalities')
        .slice(0, KNOWN_SHOWN)
        .map((m) => m.id)
        .join(', ');
      const r = importPeople(tx, text, {
        now: systemClock.now(),
        ids: createSystemIds(),
        actor: 'cli',
        inviteTtlDays: ctx.config.INVITE_TTL_DAYS,
        languages: ctx.i18n.languages,
        defaultLanguage: ctx.config.DEFAULT_LANGUAGE,
        ...(gemeente ? { defaultGemeente: gemeente } : {}),
        ...(coach ? { defaultCoach: coach } : {}),
        skipInvalid: values['skip-invalid'] === true,
        send: values['send'] === true,
        outreachWaitDays: ctx.config.OUTREACH_WAIT_DAYS,
        whatsAppChannel: whatsAppChannelName(account),
        onProgress: (done, total) => ctx.err(ctx.t('import:cli.progress', { done, total })),
      });
      return { r, known };
    });
    if (!r.ok && r.reason === 'bad_file') {
      ctx.err(ctx.t('import:cli.bad_file', { place: `${name}:${r.line}`, detail: r.detail }));
      return 1;
    }
    if (!r.ok) {
      for (const p of r.problems) ctx.err(problemLine(ctx, name, p, known));
      ctx.err(ctx.t('import:cli.nothing_imported', { count: r.problems.length }));
      return 1;
    }
    for (const p of r.skipped) ctx.err(problemLine(ctx, name, p, known));
    if (r.skippedRows) ctx.err(ctx.t('import:cli.skipped', { count: r.skippedRows }));
    if (r.ignored.length) ctx.err(ctx.t('import:cli.ignored', { columns: r.ignored.join(', ') }));
    for (const e of r.existing)
      ctx.out(
        ctx.t(e.by === 'phone' ? 'import:cli.exists_phone' : 'import:cli.exists_external', {
          place: `${name}:${e.line}`,
          name: e.name,
        }),
      );
    ctx.out(ctx.t('import:cli.imported', { count: r.created.length, file: name }));
    if (r.created.length) {
      printTable(ctx, r.created);
      ctx.out(ctx.t('import:cli.codes_valid', { days: ctx.config.INVITE_TTL_DAYS }));
    }
    const planned = r.created.filter((c) => c.outreach).length;
    if (planned)
      ctx.out(ctx.t('import:cli.outreach_planned', { count: planned, days: ctx.config.OUTREACH_WAIT_DAYS }));
    return 0;
  });
};
