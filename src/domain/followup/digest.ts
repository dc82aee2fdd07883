import type { Template } from '../../core/effects.js';
import type { Json, ReadTx } from '../../core/store.js';
import { daysBetween } from '../dates.js';
import { quietPeriods } from '../duos/inactivity.js';
import { entriesOf, progressOf, trajectoryStatusOf } from '../ledger/index.js';
import { TARGET_MINUTES, type Duo, type Trajectory } from '../ledger/types.js';
import type { DataSchema, Person } from '../schema.js';
import { byDue, openTasksOf } from './tasks.js';
import type { CoachTask } from './types.js';
import { personName } from '../people.js';

/** What the digest needs from the configuration. */
export interface DigestSettings {
  readonly timeZone: string;
  /** INACTIVITY_NUDGE_DAYS: a duo this many days without a meeting shows as "without contact". */
  readonly nudgeDays: number;
  /** TERM_END_WARNING_DAYS: a term ending within this many days, under 40 hours, shows. */
  readonly termEndWarningDays: number;
}

/** An opvolggesprek or other task due today or overdue. */
export interface DigestTask {
  readonly task: CoachTask;
  readonly newcomer: string;
  /** The duo's buddy, when the task is about a duo. */
  readonly buddy: string | null;
  /** Days after its due date (0: due today). */
  readonly daysLate: number;
}

/** An active duo quiet for INACTIVITY_NUDGE_DAYS or more. */
export interface DigestQuietDuo {
  readonly duoId: string;
  readonly newcomer: string;
  readonly buddy: string;
  /** Local date of the last meeting (else the first meeting or the match). */
  readonly since: string;
  readonly days: number;
}

/** A newcomer's hours waiting for a confirmation. */
export interface DigestWaiting {
  readonly newcomerId: string;
  readonly newcomer: string;
  readonly count: number;
  readonly minutes: number;
  /** Local date of the oldest waiting entry. */
  readonly oldest: string;
  /** Who must confirm: names, and null for the coach (no contact person known). */
  readonly who: readonly (string | null)[];
}

/** A term ending soon with fewer than 40 confirmed hours. */
export interface DigestTermEnd {
  readonly newcomerId: string;
  readonly newcomer: string;
  readonly end: string;
  readonly daysLeft: number;
  readonly confirmedMinutes: number;
}

/** Everything one coach should look at on one day. */
export interface CoachDigest {
  readonly coachId: string;
  readonly coachName: string;
  /** Local date (YYYY-MM-DD). */
  readonly today: string;
  readonly tasks: readonly DigestTask[];
  readonly quiet: readonly DigestQuietDuo[];
  readonly waiting: readonly DigestWaiting[];
  readonly termEnds: readonly DigestTermEnd[];
}

/**
 * Who follows what, with the trajectories read once: a newcomer's coach is their term's (the
 * first trajectory, as trajectoryOf finds it), else their own; a duo's is the duo's, else its
 * newcomer's.
 */
const followers = (tx: ReadTx<DataSchema>) => {
  const terms = new Map<string, Trajectory>();
  for (const t of tx.list('trajectories')) if (!terms.has(t.newcomerId)) terms.set(t.newcomerId, t);
  const ofNewcomer = (newcomerId: string): string | null =>
    terms.get(newcomerId)?.coachId ?? tx.get('people', newcomerId)?.coachId ?? null;
  const ofDuo = (duo: Duo): string | null => duo.coachId ?? ofNewcomer(duo.newcomerId);
  return { ofNewcomer, ofDuo };
};

/**
 * Whether something followed by `coachId` (null: nobody) belongs in `staff`'s digest: a coach's
 * own; an admin's own and everything no coach follows, so nothing falls between two chairs.
 */
const belongs = (staff: Person, coachId: string | null): boolean =>
  coachId === staff.id || (staff.role === 'admin' && coachId === null);

/**
 * Hours waiting for a confirmation, per newcomer `include` accepts: how many entries and minutes,
 * the oldest entry's date and who must confirm (null: the coach); oldest first. The coach's
 * digest shows those of their newcomers, the dashboard those of a gemeente.
 */
export const waitingHours = (
  tx: ReadTx<DataSchema>,
  include: (newcomerId: string) => boolean,
): DigestWaiting[] => {
  const waitingBy = new Map<
    string,
    { count: number; minutes: number; oldest: string; who: (string | null)[] }
  >();
  for (const e of tx.list('ledger', (x) => x.status === 'pending' && include(x.newcomerId))) {
    const w = waitingBy.get(e.newcomerId) ?? { count: 0, minutes: 0, oldest: e.date, who: [] };
    const who = e.contactId ? (personName(tx, e.contactId) ?? '?') : null;
    waitingBy.set(e.newcomerId, {
      count: w.count + 1,
      minutes: w.minutes + e.minutes,
      oldest: e.date < w.oldest ? e.date : w.oldest,
      who: w.who.includes(who) ? w.who : [...w.who, who],
    });
  }
  return [...waitingBy]
    .map(([newcomerId, w]) => ({ newcomerId, newcomer: personName(tx, newcomerId) ?? '?', ...w }))
    .sort((a, b) => a.oldest.localeCompare(b.oldest) || a.newcomer.localeCompare(b.newcomer));
};

