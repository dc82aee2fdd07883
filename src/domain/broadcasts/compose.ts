import type { Template } from '../../core/effects.js';
import type { Json } from '../../core/store.js';
import type { Activity } from '../activities/types.js';
import { localDate, localTime } from '../dates.js';

/** Most activities in one message: a digest message must stay short enough to read and forward. */
export const ITEMS_PER_MESSAGE = 4;

/** Title and description in the reader's language when a translation exists, else as entered (Dutch). */
export const localized = (a: Activity, lng: string): { title: string; description: string } => ({
  title: a.translations[lng]?.title ?? a.title,
  description: a.translations[lng]?.description ?? a.description,
});

/** One activity as text parameters: number, title, day, times, place, price. */
export const activityParams = (
  a: Activity,
  n: number,
  lng: string,
  timeZone: string,
): Record<string, Json> => {
  const { title, description } = localized(a, lng);
  return {
    n,
    title,
    description,
    day: localDate(new Date(a.startsAt), timeZone),
    start: localTime(new Date(a.startsAt), timeZone),
    end: localTime(new Date(a.endsAt), timeZone),
    place: a.place,
    address: a.address,
    price:
      a.free || a.priceCents === 0
        ? { $t: 'aanbod:free' }
        : { $t: 'aanbod:price', params: { euro: (a.priceCents / 100).toFixed(2).replace('.', ',') } },
    tags: a.tags.length ? a.tags.map((t) => ({ $t: `aanbod:tag.${t}` })) : [],
  };
};

/**
 * The weekly digest for one reader, numbered, split into messages of at most
 * {@link ITEMS_PER_MESSAGE} activities. Every part stands alone (it gets forwarded): it says the
 * gemeente, "part 2/3", and how to answer.
 */
export const digestTemplates = (
  activities: readonly Activity[],
  o: {
    readonly gemeente: string;
    readonly lng: string;
    readonly timeZone: string;
    readonly rsvp: boolean;
  },
): Template[] => {
  const parts = Math.max(1, Math.ceil(activities.length / ITEMS_PER_MESSAGE));
  const out: Template[] = [];
  for (let p = 0; p < parts; p++) {
    const items = activities.slice(p * ITEMS_PER_MESSAGE, (p + 1) * ITEMS_PER_MESSAGE);
    out.push({
      key: 'aanbod:digest',
      params: {
        gemeente: o.gemeente,
        part: parts > 1 ? { $t: 'aanbod:part', params: { part: p + 1, parts } } : '',
        items: items.map((a, i) => ({
          $t: 'aanbod:item',
          params: activityParams(a, p * ITEMS_PER_MESSAGE + i + 1, o.lng, o.timeZone),
        })),
        footer: { $t: o.rsvp ? 'aanbod:digest_footer_rsvp' : 'aanbod:digest_footer_group' },
      },
    });
  }
  return out;
};

/** One activity sent on its own (an ad-hoc broadcast), as number 1 so "1" or "ik kom" answers it. */
export const activityTemplate = (
  a: Activity,
  o: { readonly gemeente: string; readonly lng: string; readonly timeZone: string; readonly rsvp: boolean },
): Template => ({
  key: 'aanbod:single',
  params: {
    gemeente: o.gemeente,
    item: { $t: 'aanbod:item_long', params: activityParams(a, 1, o.lng, o.timeZone) },
    footer: { $t: o.rsvp ? 'aanbod:single_footer_rsvp' : 'aanbod:digest_footer_group' },
  },
});
