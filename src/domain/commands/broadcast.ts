import { TZDate } from '@date-fns/tz';
import type { Ids } from '../../core/clock.js';
import type { CommandResult } from '../../core/commands.js';
import type { Template } from '../../core/effects.js';
import type { Json, WriteTx } from '../../core/store.js';
import type { Activity } from '../activities/types.js';
import { newBroadcast } from '../broadcasts/jobs.js';
import { localDate } from '../dates.js';
import { planDomainJob } from '../jobs.js';
import { groupsOf, subscribersOf } from '../broadcasts/recipients.js';
import { progressParams } from '../broadcasts/status.js';
import type { DataSchema, Person } from '../schema.js';
import { normalizeWord as norm } from '../../parsing/normalize.js';
import { splitArgs } from './args.js';
import { allowed } from '../access/policy.js';
import { gemeenteIds } from './scope.js';

export interface BroadcastCommandSettings {
  readonly now: Date;
  readonly ids: Ids;
  readonly timeZone: string;
}

/** Active activities the staff member may send, matching an id or words of the title. */
const findActivities = (tx: WriteTx<DataSchema>, staff: Person, query: string): Activity[] => {
  const mine = tx.list(
    'activities',
    (a) =>
      a.status === 'active' &&
      a.municipalities.some((m) => allowed(tx, staff, 'aanbod.manage', { municipality: m })),
  );
  const byId = mine.filter((a) => a.id === query);
  if (byId.length) return byId;
  const words = norm(query).split(/\s+/).filter(Boolean);
  return mine.filter((a) => words.length > 0 && words.every((w) => norm(a.title).includes(w)));
};

/** "2026-11-30 10:00" or "30/11 10:00" in the local time zone; "nu"/"now" or nothing: now. */
const parseWhen = (text: string | undefined, now: Date, timeZone: string): Date | null => {
  if (!text || /^(nu|now|direct)$/i.test(text.trim())) return now;
  const m =
    /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?)[ T]+(\d{1,2})[:u.h](\d{2})$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const local = new TZDate(now.getTime(), timeZone);
  const year = Number(m[1] ?? m[6] ?? local.getFullYear());
  const month = Number(m[2] ?? m[5]) - 1;
  const day = Number(m[3] ?? m[4]);
  const d = new TZDate(year, month, day, Number(m[7]), Number(m[8]), 0, timeZone);
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime());
};

/**
 * `broadcast <activity> [gemeente=a,b] [wanneer="2026-11-30 10:00"] [stilte=negeren]`: sends one
 * activity to the gemeente-groepen and subscribers, now or at a chosen time (a durable job);
 * outside quiet hours unless `stilte=negeren`. Answers with how many groups and people it reaches.
 */
const planBroadcast = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  line: string,
  s: BroadcastCommandSettings,
): Template[] | CommandResult => {
  const { words, options } = splitArgs(line);
  if (words[0]?.toLocaleLowerCase() === 'status') return broadcastStatus(tx, staff);
  const query = words.join(' ');
  if (!query) return [{ key: 'staff:broadcast_usage' }];
  const found = findActivities(tx, staff, query);
  if (found.length === 0) return [{ key: 'staff:broadcast_none', params: { query } }];
  if (found.length > 1)
    return [
      {
        key: 'staff:broadcast_several',
        params: { titles: found.map((a) => `${a.title} (${a.id})`).join(', ') },
      },
    ];
  const a = found[0]!;
  // Without gemeente=…: the activity's gemeenten this staff member works for.
  const asked = options['gemeente'];
  const municipalities = asked
    ? gemeenteIds(tx, asked)
    : a.municipalities.filter((m) => allowed(tx, staff, 'aanbod.manage', { municipality: m }));
  const outside = municipalities.filter(
    (m) => !tx.get('municipalities', m) || !allowed(tx, staff, 'aanbod.manage', { municipality: m }),
  );
  if (outside.length) return [{ key: 'staff:add_other_gemeente', params: { gemeente: outside.join(', ') } }];
  const when = parseWhen(options['wanneer'] ?? options['when'], s.now, s.timeZone);
  if (!when) return [{ key: 'staff:broadcast_when' }];
  if (Date.parse(a.endsAt) <= when.getTime())
    return [{ key: 'staff:broadcast_past', params: { title: a.title } }];
  const id = s.ids.next('bc');
  tx.put(
    'broadcasts',
    id,
    newBroadcast({
      id,
      kind: 'activity',
      municipalities,
      activityIds: [a.id],
      sendAt: when.toISOString(),
      quietOverride: /^(negeren|ignore|override|ja|yes)$/i.test(options['stilte'] ?? options['quiet'] ?? ''),
      createdBy: staff.id,
      now: s.now,
    }),
  );
  planDomainJob(tx, `broadcast:${id}`, 'broadcast', when, { broadcast: id });
  const params: Record<string, Json> = {
    title: a.title,
    groups: groupsOf(tx, municipalities).length,
    people: subscribersOf(tx, municipalities).length,
    day: localDate(when, s.timeZone),
    time: new TZDate(when.getTime(), s.timeZone).toTimeString().slice(0, 5),
  };
  return {
    replies: [
      { key: when.getTime() > s.now.getTime() ? 'staff:broadcast_planned' : 'staff:broadcast_now', params },
    ],
    statusOf: id,
  };
};

/**
 * `broadcast <activity> [gemeente=a,b] [wanneer="2026-11-30 10:00"] [stilte=negeren]` or
 * `broadcast status`. The answer to a new broadcast becomes its status message, updated in place
 * with the delivery progress and how many are coming.
 */
export const broadcastCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  line: string,
  s: BroadcastCommandSettings,
): CommandResult => {
  const r = planBroadcast(tx, staff, line, s);
  return Array.isArray(r) ? { replies: r } : r;
};

/** The last broadcasts of the staff member's gemeenten: delivery progress and who is coming. */
const broadcastStatus = (tx: WriteTx<DataSchema>, staff: Person): Template[] => {
  const last = tx
    .list('broadcasts', (b) =>
      b.municipalities.some((m) => allowed(tx, staff, 'aanbod.manage', { municipality: m })),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 5);
  if (!last.length) return [{ key: 'staff:broadcast_status_none' }];
  const lines: Json[] = last.map((b) => ({
    $t: 'staff:broadcast_status_line',
    params: progressParams(tx, b),
  }));
  return [{ key: 'staff:broadcast_status', params: { lines } }];
};
