import type { Template } from '../core/effects.js';
import { numberedText } from '../core/format.js';
import type { ReadTx } from '../core/store.js';
import { localDate, type DataSchema, type Person } from '../domain/index.js';
import { isStaff } from '../domain/staff.js';
import { coachDigest, digestTemplates, isEmptyDigest } from '../domain/followup/digest.js';
import { duoForLog, duoLog, logTemplate } from '../domain/followup/log.js';
import { completeTask, plannedTasksOf, postponeTask, type TaskProblem } from '../domain/followup/tasks.js';
import type { CoachTask } from '../domain/followup/types.js';
import { renderTemplate } from '../i18n/index.js';
import { systemClock } from '../system.js';
import { auditCli } from './export-options.js';
import { Refused, refusable, type CliContext } from './context.js';

type Opts = Record<string, string | undefined>;

const run = refusable;

/** A template as the coach reads it in a chat without buttons (choices numbered). */
const text = (ctx: CliContext, t: Template): string =>
  numberedText(renderTemplate(ctx.i18n, t, ctx.config.CLI_LANGUAGE));

const byIdOrName = (
  tx: ReadTx<DataSchema>,
  wanted: string,
  ok: (p: Person) => boolean,
): Person | undefined => {
  const byId = tx.get('people', wanted);
  if (byId && ok(byId)) return byId;
  const name = wanted.trim().toLocaleLowerCase();
  return tx.list('people', (p) => ok(p) && p.name.toLocaleLowerCase() === name)[0];
};

const coachOf = (tx: ReadTx<DataSchema>, wanted: string): Person => {
  const coach = byIdOrName(tx, wanted, isStaff);
  if (!coach) throw new Refused('coach:cli.coach_unknown', { coach: wanted });
  return coach;
};

/** "Amina en Sara" or "Amina", in the CLI's language. */
const namesOf = (ctx: CliContext, tx: ReadTx<DataSchema>, t: CoachTask): string => {
  const newcomer = tx.get('people', t.newcomerId)?.name ?? t.newcomerId;
  const duo = t.duoId ? tx.get('duos', t.duoId) : undefined;
  const buddy = duo ? (tx.get('people', duo.buddyId)?.name ?? duo.buddyId) : null;
  return buddy === null ? newcomer : ctx.t('coach:digest.duo_names', { newcomer, buddy });
};

const refused = (p: TaskProblem, id: string): Refused =>
  new Refused(p.reason === 'already_done' ? 'coach:cli.task_already_done' : 'coach:cli.task_unknown', { id });

/** `coach digest --coach X`: what X's digest would say today, as text. */
const digest = (ctx: CliContext, o: Opts) =>
  run(ctx, async (store) => {
    const now = systemClock.now();
    const lines = await store.transact((tx) => {
      const coach = coachOf(tx, o['coach'] ?? '');
      const today = localDate(now, ctx.config.TIMEZONE);
      const d = coachDigest(tx, coach, today, {
        timeZone: ctx.config.TIMEZONE,
        nudgeDays: ctx.config.INACTIVITY_NUDGE_DAYS,
        termEndWarningDays: ctx.config.TERM_END_WARNING_DAYS,
      });
      const count = d.tasks.length + d.quiet.length + d.waiting.length + d.termEnds.length;
      auditCli(tx, 'digest', count, 'view');
      return isEmptyDigest(d)
        ? [ctx.t('coach:cli.digest_none', { coach: coach.name, date: today })]
        : digestTemplates(d).map((t) => text(ctx, t));
    });
    ctx.out(lines.join('\n\n'));
  });

