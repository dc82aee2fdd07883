import type { ReadTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import type { FollowUpMark } from '../followup/types.js';
import { pausedDaysOf } from '../ledger/duos.js';
import { trajectoryStatusOf } from '../ledger/trajectories.js';
import type { Duo, LedgerEntry, Trajectory } from '../ledger/types.js';
import type { DataSchema, Person } from '../schema.js';
import { gemeenteName } from '../municipalities.js';
import { groupBy, latest } from './collect.js';

/** The period and gemeente of a TB report; dates are local (YYYY-MM-DD) and inclusive. */
export interface TbReportQuery {
  readonly from?: string;
  readonly to?: string;
  /** A gemeente id; every gemeente when absent. */
  readonly municipality?: string;
  readonly timeZone: string;
}

/** One newcomer's line in the report for the agency's trajectbegeleider. */
export interface TbRow {
  readonly newcomerId: string;
  readonly newcomer: string;
  readonly gemeente: string;
  readonly coach: string;
  /** intake, matched, active, paused, ended; "none" without a trajectory. */
  readonly status: string;
  readonly obligation: boolean | null;
  readonly termStart: string | null;
  readonly termEnd: string | null;
  /** Confirmed minutes of activities dated in the period. */
  readonly confirmedMinutes: number;
  /** Minutes in the period still waiting for confirmation. */
  readonly pendingMinutes: number;
  /** All confirmed minutes up to the period's end (what counts toward the 40 hours). */
  readonly confirmedTotalMinutes: number;
  /** Offer types chosen in the trajectory and those with hours in the period. */
  readonly offerTypes: readonly string[];
  /** Calendar days of the duos' finished pauses. */
  readonly pausedDays: number;
  /** Local date the current pause of a duo started, if one is paused now. */
  readonly pausedSince: string | null;
  /** Latest contact up to the period's end: an activity (entry date) or an answered check-in. */
  readonly lastContact: string | null;
}

const inPeriod = (date: string, q: TbReportQuery): boolean =>
  (!q.from || date >= q.from) && (!q.to || date <= q.to);

const sum = (entries: readonly LedgerEntry[]) => entries.reduce((n, e) => n + e.minutes, 0);

/**
 * The report the agency's trajectbegeleider gets every quarter: one row per newcomer whose term
 * overlaps the period or who has activities dated in it (every newcomer without a period), in
 * the gemeente asked, sorted by gemeente and name. Withdrawn and disputed entries count nowhere.
 */
export const tbReport = (tx: ReadTx<DataSchema>, q: TbReportQuery): TbRow[] => {
  const newcomers = tx.list(
    'people',
    (p) => p.role === 'newcomer' && (!q.municipality || p.municipality === q.municipality),
  );
  // Each collection read once, not once per newcomer.
  const ledger = groupBy(tx.list('ledger'), (e) => e.newcomerId);
  const terms = groupBy(tx.list('trajectories'), (t) => t.newcomerId);
  const duos = groupBy(tx.list('duos'), (d) => d.newcomerId);
  const answeredByDuo = groupBy(
    tx.list('followups', (m) => !!m.answeredAt),
    (m) => m.duoId,
  );
  const rows: TbRow[] = [];
  for (const n of newcomers) {
    const term = terms.get(n.id)?.[0];
    const entries = ledger.get(n.id) ?? [];
    const period = entries.filter((e) => inPeriod(e.date, q));
    const overlaps = !!term && (!q.to || term.start <= q.to) && (!q.from || term.end >= q.from);
    if (!overlaps && !period.length && (q.from || q.to)) continue;
    const own = duos.get(n.id) ?? [];
    const answered = own.flatMap((d) => answeredByDuo.get(d.id) ?? []);
    rows.push(rowOf(tx, n, q, { term, entries, period, duos: own, answered }));
  }
  return rows.sort((a, b) => a.gemeente.localeCompare(b.gemeente) || a.newcomer.localeCompare(b.newcomer));
};

/** What one newcomer's row is made of, read from the store by {@link tbReport}. */
interface RowParts {
  readonly term: Trajectory | undefined;
  /** Every entry of the newcomer, and those dated in the period. */
  readonly entries: readonly LedgerEntry[];
  readonly period: readonly LedgerEntry[];
  readonly duos: readonly Duo[];
  /** The duos' answered follow-ups (check-ins). */
  readonly answered: readonly FollowUpMark[];
}

const rowOf = (
  tx: ReadTx<DataSchema>,
  n: Person,
  q: TbReportQuery,
  { term, entries, period, duos, answered }: RowParts,
): TbRow => {
  const confirmed = period.filter((e) => e.status === 'confirmed');
  const uptoEnd = (date: string) => !q.to || date <= q.to;
  const checkins = answered.map((m) => localDate(new Date(m.answeredAt!), q.timeZone));
  const activities = entries.filter((e) => e.status !== 'withdrawn').map((e) => e.date);
  const offers = new Set<string>([...(term?.offerTypes ?? []), ...confirmed.map((e) => e.offerType)]);
  const paused = duos.find((d) => d.status === 'paused' && d.pausedAt);
  return {
    newcomerId: n.id,
    newcomer: n.name,
    gemeente: gemeenteName(tx, n.municipality),
    coach: (n.coachId ? tx.get('people', n.coachId)?.name : undefined) ?? '',
    status: term ? trajectoryStatusOf(term) : 'none',
    obligation: term ? term.obligation : null,
    termStart: term?.start ?? null,
    termEnd: term?.end ?? null,
    confirmedMinutes: sum(confirmed),
    pendingMinutes: sum(period.filter((e) => e.status === 'pending')),
    confirmedTotalMinutes: sum(entries.filter((e) => e.status === 'confirmed' && uptoEnd(e.date))),
    offerTypes: [...offers].sort(),
    pausedDays: duos.reduce((s, d) => s + pausedDaysOf(d), 0),
    pausedSince: paused?.pausedAt ? localDate(new Date(paused.pausedAt), q.timeZone) : null,
    lastContact: latest([...activities, ...checkins].filter(uptoEnd)),
  };
};
