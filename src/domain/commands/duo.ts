import type { Ids } from '../../core/clock.js';
import type { Template } from '../../core/effects.js';
import type { Json, ReadTx, WriteTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import { addDuo, endDuo, listDuos, liveDuosOf, pauseDuo, resumeDuo, type DuoResult } from '../ledger/duos.js';
import type { Duo } from '../ledger/types.js';
import type { Role } from '../roles.js';
import type { DataSchema, Person } from '../schema.js';
import { normalizeWord as norm } from '../../parsing/normalize.js';
import { matchPeople, personName } from '../people.js';
import { splitArgs } from './args.js';
import { allowed } from '../access/policy.js';

export interface DuoCommandSettings {
  readonly now: Date;
  readonly ids: Ids;
  readonly timeZone: string;
}

type Action = 'add' | 'pause' | 'resume' | 'end' | 'list';
/** What the first word after `duo` means, in Dutch and English. */
const ACTIONS: Readonly<Record<string, Action>> = {
  add: 'add',
  toevoegen: 'add',
  nieuw: 'add',
  new: 'add',
  match: 'add',
  pause: 'pause',
  pauze: 'pause',
  pauzeer: 'pause',
  resume: 'resume',
  hervat: 'resume',
  verder: 'resume',
  end: 'end',
  stop: 'end',
  einde: 'end',
  list: 'list',
  lijst: 'list',
};
/** The word between the newcomer's and the buddy's name ("Amina Khaled met Sara"). */
const WITH_WORDS = new Set(['met', 'with', 'avec']);

/** People of `role` the staff member may match and follow up, named `query`: an exact name, else word starts. */
const findPeople = (tx: ReadTx<DataSchema>, staff: Person, role: Role, query: string): Person[] =>
  matchPeople(
    tx,
    query,
    (p) => p.role === role && allowed(tx, staff, 'trajectory.manage', { personId: p.id }),
  );

/** One person, or the reply that says why not. */
const one = (
  tx: ReadTx<DataSchema>,
  staff: Person,
  role: 'newcomer' | 'buddy',
  query: string,
): Person | Template => {
  const found = findPeople(tx, staff, role, query);
  if (found.length === 1) return found[0]!;
  const kind = role === 'newcomer' ? 'newcomer' : 'buddy';
  return found.length
    ? { key: `staff:duo.several_${kind}s`, params: { names: found.map((p) => p.name).join(', ') } }
    : { key: `staff:duo.no_${kind}`, params: { name: query } };
};
const isTemplate = (x: Person | Template): x is Template => 'key' in x;

/** Splits "Amina Khaled met Sara" into the two names (the second may be empty). */
const splitNames = (words: readonly string[]): [string, string] => {
  const at = words.findIndex((w) => WITH_WORDS.has(w.toLocaleLowerCase()));
  return at < 0 ? [words.join(' '), ''] : [words.slice(0, at).join(' '), words.slice(at + 1).join(' ')];
};

const pair = (tx: ReadTx<DataSchema>, d: Duo) => ({
  newcomer: personName(tx, d.newcomerId) ?? d.newcomerId,
  buddy: personName(tx, d.buddyId) ?? d.buddyId,
});

/** `duo add <newcomer> met <buddy> [ritme=2] [maanden=6] [eerste=2026-12-01]`. */
const add = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  words: readonly string[],
  options: Record<string, string>,
  s: DuoCommandSettings,
): Template[] => {
  const [newcomerName, buddyName] = splitNames(words);
  if (!newcomerName || !buddyName) return [{ key: 'staff:duo.add_usage' }];
  const newcomer = one(tx, staff, 'newcomer', newcomerName);
  if (isTemplate(newcomer)) return [newcomer];
  const buddy = one(tx, staff, 'buddy', buddyName);
  if (isTemplate(buddy)) return [buddy];
  const rhythm = options['ritme'] ?? options['rhythm'];
  const months = options['maanden'] ?? options['months'];
  const first = options['eerste'] ?? options['first'];
  const r = addDuo(
    tx,
    {
      newcomerId: newcomer.id,
      buddyId: buddy.id,
      ...(staff.role === 'coach' ? { coachId: staff.id } : {}),
      ...(rhythm !== undefined ? { rhythmPerMonth: /^\d+$/.test(rhythm) ? Number(rhythm) : NaN } : {}),
      ...(months !== undefined ? { plannedMonths: /^\d+$/.test(months) ? Number(months) : NaN } : {}),
      ...(first !== undefined ? { firstMeetingAt: first } : {}),
    },
    { now: s.now, ids: s.ids, staff },
  );
  if (r.ok)
    return [
      {
        key: 'staff:duo.added',
        params: {
          newcomer: newcomer.name,
          buddy: buddy.name,
          rhythm: r.duo.rhythmPerMonth ?? 2,
          months: r.duo.plannedMonths ?? 6,
        },
      },
    ];
  switch (r.reason) {
    case 'already_active':
      return [{ key: 'staff:duo.already', params: { newcomer: newcomer.name, buddy: buddy.name } }];
    case 'invalid_rhythm':
      return [{ key: 'staff:duo.bad_rhythm' }];
    case 'invalid_months':
      return [{ key: 'staff:duo.bad_months' }];
    case 'invalid_date':
      return [{ key: 'staff:duo.bad_date' }];
    default:
      return [{ key: 'staff:duo.add_usage' }];
  }
};

