import type { Activity } from '../../src/domain/activities/types.js';

/**
 * A free activity in Wetteren (two hours, all three criteria met, active), with `o` on top: the
 * record as the catalogue stores it.
 */
export const activity = (
  id: string,
  title: string,
  startsAt: string,
  o: Partial<Activity> = {},
): Activity => ({
  v: 1,
  id,
  title,
  description: 'Samen koffie drinken en Nederlands praten.',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
  place: 'Bibliotheek',
  address: 'Markt 1, Wetteren',
  municipalities: ['wetteren'],
  priceCents: 0,
  free: true,
  organiser: 'Bib Wetteren',
  contactId: null,
  imageUrl: null,
  tags: [],
  translations: {},
  criteria: { free: true, dutchContext: true, accessibleOrganisation: true },
  override: null,
  status: 'active',
  createdBy: 'cli',
  createdAt: '2026-11-23T09:00:00Z',
  ...o,
});
