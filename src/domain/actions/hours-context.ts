import type { ActionContext } from '../../core/actions.js';
import type { Json, ReadTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import { duosOfBuddy, knownActivitiesOf } from '../ledger/index.js';
import type { LedgerEntry, OfferType } from '../ledger/types.js';
import type { DataSchema, Person } from '../schema.js';
import { normalizeWord as norm } from '../../parsing/normalize.js';

import type { HoursSettings } from '../settings.js';
import { personName } from '../people.js';

export type { HoursSettings };

export type Ctx = ActionContext<DataSchema>;

export const me = (ctx: Ctx): Person | undefined =>
  ctx.personId ? ctx.tx.get('people', ctx.personId) : undefined;
export const today = (ctx: Ctx, s: HoursSettings): string => localDate(ctx.now, s.timeZone);
export const str = (v: Json | undefined): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : null;
export const num = (v: Json | undefined): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

/** The buddy of an active duo of this newcomer, if any. */
export const buddyOf = (tx: ReadTx<DataSchema>, newcomerId: string) =>
  tx.list('duos', (d) => d.newcomerId === newcomerId && d.status === 'active')[0]?.buddyId ?? null;

/** What a person may pick as "the activity": their buddy first, then places they reported before. */
export interface KnownActivity {
  readonly offer: OfferType;
  readonly organisation: string | null;
  readonly contactId: string | null;
  readonly text: string;
}

export const knownActivities = (tx: ReadTx<DataSchema>, newcomerId: string): KnownActivity[] => {
  const buddy = buddyOf(tx, newcomerId);
  const out: KnownActivity[] = [];
  if (buddy)
    out.push({
      offer: 'buddy',
      organisation: null,
      contactId: buddy,
      text: `👥 ${personName(tx, buddy) ?? ''}`,
    });
  for (const k of knownActivitiesOf(tx, newcomerId)) {
    const entry = tx.list(
      'ledger',
      (e) => e.newcomerId === newcomerId && (e.organisation ?? e.description) === k,
    )[0];
    if (!entry || entry.offerType === 'buddy') continue;
    out.push({
      offer: entry.offerType,
      organisation: entry.organisation ?? k,
      contactId: entry.contactId,
      text: `📍 ${k}`,
    });
  }
  return out.slice(0, 6);
};

/** The label of an activity in the summary sentence: nested text, rendered in the reader's language. */
export const activityLabel = (offer: string | null, place: string | null, buddyName: string | null): Json => {
  if (offer === 'buddy') return { $t: 'hours:with_buddy', params: { name: buddyName ?? '' } };
  const type: Json = { $t: `hours:offer.${offer ?? 'vrije_tijd'}` };
  return place ? { $t: 'hours:activity_at', params: { type, place } } : type;
};

/**
 * The label of an entry for a reader: a buddy meeting reads "met <the other one>" (the newcomer
 * for the buddy, the buddy for everyone else).
 */
export const entryLabel = (tx: ReadTx<DataSchema>, e: LedgerEntry, readerId: string | null): Json => {
  const other = e.offerType === 'buddy' && e.contactId === readerId ? e.newcomerId : e.contactId;
  return activityLabel(e.offerType, e.organisation ?? e.description, personName(tx, other));
};

/** Duos of a buddy as choices (the newcomer's name). */
export const duoChoices = (tx: ReadTx<DataSchema>, buddyId: string): Json[] =>
  duosOfBuddy(tx, buddyId).map((d) => ({
    value: d.newcomerId,
    text: personName(tx, d.newcomerId) ?? d.newcomerId,
  }));

/**
 * The contact person of an organisation in the newcomer's gemeente (a person with role
 * "contact" whose organisation is the place named, or is named in it as whole words:
 * "voorlezen in de bib wetteren" finds "Bib Wetteren"), who confirms hours there; else null and
 * the coach confirms. An exact name wins, then the longest name found.
 */
export const contactFor = (
  tx: ReadTx<DataSchema>,
  newcomerId: string,
  place: string | null,
): string | null => {
  const gemeente = tx.get('people', newcomerId)?.municipality;
  if (!place || !gemeente) return null;
  const p = norm(place);
  const contacts = tx.list(
    'people',
    (x) => x.role === 'contact' && x.municipality === gemeente && !!x.organisation,
  );
  const exact = contacts.find((x) => norm(x.organisation!) === p);
  if (exact) return exact.id;
  const within = contacts
    .filter((x) => ` ${p} `.includes(` ${norm(x.organisation!)} `))
    .sort((a, b) => b.organisation!.length - a.organisation!.length);
  return within[0]?.id ?? null;
};