/** `duo pause|resume|end <newcomer> [met <buddy>] [reden="…"]`. */
const change = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  action: 'pause' | 'resume' | 'end',
  words: readonly string[],
  options: Record<string, string>,
  s: DuoCommandSettings,
): Template[] => {
  const [newcomerName, buddyName] = splitNames(words);
  if (!newcomerName) return [{ key: 'staff:duo.change_usage', params: { action } }];
  const newcomer = one(tx, staff, 'newcomer', newcomerName);
  if (isTemplate(newcomer)) return [newcomer];
  let duos = liveDuosOf(tx, newcomer.id);
  if (buddyName) {
    const parts = norm(buddyName).split(' ');
    duos = duos.filter((d) => {
      const words = norm(personName(tx, d.buddyId) ?? d.buddyId).split(' ');
      return parts.every((x) => words.some((w) => w.startsWith(x)));
    });
  }
  if (!duos.length) return [{ key: 'staff:duo.none_live', params: { newcomer: newcomer.name } }];
  if (duos.length > 1)
    return [
      {
        key: 'staff:duo.several_duos',
        params: {
          newcomer: newcomer.name,
          action,
          buddy: personName(tx, duos[0]!.buddyId) ?? duos[0]!.buddyId,
        },
      },
    ];
  const duo = duos[0]!;
  const names = pair(tx, duo);
  if (!allowed(tx, staff, action === 'end' ? 'trajectory.manage' : 'duo.pause', { duoId: duo.id }))
    return [{ key: 'staff:duo.no_newcomer', params: { name: newcomer.name } }];
  const o = { now: s.now, timeZone: s.timeZone, staff };
  const reason = options['reden'] ?? options['reason'];
  const r: DuoResult =
    action === 'pause'
      ? pauseDuo(tx, duo.id, o)
      : action === 'resume'
        ? resumeDuo(tx, duo.id, o)
        : endDuo(tx, duo.id, { ...o, ...(reason !== undefined ? { reason } : {}) });
  if (r.ok) return [{ key: `staff:duo.${action === 'end' ? 'ended' : `${action}d`}`, params: names }];
  if (r.reason === 'not_active') return [{ key: 'staff:duo.is_paused', params: names }];
  if (r.reason === 'not_paused') return [{ key: 'staff:duo.not_paused', params: names }];
  return [{ key: 'staff:duo.none_live', params: { newcomer: newcomer.name } }];
};

const shortDate = (iso: string, timeZone: string) => {
  const [y, m, d] = localDate(new Date(iso), timeZone).split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
};

/** At most this many duos in one list reply. */
const MAX_LINES = 30;

/** `duo list`: the live duos of the coach's gemeente (an admin: of every gemeente). */
const list = (tx: ReadTx<DataSchema>, staff: Person, s: DuoCommandSettings): Template[] => {
  const duos = listDuos(tx, {
    ended: false,
    ...(staff.role === 'admin' ? {} : { municipality: staff.municipality }),
  }).filter((d) => allowed(tx, staff, 'trajectory.view', { duoId: d.id }));
  if (!duos.length) return [{ key: 'staff:duo.list_none' }];
  const lines: Json[] = duos.slice(0, MAX_LINES).map((d) => ({
    $t: 'staff:duo.list_line',
    params: {
      ...pair(tx, d),
      status: { $t: `staff:duo.status.${d.status}` },
      date: shortDate(d.matchedAt, s.timeZone),
      rhythm: d.rhythmPerMonth ?? 2,
      months: d.plannedMonths ?? 6,
    },
  }));
  if (duos.length > MAX_LINES)
    lines.push({ $t: 'staff:duo.list_more', params: { count: duos.length - MAX_LINES } });
  return [{ key: 'staff:duo.list', params: { lines } }];
};

/**
 * `duo add|pause|resume|end|list …` for coaches and admins (the same as the CLI's `duo`
 * commands), within their gemeenten. Names may have several words; "met" (or "with") separates
 * the newcomer from the buddy. Each answer says what changed in one line; a mistake says what to
 * write.
 */
export const duoCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  line: string,
  s: DuoCommandSettings,
): Template[] => {
  const { words, options } = splitArgs(line);
  const action = ACTIONS[(words[0] ?? '').toLocaleLowerCase()];
  const rest = words.slice(1);
  switch (action) {
    case 'add':
      return add(tx, staff, rest, options, s);
    case 'pause':
    case 'resume':
    case 'end':
      return change(tx, staff, action, rest, options, s);
    case 'list':
      return list(tx, staff, s);
    default:
      return [{ key: 'staff:duo.usage' }];
  }
};
