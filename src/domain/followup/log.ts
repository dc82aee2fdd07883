import type { Template } from '../../core/effects.js';
import type { Json, ReadTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import { entriesOf, liveDuosOf } from '../ledger/index.js';
import type { Duo, EntryStatus } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import { tasksOfDuo, tasksOfNewcomer } from './tasks.js';
import { CHECKIN_ANSWERS, type TaskKind } from './types.js';

/** One meeting of the duo: what coaches kept per row in Excel (date, time spent, content). */
export interface LogMeeting {
  readonly date: string;
  readonly minutes: number;
  /** What they did, as reported (null when nothing was written). */
  readonly description: string | null;
  readonly status: EntryStatus;
}

/** A follow-up of the duo: a task done (with the coach's note) or a check-in answered. */
export type LogFollowUp =
  | {
      readonly type: 'task';
      readonly date: string;
      readonly kind: TaskKind;
      readonly note: string | null;
    }
  | { readonly type: 'answer'; readonly date: string; readonly eventId: string; readonly answer: string };

/** A duo's log (or a newcomer's, when they have no duo yet). */
export interface DuoLog {
  readonly newcomerId: string;
  readonly newcomer: string;
  readonly duo: Duo | null;
  readonly buddy: string | null;
  /** The duo's buddy meetings, oldest first; withdrawn reports left out. */
  readonly meetings: readonly LogMeeting[];
  /** Confirmed minutes of the newcomer's other activities (volunteering, clubs), for context. */
  readonly otherConfirmedMinutes: number;
  readonly followUps: readonly LogFollowUp[];
}

/**
 * The duo the log of a newcomer is about: their one live duo, else the most recent one, else
 * none. Several live duos: the one matched last (the log names its duo id for the others).
 */
export const duoForLog = (tx: ReadTx<DataSchema>, newcomerId: string): Duo | null => {
  const live = liveDuosOf(tx, newcomerId);
  const all = live.length ? live : tx.list('duos', (d) => d.newcomerId === newcomerId);
  return all.sort((a, b) => b.matchedAt.localeCompare(a.matchedAt))[0] ?? null;
};

/**
 * The log of a duo: per meeting its date, time spent, what they did and its status (the buddy
 * hours entries of that newcomer with that buddy), the newcomer's other confirmed hours as one
 * figure (the duo log is about the duo; `hours <naam>` shows the rest), and the follow-ups: tasks
 * done with their notes, check-ins answered. With `duo` null, a newcomer without a duo: their
 * tasks only.
 */
export const duoLog = (
  tx: ReadTx<DataSchema>,
  newcomerId: string,
  duo: Duo | null,
  timeZone: string,
): DuoLog => {
  const entries = entriesOf(tx, newcomerId).filter((e) => e.status !== 'withdrawn');
  const isMeeting = (e: (typeof entries)[number]) =>
    duo !== null && e.offerType === 'buddy' && (e.contactId === duo.buddyId || e.contactId === null);
  const meetings = entries.filter(isMeeting).map((e) => ({
    date: e.date,
    minutes: e.minutes,
    description: e.description ?? e.organisation,
    status: e.status,
  }));
  const otherConfirmedMinutes = entries
    .filter((e) => !isMeeting(e) && e.status === 'confirmed')
    .reduce((sum, e) => sum + e.minutes, 0);
  const tasks = duo
    ? [...tasksOfDuo(tx, duo.id), ...tasksOfNewcomer(tx, newcomerId).filter((t) => t.duoId === null)]
    : tasksOfNewcomer(tx, newcomerId);
  const done: LogFollowUp[] = tasks
    .filter((t) => t.status === 'done')
    .map((t) => ({
      type: 'task',
      date: t.doneAt ? localDate(new Date(t.doneAt), timeZone) : t.dueDate,
      kind: t.kind,
      note: t.note ?? null,
    }));
  const answers: LogFollowUp[] = duo
    ? tx
        .list('followups', (f) => f.duoId === duo.id && typeof f.answer === 'string')
        .map((f) => ({
          type: 'answer',
          date: localDate(new Date(f.answeredAt ?? f.at), timeZone),
          eventId: f.eventId,
          answer: f.answer ?? '',
        }))
    : [];
  return {
    newcomerId,
    newcomer: tx.get('people', newcomerId)?.name ?? newcomerId,
    duo,
    buddy: duo ? (tx.get('people', duo.buddyId)?.name ?? duo.buddyId) : null,
    meetings,
    otherConfirmedMinutes,
    followUps: [...done, ...answers].sort((a, b) => a.date.localeCompare(b.date)),
  };
};

/** Check-in answers with a text of their own; anything else (none is recorded) is shown as given. */
const ANSWERS: ReadonlySet<string> = new Set(CHECKIN_ANSWERS);

/** Most rows of each part in one message (a message must stay readable in Slack). */
const MAX_ROWS = 40;

const rows = (lines: Json[]): Json[] =>
  lines.length > MAX_ROWS
    ? [...lines.slice(-MAX_ROWS), { $t: 'coach:log.older', params: { count: lines.length - MAX_ROWS } }]
    : lines;

/** The log as one message: a title, the meetings, then the follow-ups. */
export const logTemplate = (l: DuoLog): Template => {
  const meetings: Json[] = l.meetings.map((m) => ({
    $t: 'coach:log.meeting',
    params: {
      date: m.date,
      minutes: m.minutes,
      what: m.description ?? { $t: 'coach:log.no_description' },
      status: { $t: `coach:log.status.${m.status}` },
    },
  }));
  const followUps: Json[] = l.followUps.map((f): Json =>
    f.type === 'task'
      ? {
          $t: 'coach:log.task_line',
          params: {
            date: f.date,
            kind: { $t: `coach:task.kind.${f.kind}` },
            note: f.note ? { $t: 'coach:log.note', params: { note: f.note } } : '',
          },
        }
      : {
          $t: 'coach:log.answer_line',
          params: {
            date: f.date,
            answer: ANSWERS.has(f.answer) ? { $t: `coach:log.answer.${f.answer}` } : f.answer,
          },
        },
  );
  return {
    key: 'coach:log.text',
    params: {
      title: l.duo
        ? {
            $t: 'coach:log.title',
            params: {
              newcomer: l.newcomer,
              buddy: l.buddy ?? '',
              id: l.duo.id,
              status: { $t: `staff:duo.status.${l.duo.status}` },
            },
          }
        : { $t: 'coach:log.title_no_duo', params: { newcomer: l.newcomer } },
      meetings: meetings.length ? rows(meetings) : { $t: 'coach:log.no_meetings' },
      other: l.otherConfirmedMinutes
        ? { $t: 'coach:log.other_hours', params: { newcomer: l.newcomer, minutes: l.otherConfirmedMinutes } }
        : '',
      followups: followUps.length ? rows(followUps) : { $t: 'coach:log.no_followups' },
    },
  };
};
