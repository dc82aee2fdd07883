import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  ACTIVITY_FIELDS,
  addActivity,
  addGroup,
  cancelActivity,
  failingCriteria,
  findActivity,
  findMunicipality,
  importActivities,
  listActivities,
  listGroups,
  overrideActivity,
  parseCalendarDate,
  weekWindow,
  type Activity,
  type ActivityProblem,
  type CatalogueContext,
  type Criterion,
  type ImportProblem,
} from '../domain/activities/index.js';
import { isWhatsAppChannel } from '../core/messages.js';
import { localDate } from '../domain/dates.js';
import { createSystemIds, systemClock } from '../system.js';
import { withStore, type CliContext } from './context.js';

/** The flag of each field where it differs from the field's name. */
const FLAGS: Readonly<Record<string, string>> = {
  dutch_context: 'dutch-context',
  accessible_organisation: 'accessible',
};
const flagOf = (field: string) => `--${FLAGS[field] ?? field}`;

/** Options `activity ...` and `group ...` take (declared so `--title "Taalcafé"` parses). */
export const ACTIVITY_OPTIONS: readonly string[] = [
  ...ACTIVITY_FIELDS.map((f) => FLAGS[f] ?? f),
  'organizer',
  'override',
  'week',
  'reason',
  'channel',
  'chat',
  'id',
  'name',
  'format',
];

/** Examples in the fix of an empty field (data, so the same in every language). */
const EXAMPLES: Readonly<Record<string, string>> = {
  title: 'Taalcafé in de bib',
  description: 'We praten Nederlands bij een koffie',
  date: '2026-12-02',
  start: '14:00',
  end: '16:00',
  place: 'Bibliotheek',
  address: 'Markt 1, 9230 Wetteren',
  gemeente: 'wetteren',
  price: '0',
  organiser: 'Bib Wetteren',
  free: 'ja',
  dutch_context: 'ja',
  accessible_organisation: 'ja',
  channel: 'whatsapp',
  chat: '120363042@g.us',
  name: 'Aanbod Wetteren',
};

type Opts = Record<string, string | undefined>;
const GROUP_CHANNELS = ['telegram', 'whatsapp', 'slack'];

/** A problem and its fix in the coach's language. */
const explain = (ctx: CliContext, p: ActivityProblem) => {
  const params = { ...p.params, field: p.field, example: EXAMPLES[p.field] ?? '' };
  return {
    problem: ctx.t(`activity.problem.${p.code}`, params),
    fix: ctx.t(`activity.fix.${p.code}`, params),
  };
};
const printProblems = (ctx: CliContext, head: string, problems: readonly ActivityProblem[]) => {
  ctx.err(ctx.t(head));
  for (const p of problems)
    ctx.err(ctx.t('activity.add_problem', { flag: flagOf(p.field), ...explain(ctx, p) }));
};
const criteriaText = (ctx: CliContext, c: readonly Criterion[]) =>
  c.map((k) => ctx.t(`activity.criterion.${k}`)).join(', ');

