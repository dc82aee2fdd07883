import type { Ids } from '../../core/clock.js';
import type { Template } from '../../core/effects.js';
import type { Json, WriteTx } from '../../core/store.js';
import { hoursOverview } from '../actions/hours-summary.js';
import { entryLabel } from '../actions/hours-context.js';
import { localDate } from '../dates.js';
import { recordAudit } from '../privacy/audit.js';
import { entriesOf } from '../ledger/index.js';
import type { DataSchema, Person } from '../schema.js';
import { findNewcomers } from './scope.js';
import { personName } from '../people.js';

/** Most pending entries listed; the rest are counted. */
const MAX_PENDING = 10;

/**
 * `hours <name>`: a newcomer's hours (confirmed per offer type, pending, pace) and the entries
 * still waiting for a confirmation, with who they wait for. Showing them is in the audit log.
 */
export const hoursCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  query: string,
  o: {
    readonly now: Date;
    readonly timeZone: string;
    readonly ids: Pick<Ids, 'next'>;
    readonly via?: string;
  },
): Template[] => {
  query = query.trim();
  if (!query) return [{ key: 'staff:hours_usage' }];
  const found = findNewcomers(tx, staff, query);
  if (found.length === 0) return [{ key: 'staff:hours_none', params: { query } }];
  if (found.length > 1)
    return [{ key: 'staff:hours_several', params: { names: found.map((p) => p.name).join(', ') } }];
  const n = found[0]!;
  recordAudit(
    tx,
    { actorId: staff.id, action: 'view', what: 'hours', subjectId: n.id, via: o.via ?? 'chat' },
    o,
  );
  const overview = hoursOverview(tx, n.id, localDate(o.now, o.timeZone), {
    term: 'staff:term_line',
    done: 'staff:done_line',
  });
  if (!overview) return [{ key: 'staff:hours_empty', params: { newcomer: n.name } }];
  const pending = entriesOf(tx, n.id)
    .filter((e) => e.status === 'pending')
    .sort((a, b) => a.date.localeCompare(b.date));
  const lines: Json[] = pending.slice(0, MAX_PENDING).map((e) => ({
    $t: 'staff:pending_line',
    params: {
      date: e.date,
      minutes: e.minutes,
      activity: entryLabel(tx, e, null),
      who: e.contactId ? (personName(tx, e.contactId) ?? '?') : { $t: 'staff:waits_coach' },
    },
  }));
  if (pending.length > MAX_PENDING)
    lines.push({ $t: 'staff:pending_more', params: { count: pending.length - MAX_PENDING } });
  return [
    {
      key: 'staff:hours_summary',
      params: { newcomer: n.name, bar: overview.bar, confirmed: overview.confirmed, lines: overview.lines },
    },
    ...(lines.length ? [{ key: 'staff:pending', params: { count: pending.length, lines } }] : []),
  ];
};