/** Something in a digest with the coach who follows it (null: nobody). */
interface Followed<T> {
  readonly coachId: string | null;
  readonly item: T;
}

/**
 * What every coach's digest of one day is cut from, read once: the quiet duos, the waiting hours
 * and the terms ending, each with who follows it, already in digest order. A job run serves every
 * coach and admin from one, instead of reading the ledger and the trajectories once per coach.
 */
export interface DigestDay {
  readonly today: string;
  readonly quiet: readonly Followed<DigestQuietDuo>[];
  readonly waiting: readonly Followed<DigestWaiting>[];
  readonly termEnds: readonly Followed<DigestTermEnd>[];
}

/**
 * Everything due on local date `today` for all coaches (those `only` accepts, when given: one
 * coach's digest need not work out the others'), read-only: active duos quiet for `nudgeDays` or
 * more (longest first), hours waiting for a confirmation (oldest first), terms ending within
 * `termEndWarningDays` (today included) with fewer than 40 confirmed hours.
 */
export const digestDay = (
  tx: ReadTx<DataSchema>,
  today: string,
  s: DigestSettings,
  only: (coachId: string | null) => boolean = () => true,
): DigestDay => {
  const { ofDuo, ofNewcomer } = followers(tx);

  const quiet = quietPeriods(tx, today, s.timeZone, (duo) => only(ofDuo(duo)))
    .filter((q) => q.days >= s.nudgeDays)
    .sort((a, b) => b.days - a.days)
    .map((q) => ({
      coachId: ofDuo(q.duo),
      item: {
        duoId: q.duo.id,
        newcomer: personName(tx, q.duo.newcomerId) ?? '?',
        buddy: personName(tx, q.duo.buddyId) ?? '?',
        since: q.since,
        days: q.days,
      },
    }));

  const waiting = waitingHours(tx, (id) => only(ofNewcomer(id))).map((w) => ({
    coachId: ofNewcomer(w.newcomerId),
    item: w,
  }));

  const termEnds = tx
    .list('trajectories', (t) => {
      if (trajectoryStatusOf(t) === 'ended') return false;
      const left = daysBetween(today, t.end);
      return left >= 0 && left <= s.termEndWarningDays && only(ofNewcomer(t.newcomerId));
    })
    .flatMap((t) => {
      const p = progressOf(entriesOf(tx, t.newcomerId), { today, termEnd: t.end });
      return p.confirmedMinutes >= TARGET_MINUTES
        ? []
        : [
            {
              coachId: ofNewcomer(t.newcomerId),
              item: {
                newcomerId: t.newcomerId,
                newcomer: personName(tx, t.newcomerId) ?? '?',
                end: t.end,
                daysLeft: daysBetween(today, t.end),
                confirmedMinutes: p.confirmedMinutes,
              },
            },
          ];
    })
    .sort((a, b) => a.item.end.localeCompare(b.item.end));

  return { today, quiet, waiting, termEnds };
};

/**
 * `staff`'s digest cut from a {@link digestDay}: their tasks due today and overdue (oldest
 * first), and their part of the day's quiet duos, waiting hours and terms ending. An admin also
 * gets what no coach follows.
 */
export const digestFor = (tx: ReadTx<DataSchema>, day: DigestDay, staff: Person): CoachDigest => {
  const today = day.today;
  const tasks = [
    ...openTasksOf(tx, staff.id, today),
    ...(staff.role === 'admin' ? openTasksOf(tx, null, today) : []),
  ]
    .sort(byDue)
    .map((task) => {
      const duo = task.duoId ? tx.get('duos', task.duoId) : undefined;
      return {
        task,
        newcomer: personName(tx, task.newcomerId) ?? '?',
        buddy: duo ? (personName(tx, duo.buddyId) ?? '?') : null,
        daysLate: daysBetween(task.dueDate, today),
      };
    });

  const mine = <T>(all: readonly Followed<T>[]): T[] =>
    all.filter((f) => belongs(staff, f.coachId)).map((f) => f.item);

  return {
    coachId: staff.id,
    coachName: staff.name,
    today,
    tasks,
    quiet: mine(day.quiet),
    waiting: mine(day.waiting),
    termEnds: mine(day.termEnds),
  };
};

/**
 * The coach's digest for local date `today`, read-only (see {@link digestDay} and
 * {@link digestFor}); for one coach. For every coach at once, cut each from one digestDay.
 */
export const coachDigest = (
  tx: ReadTx<DataSchema>,
  staff: Person,
  today: string,
  s: DigestSettings,
): CoachDigest =>
  digestFor(
    tx,
    digestDay(tx, today, s, (coachId) => belongs(staff, coachId)),
    staff,
  );