const when = (ctx: CliContext, a: Activity) => {
  const o = { timeZone: ctx.config.TIMEZONE } as const;
  const day = new Intl.DateTimeFormat(ctx.config.CLI_LANGUAGE, {
    ...o,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(a.startsAt));
  const time = new Intl.DateTimeFormat('nl-BE', {
    ...o,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${day} ${time.format(new Date(a.startsAt))}-${time.format(new Date(a.endsAt))}`;
};

const catalogueContext = (ctx: CliContext): CatalogueContext => ({
  now: systemClock.now(),
  ids: createSystemIds(),
  actor: 'cli',
  timeZone: ctx.config.TIMEZONE,
  languages: ctx.i18n.languages,
});

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `activity add --title T ... --free ja --dutch-context ja --accessible ja [--override "reason"]`. */
const add = async (ctx: CliContext, o: Opts): Promise<number> => {
  const input: Record<string, string | undefined> = {};
  for (const f of ACTIVITY_FIELDS) input[f] = str(o[FLAGS[f] ?? f]);
  input['organiser'] ??= str(o['organizer']);
  const reason = o['override'] === undefined ? undefined : (str(o['override']) ?? '');
  if (reason !== undefined && reason.trim().length < 3) {
    ctx.err(ctx.t('activity.override_no_reason'));
    return 1;
  }
  const cat = catalogueContext(ctx);
  return withStore(ctx, async (store) => {
    const r = await store.transact((tx) => {
      const added = addActivity(tx, input, cat);
      if (added.ok && reason !== undefined)
        overrideActivity(tx, added.activity.id, { by: cat.actor, reason, now: cat.now });
      return added;
    });
    if (!r.ok) {
      printProblems(ctx, 'activity.invalid', r.problems);
      return 1;
    }
    const a = r.activity;
    ctx.out(ctx.t('activity.added', { title: a.title, when: when(ctx, a), id: a.id }));
    if (r.criteriaProblems.length) {
      ctx.out(ctx.t('activity.kept_out', { criteria: criteriaText(ctx, r.criteriaProblems) }));
      if (reason === undefined) ctx.out(ctx.t('activity.override_hint', { id: a.id }));
      else ctx.out(ctx.t('activity.overridden', { title: a.title, reason: reason.trim() }));
    }
    return 0;
  });
};

const importProblem = (ctx: CliContext, p: ImportProblem) =>
  ctx.t('activity.import_problem', {
    place: [p.file, p.row, p.column].filter((x) => x !== '').join(':'),
    field: p.field,
    ...explain(ctx, p),
  });

/** `activity import FILE [--gemeente G]`: all rows or none. */
const importFile = async (ctx: CliContext, file: string | undefined, o: Opts): Promise<number> => {
  if (!file) return usage(ctx);
  const ext = extname(file).toLowerCase();
  const format = o['format'] ?? (ext === '.csv' ? 'csv' : ext === '.yaml' || ext === '.yml' ? 'yaml' : '');
  if (format !== 'csv' && format !== 'yaml') {
    ctx.err(ctx.t('activity.bad_extension', { file }));
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    ctx.err(ctx.t('activity.file_unreadable', { file }));
    return 1;
  }
  const gemeente = str(o['gemeente']);
  return withStore(ctx, async (store) => {
    const r = await store.transact((tx) =>
      importActivities(tx, text, {
        ...catalogueContext(ctx),
        format,
        file,
        ...(gemeente ? { defaultGemeente: gemeente } : {}),
      }),
    );
    if (!r.ok) {
      for (const p of r.problems) ctx.err(importProblem(ctx, p));
      ctx.err(ctx.t('activity.import_failed', { count: r.problems.length }));
      return 1;
    }
    ctx.out(ctx.t('activity.imported', { count: r.added, file }));
    for (const k of r.kept_out)
      ctx.out(
        ctx.t('activity.import_kept_out', {
          row: k.row,
          title: k.title,
          id: k.id,
          criteria: criteriaText(ctx, k.criteria),
        }),
      );
    if (r.kept_out.length) ctx.out(ctx.t('activity.import_override_hint'));
    return 0;
  });
};

const statusOf = (ctx: CliContext, a: Activity) => {
  if (a.status === 'cancelled') return ctx.t('activity.status.cancelled');
  if (a.override) return ctx.t('activity.status.override', { reason: a.override.reason });
  const failing = failingCriteria(a.criteria);
  return failing.length
    ? ctx.t('activity.status.kept_out', { criteria: criteriaText(ctx, failing) })
    : ctx.t('activity.status.digest');
};

/** `activity list [--gemeente G] [--week YYYY-MM-DD]`: one week, with whether each is in the digest. */
const list = async (ctx: CliContext, o: Opts): Promise<number> => {
  const tz = ctx.config.TIMEZONE;
  const week = str(o['week']);
  const date = week
    ? parseCalendarDate(week)
    : localDate(o['now'] ? new Date(o['now']) : systemClock.now(), tz);
  if (!date) {
    ctx.err(ctx.t('bad_date', { value: week ?? '' }));
    return 1;
  }
  const window = weekWindow(date, tz);
  const wanted = str(o['gemeente']);
  return withStore(ctx, async (store) => {
    const found = await store.read((tx) => {
      const m = wanted ? findMunicipality(tx, wanted) : undefined;
      if (wanted && !m) return null;
      return listActivities(tx, { ...window, ...(m ? { municipality: m.id } : {}) });
    });
    if (!found) {
      ctx.err(ctx.t('unknown_gemeente', { gemeente: wanted ?? '' }));
      return 1;
    }
    ctx.out(ctx.t('activity.list_header', { monday: window.monday }));
    if (!found.length) ctx.out(ctx.t('activity.list_empty'));
    for (const a of found)
      ctx.out(
        ctx.t('activity.list_line', {
          when: when(ctx, a),
          title: a.title,
          place: a.place,
          gemeente: a.municipalities.join(', '),
          status: statusOf(ctx, a),
          id: a.id,
        }),
      );
    return 0;
  });
};

const missing = (ctx: CliContext, o: Opts, names: readonly string[]): boolean => {
  const gone = names.find((n) => !str(o[n])?.trim());
  if (gone) ctx.err(ctx.t('missing_option', { option: gone }));
  return gone !== undefined;
};

/** `activity override --id ID --reason R` and `activity cancel --id ID` (id or title). */
const change = async (ctx: CliContext, sub: 'override' | 'cancel', o: Opts): Promise<number> => {
  if (missing(ctx, o, sub === 'override' ? ['id', 'reason'] : ['id'])) return 2;
  const wanted = str(o['id']) ?? '';
  const now = systemClock.now();
  return withStore(ctx, async (store) => {
    const r = await store.transact((tx) => {
      const a = findActivity(tx, wanted);
      if (!a) return { ok: false as const, reason: 'not_found' as const };
      return sub === 'cancel'
        ? cancelActivity(tx, a.id)
        : overrideActivity(tx, a.id, { by: 'cli', reason: str(o['reason']) ?? '', now });
    });
    if (!r.ok) {
      ctx.err(
        r.reason === 'not_found'
          ? ctx.t('activity.not_found', { id: wanted })
          : ctx.t(r.reason === 'cancelled' ? 'activity.is_cancelled' : 'activity.override_no_reason'),
      );
      return 1;
    }
    const a = r.activity;
    ctx.out(
      sub === 'cancel'
        ? ctx.t('activity.cancelled', { title: a.title, id: a.id })
        : ctx.t('activity.overridden', { title: a.title, reason: a.override?.reason ?? '' }),
    );
    return 0;
  });
};

/** `group add --gemeente G --channel telegram|whatsapp|slack --chat GROUP_ID --name N`. */
const groupAdd = async (ctx: CliContext, o: Opts): Promise<number> => {
  if (missing(ctx, o, ['gemeente', 'channel', 'chat', 'name'])) return 2;
  const channel = (str(o['channel']) ?? '').trim().toLowerCase();
  if (!GROUP_CHANNELS.includes(channel) && !isWhatsAppChannel(channel)) {
    ctx.err(ctx.t('group.bad_channel', { channel }));
    return 2;
  }
  return withStore(ctx, async (store) => {
    const r = await store.transact((tx) =>
      addGroup(
        tx,
        {
          municipality: str(o['gemeente']) ?? '',
          address: { channel, chat: str(o['chat']) ?? '' },
          name: str(o['name']) ?? '',
        },
        { now: systemClock.now(), ids: createSystemIds() },
      ),
    );
    if (!r.ok) {
      printProblems(ctx, 'group.invalid', r.problems);
      return 1;
    }
    const g = r.group;
    ctx.out(ctx.t('group.added', { name: g.name, gemeente: g.municipality, channel, id: g.id }));
    return 0;
  });
};

/** `group list`: every gemeente-groep. */
const groupList = async (ctx: CliContext): Promise<number> => {
  return withStore(ctx, async (store) => {
    const groups = await store.read((tx) => listGroups(tx));
    if (!groups.length) ctx.out(ctx.t('group.list_empty'));
    for (const g of groups)
      ctx.out(
        ctx.t('group.list_line', {
          gemeente: g.municipality,
          name: g.name,
          channel: g.address.channel,
          chat: g.address.chat,
          id: g.id,
        }),
      );
    return 0;
  });
};

const usage = (ctx: CliContext): number => {
  ctx.err(ctx.t('activity.usage'));
  return 2;
};

/** `activity add|import|list|override|cancel`, `group add|list`. Exit codes: 0 ok, 1 invalid input, 2 usage. */
export const activityCommand = async (
  ctx: CliContext,
  cmd: string,
  sub: string | undefined,
  args: readonly string[],
  o: Record<string, string | undefined>,
): Promise<number> => {
  if (cmd === 'group') {
    if (sub === 'add') return groupAdd(ctx, o);
    if (sub === 'list') return groupList(ctx);
    return usage(ctx);
  }
  switch (sub) {
    case 'add':
      return add(ctx, o);
    case 'import':
      return importFile(ctx, args[0], o);
    case 'list':
      return list(ctx, o);
    case 'override':
    case 'cancel':
      return change(ctx, sub, o);
    default:
      return usage(ctx);
  }
};
