import type { LedgerEntry } from '../../src/domain/ledger/types.js';

/**
 * A confirmed buddy meeting the buddy reported on `date` (90 minutes unless given): what a duo's
 * ledger holds after a meeting, for tests that need meetings in the past.
 */
export const buddyMeeting = (
  date: string,
  newcomerId: string,
  buddyId: string,
  o: Partial<Pick<LedgerEntry, 'id' | 'minutes' | 'createdAt'>> = {},
): LedgerEntry => ({
  v: 1,
  id: o.id ?? `le_${date}`,
  newcomerId,
  minutes: o.minutes ?? 90,
  date,
  offerType: 'buddy',
  organisation: null,
  contactId: buddyId,
  description: null,
  reportedBy: buddyId,
  via: null,
  status: 'confirmed',
  createdAt: o.createdAt ?? `${date}T12:00:00.000Z`,
  history: [],
});