/** `task done <id> [--note …]` and `task later <id>`, by "cli" (every gemeente in scope). */
const change = (ctx: CliContext, sub: 'done' | 'later', id: string, o: Opts) =>
  run(ctx, async (store) => {
    const now = systemClock.now();
    const line = await store.transact((tx) => {
      const r =
        sub === 'done'
          ? completeTask(tx, id, { by: 'cli', now, ...(o['note'] ? { note: o['note'] } : {}) })
          : postponeTask(tx, id, { today: localDate(now, ctx.config.TIMEZONE) });
      if (!r.ok) throw refused(r, id);
      return ctx.t(sub === 'done' ? 'coach:cli.task_done' : 'coach:cli.task_later', {
        id,
        date: r.task.dueDate,
        kind: ctx.t(`coach:task.kind.${r.task.kind}`),
        names: namesOf(ctx, tx, r.task),
      });
    });
    ctx.out(line);
  });

/** `task list [--coach X]`: open tasks, soonest first; of every coach without --coach. */
const list = (ctx: CliContext, o: Opts) =>
  run(ctx, async (store) => {
    const lines = await store.read((tx) => {
      const tasks = o['coach']
        ? plannedTasksOf(tx, coachOf(tx, o['coach']).id)
        : tx
            .list('tasks', (t) => t.status === 'open')
            .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt));
      return tasks.map((t) =>
        ctx.t('coach:cli.task_line', {
          id: t.id,
          date: t.dueDate,
          kind: ctx.t(`coach:task.kind.${t.kind}`),
          names: namesOf(ctx, tx, t),
          coach: (t.coachId && tx.get('people', t.coachId)?.name) || '-',
        }),
      );
    });
    for (const l of lines.length ? lines : [ctx.t('coach:cli.task_list_none')]) ctx.out(l);
  });

/**
 * `duo log --duo <id> | --newcomer <name>`: a duo's log as text (meetings: date, time spent, what,
 * status; follow-up notes). A newcomer's log is of their live duo, else their last one.
 */
export const duoLogCommand = (ctx: CliContext, o: Opts): Promise<number> =>
  run(ctx, async (store) => {
    const out = await store.read((tx) => {
      if (o['duo']) {
        const duo = tx.get('duos', o['duo']);
        if (!duo) throw new Refused('coach:cli.duo_unknown', { duo: o['duo'] });
        return text(ctx, logTemplate(duoLog(tx, duo.newcomerId, duo, ctx.config.TIMEZONE)));
      }
      const wanted = o['newcomer'] ?? '';
      const newcomer = byIdOrName(tx, wanted, (p) => p.role === 'newcomer');
      if (!newcomer) throw new Refused('coach:cli.newcomer_unknown', { newcomer: wanted });
      return text(ctx, logTemplate(duoLog(tx, newcomer.id, duoForLog(tx, newcomer.id), ctx.config.TIMEZONE)));
    });
    ctx.out(out);
  });

const usage = (ctx: CliContext, problem?: string): number => {
  if (problem) ctx.err(problem);
  ctx.err(ctx.t('coach:cli.usage'));
  return 2;
};

/**
 * `coach digest --coach X`, `task done <id> [--note "…"]`, `task later <id>`,
 * `task list [--coach X]`: the coach's digest and tasks from the command line. Exit 0 when done,
 * 1 when refused (unknown coach or task, a task already done), 2 for a missing option or id or an
 * unknown subcommand.
 */
export const coachCommand = async (
  ctx: CliContext,
  cmd: string,
  sub: string | undefined,
  args: readonly string[],
  o: Opts,
): Promise<number> => {
  const name = `${cmd} ${sub ?? ''}`.trim();
  switch (name) {
    case 'coach digest':
      return o['coach'] ? digest(ctx, o) : usage(ctx, ctx.t('missing_option', { option: 'coach' }));
    case 'task done':
    case 'task later': {
      const id = args[0] ?? o['id'];
      return id ? change(ctx, sub as 'done' | 'later', id, o) : usage(ctx);
    }
    case 'task list':
      return list(ctx, o);
    default:
      return usage(ctx, sub ? ctx.t('unknown_command', { command: name }) : undefined);
  }
};