/** True when the digest has nothing to show (no message is sent). */
export const isEmptyDigest = (d: CoachDigest): boolean =>
  !d.tasks.length && !d.quiet.length && !d.waiting.length && !d.termEnds.length;

/** At most this many task messages, and as many quiet-duo messages; a line says how many more. */
export const MAX_TASK_MESSAGES = 10;

/** The staff command a digest button runs (`/netwerkbot task done t_1`). */
const command = (args: string) => `/netwerkbot ${args}`;

/** "Amina en Sara", or "Amina" without a buddy. */
const names = (newcomer: string, buddy: string | null): Json =>
  buddy === null ? newcomer : { $t: 'coach:digest.duo_names', params: { newcomer, buddy } };

/** The three choices of a task: Klaar, Een week later, Logboek. */
const taskChoices = (t: CoachTask) => [
  { value: command(`task done ${t.id}`), label: 'coach:digest.choice.done' },
  { value: command(`task later ${t.id}`), label: 'coach:digest.choice.later' },
  { value: command(`log ${t.duoId ?? t.newcomerId}`), label: 'coach:digest.choice.log' },
];

/** One task as a message with its three choices (also `/netwerkbot task list`'s lines). */
export const taskTemplate = (t: DigestTask): Template => ({
  key: 'coach:digest.task',
  params: {
    kind: { $t: `coach:task.kind.${t.task.kind}` },
    names: names(t.newcomer, t.buddy),
    when:
      t.daysLate > 0
        ? { $t: 'coach:digest.late', params: { count: t.daysLate } }
        : { $t: 'coach:digest.due_today' },
    detail: t.task.detail ? { $t: 'coach:digest.detail', params: { detail: t.task.detail } } : '',
  },
  choices: taskChoices(t.task),
});

/** "Sara", "Sara, Jan", "de coach" or "Sara en de coach". */
const whoConfirms = (who: readonly (string | null)[]): Json => {
  const people = who.filter((x): x is string => x !== null).join(', ');
  if (!who.includes(null)) return people;
  return people
    ? { $t: 'coach:digest.who_and_coach', params: { names: people } }
    : { $t: 'coach:digest.waits_coach' };
};

const countLine = (key: string, count: number): Json[] =>
  count ? [{ $t: `coach:digest.count.${key}`, params: { count } }] : [];

/**
 * The digest as messages: a header with the counts, then one message per task (at most
 * {@link MAX_TASK_MESSAGES}) with the choices Klaar / Een week later / Logboek, one per quiet duo
 * with a Logboek choice, one for the waiting hours and one for the terms ending soon. Empty for
 * an empty digest.
 */
export const digestTemplates = (d: CoachDigest): Template[] => {
  if (isEmptyDigest(d)) return [];
  const header: Template = {
    key: 'coach:digest.header',
    params: {
      name: d.coachName,
      date: d.today,
      lines: [
        ...countLine('tasks', d.tasks.length),
        ...countLine('quiet', d.quiet.length),
        ...countLine('waiting', d.waiting.length),
        ...countLine('term_ends', d.termEnds.length),
      ],
    },
  };
  const more = d.tasks.length - MAX_TASK_MESSAGES;
  const moreQuiet = d.quiet.length - MAX_TASK_MESSAGES;
  return [
    header,
    ...d.tasks.slice(0, MAX_TASK_MESSAGES).map(taskTemplate),
    ...(more > 0 ? [{ key: 'coach:digest.more_tasks', params: { count: more } }] : []),
    ...d.quiet.slice(0, MAX_TASK_MESSAGES).map((q): Template => ({
      key: 'coach:digest.quiet',
      params: { newcomer: q.newcomer, buddy: q.buddy, since: q.since, days: q.days },
      choices: [{ value: command(`log ${q.duoId}`), label: 'coach:digest.choice.log' }],
    })),
    ...(moreQuiet > 0 ? [{ key: 'coach:digest.more_quiet', params: { count: moreQuiet } }] : []),
    ...(d.waiting.length
      ? [
          {
            key: 'coach:digest.waiting',
            params: {
              lines: d.waiting.map((w) => ({
                $t: 'coach:digest.waiting_line',
                params: {
                  newcomer: w.newcomer,
                  count: w.count,
                  minutes: w.minutes,
                  oldest: w.oldest,
                  who: whoConfirms(w.who),
                },
              })),
            },
          },
        ]
      : []),
    ...(d.termEnds.length
      ? [
          {
            key: 'coach:digest.term_ends',
            params: {
              lines: d.termEnds.map((t) => ({
                $t: 'coach:digest.term_line',
                params: {
                  newcomer: t.newcomer,
                  end: t.end,
                  count: t.daysLeft,
                  confirmed: t.confirmedMinutes,
                },
              })),
            },
          },
        ]
      : []),
  ];
};
