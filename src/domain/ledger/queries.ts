import type { ReadTx } from '../../core/store.js';
import type { DataSchema } from '../schema.js';
import type { Duo, LedgerEntry, Trajectory } from './types.js';

/** Every entry of a newcomer (withdrawn ones too), in date order, then in order of reporting. */
export const entriesOf = (tx: ReadTx<DataSchema>, newcomerId: string): LedgerEntry[] =>
  tx
    .list('ledger', (e) => e.newcomerId === newcomerId)
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));

/** Pending entries that name this person as contact, oldest report first: what they are asked to confirm. */
export const openConfirmationsFor = (tx: ReadTx<DataSchema>, contactId: string): LedgerEntry[] =>
  tx
    .list('ledger', (e) => e.contactId === contactId && e.status === 'pending')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));

/** Active duos of a buddy (a buddy may have several). */
export const duosOfBuddy = (tx: ReadTx<DataSchema>, buddyId: string): Duo[] =>
  tx.list('duos', (d) => d.buddyId === buddyId && d.status === 'active');

/** The newest entry this person reported that is not withdrawn ("undo my last report"). */
export const lastEntryBy = (tx: ReadTx<DataSchema>, personId: string): LedgerEntry | undefined =>
  tx
    .list('ledger', (e) => e.reportedBy === personId && e.status !== 'withdrawn')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

/** The newcomer's term, if one is set (setTrajectory keeps one per newcomer). */
export const trajectoryOf = (tx: ReadTx<DataSchema>, newcomerId: string): Trajectory | undefined =>
  tx.list('trajectories', (t) => t.newcomerId === newcomerId)[0];

/**
 * Places a newcomer reported before (organisation, else description), to offer as choices when
 * they report again: most used first, then most recently used; at most 5. Buddy meetings and
 * withdrawn entries are left out; spellings that differ only in case or spaces count as one, shown
 * as last written.
 */
export const knownActivitiesOf = (tx: ReadTx<DataSchema>, newcomerId: string): string[] => {
  const seen = new Map<string, { label: string; count: number; last: string }>();
  for (const e of tx.list(
    'ledger',
    (x) => x.newcomerId === newcomerId && x.status !== 'withdrawn' && x.offerType !== 'buddy',
  )) {
    const label = (e.organisation ?? e.description ?? '').trim();
    if (!label) continue;
    const key = label.toLocaleLowerCase();
    const prev = seen.get(key);
    const when = `${e.date}|${e.createdAt}`;
    if (!prev) seen.set(key, { label, count: 1, last: when });
    else
      seen.set(key, {
        label: when >= prev.last ? label : prev.label,
        count: prev.count + 1,
        last: when >= prev.last ? when : prev.last,
      });
  }
  return [...seen.values()]
    .sort((a, b) => b.count - a.count || b.last.localeCompare(a.last))
    .slice(0, 5)
    .map((x) => x.label);
};
