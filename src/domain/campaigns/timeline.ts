import { TZDate } from '@date-fns/tz';
import type { Anchor, Campaign, CampaignEvent, Offset } from '../../flows/campaign-schema.js';
import { shiftDate } from '../dates.js';

/** Local time of an event that does not say. */
export const DEFAULT_EVENT_TIME = '10:00';
/** A repeating event stops after this many occurrences whatever its until date (a guard). */
const MAX_REPEATS = 24;

/** The dates of a duo the events hang from (local dates in the campaign's time zone). */
export interface Anchors {
  /** The match as an instant: events due before it go at the match ("right after matching"). */
  readonly matchedAt: Date;
  readonly match: string;
  /** The first meeting, once known (set by the coach, or the first buddy meeting logged). */
  readonly firstMeeting: string | null;
  /** The planned end: the match date plus the planned months (before pauses). */
  readonly end: string;
  /** Calendar days of pauses that shift the events (see `shiftFor`). */
  readonly pausedDays: number;
  /** The local date the duo last resumed: events hanging from a later date are not shifted. */
  readonly resumedOn: string | null;
}

/** One planned occurrence of an event: `key` is the event id, `id#n` for repeats from the second. */
export interface Occurrence {
  readonly key: string;
  readonly event: CampaignEvent;
  readonly dueAt: Date;
  /** The local date it is due (after shifting). */
  readonly date: string;
}

/**
 * A local date moved by an offset, months first (the 31st plus a month is the last day of the next
 * month), then weeks and days, as people count. Plain calendar arithmetic: no time zone involved.
 */
export const applyOffset = (date: string, o: Offset | undefined, extraMonths = 0): string => {
  const months = (o?.months ?? 0) + extraMonths;
  let moved = date;
  if (months) {
    const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
    const first = new Date(Date.UTC(y, m - 1 + months, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    moved = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)))
      .toISOString()
      .slice(0, 10);
  }
  return shiftDate(moved, (o?.weeks ?? 0) * 7 + (o?.days ?? 0));
};

const anchorDate = (a: Anchors, anchor: Anchor): string | null =>
  anchor === 'match' ? a.match : anchor === 'first_meeting' ? a.firstMeeting : a.end;

/**
 * Days an event moves: the paused days (the match is before any pause and the planned end moves
 * with every pause), except for a first meeting after the last resume: that pause came before it.
 */
const shiftFor = (a: Anchors, anchor: Anchor, anchorOn: string): number =>
  anchor === 'first_meeting' && a.resumedOn && anchorOn > a.resumedOn ? 0 : a.pausedDays;

const instants = new Map<string, number>();

/**
 * The instant of a local date and HH:MM in `timeZone`. Remembered (at most 100 000): the planner
 * asks it for every event of every duo each round, and duos share their dates.
 */
const instant = (date: string, time: string, timeZone: string): Date => {
  const key = `${timeZone}|${date}|${time}`;
  let t = instants.get(key);
  if (t === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    const [h, mi] = time.split(':').map(Number);
    t = new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, timeZone).getTime();
    if (instants.size >= 100_000) instants.clear();
    instants.set(key, t);
  }
  return new Date(t);
};

/**
 * Every occurrence of a campaign's events for one duo, in time order: each event at its anchor
 * plus offset plus the pause shift, at its time of day in `timeZone` (a 10:00 event stays 10:00
 * across clock changes). Events hanging from a date the duo does not have yet (no first meeting)
 * are left out; an event due before the match goes at the match. Pure.
 */
export const campaignTimeline = (c: Campaign, a: Anchors, timeZone: string): Occurrence[] => {
  const out: Occurrence[] = [];
  for (const event of c.events) {
    const from = anchorDate(a, event.anchor);
    if (from === null) continue;
    const shift = shiftFor(a, event.anchor, from);
    const until = event.repeat ? anchorDate(a, event.repeat.until.anchor) : null;
    const last = until === null ? null : applyOffset(until, event.repeat?.until.offset);
    const count = event.repeat ? MAX_REPEATS : 1;
    for (let n = 0; n < count; n++) {
      const base = applyOffset(from, event.offset, n * (event.repeat?.every_months ?? 0));
      if (n > 0 && (last === null || base >= last)) break;
      const date = shiftDate(base, shift);
      let dueAt = instant(date, event.time ?? DEFAULT_EVENT_TIME, timeZone);
      if (dueAt < a.matchedAt) dueAt = a.matchedAt;
      out.push({ key: n === 0 ? event.id : `${event.id}#${n + 1}`, event, dueAt, date });
    }
  }
  return out.sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || x.key.localeCompare(y.key));
};
