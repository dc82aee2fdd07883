import { addMonths as plusMonths, format, parseISO } from 'date-fns';
import type { Ids } from '../../core/clock.js';
import type { WriteTx, ReadTx } from '../../core/store.js';
import { trajectoryStatusOf } from '../ledger/trajectories.js';
import { groupBy, latest } from '../reports/collect.js';
import type { DataSchema } from '../schema.js';
import { eraseNow } from './requests.js';

/** Someone whose retention period is over, and why. */
export interface RetentionCandidate {
  readonly personId: string;
  readonly role: string;
  readonly municipality: string;
  /** `ended`: trajectory (or a buddy's last duo) stopped; `term`: the term's end date passed. */
  readonly why: 'ended' | 'term';
  /** Local date the period started (YYYY-MM-DD). */
  readonly since: string;
}

/**
 * `date` (YYYY-MM-DD) plus whole months, the day kept within the month (31 Jan + 1 = 28/29 Feb),
 * as date-fns counts months.
 */
export const addMonths = (date: string, months: number): string =>
  format(plusMonths(parseISO(date), months), 'yyyy-MM-dd');

/**
 * Who is due for erasure on `today`: newcomers whose trajectory ended (status ended: from their
 * last duo's end, else the term's end; otherwise from the term's end date) more than `months` ago,
 * and buddies whose duos all ended that long ago. Already erased people are skipped; so is anyone
 * with a live duo or trajectory.
 */
export const retentionDue = (tx: ReadTx<DataSchema>, today: string, months: number): RetentionCandidate[] => {
  const out: RetentionCandidate[] = [];
  // Each collection read once, not once per person.
  const allDuos = tx.list('duos');
  const duosOfNewcomer = groupBy(allDuos, (d) => d.newcomerId);
  const duosOfBuddy = groupBy(allDuos, (d) => d.buddyId);
  const terms = groupBy(tx.list('trajectories'), (t) => t.newcomerId);
  for (const p of tx.list('people', (p) => !p.erasedAt && (p.role === 'newcomer' || p.role === 'buddy'))) {
    // A duo's newcomer and buddy are two people, so no duo is in both lists.
    const duos = [...(duosOfNewcomer.get(p.id) ?? []), ...(duosOfBuddy.get(p.id) ?? [])];
    const lastDuoEnd = latest(duos.map((d) => d.endedAt?.slice(0, 10)));
    let why: RetentionCandidate['why'];
    let since: string;
    if (p.role === 'newcomer') {
      const term = terms.get(p.id)?.[0];
      if (!term) continue;
      const ended = trajectoryStatusOf(term) === 'ended';
      why = ended ? 'ended' : 'term';
      since = ended ? (lastDuoEnd ?? term.end) : term.end;
    } else {
      if (!duos.length || duos.some((d) => d.status !== 'ended') || !lastDuoEnd) continue;
      why = 'ended';
      since = lastDuoEnd;
    }
    if (addMonths(since, months) > today) continue;
    out.push({ personId: p.id, role: p.role, municipality: p.municipality, why, since });
  }
  return out;
};

/**
 * Erases everyone {@link retentionDue} finds (see eraseNow: a done erasure record with reason
 * `retention` and an audit record), in the caller's transaction; with `dryRun` only lists them.
 */
export const runRetention = (
  tx: WriteTx<DataSchema>,
  o: {
    readonly now: Date;
    readonly today: string;
    readonly months: number;
    readonly ids: Pick<Ids, 'next'>;
    readonly actorId: string;
    readonly via: string;
    readonly dryRun?: boolean;
  },
): RetentionCandidate[] => {
  const due = retentionDue(tx, o.today, o.months);
  if (o.dryRun) return due;
  for (const c of due) eraseNow(tx, c.personId, { ...o, reason: 'retention' });
  return due;
};
