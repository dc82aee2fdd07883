import type { Template } from '../../core/effects.js';
import type { Json, ReadTx } from '../../core/store.js';
import type { EntryStatus, OfferType } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import { personName } from '../people.js';
import { gemeenteName } from '../municipalities.js';

/** Most hours entries listed one by one; the rest are counted. */
export const MAX_ENTRY_LINES = 30;

/** Everything the bot keeps about one person, as plain values (no texts). */
export interface MyData {
  readonly name: string;
  readonly role: string;
  readonly gemeente: string;
  readonly lang: string;
  readonly coach: string | null;
  readonly consent: { readonly given: boolean; readonly at: string } | null;
  /** Channel names only (telegram, whatsapp), never the chat ids. */
  readonly channels: readonly string[];
  readonly entries: readonly {
    readonly date: string;
    readonly minutes: number;
    readonly what: string;
    readonly offer: OfferType;
    readonly status: EntryStatus;
  }[];
  /** The other side of each duo (buddy or newcomer), with the duo's status. */
  readonly duos: readonly { readonly with: string; readonly status: string; readonly since: string }[];
  readonly surveys: number;
  readonly tasks: number;
  readonly trajectory: { readonly start: string; readonly end: string } | null;
}

/**
 * Gathers what is stored about a person for "Mijn gegevens": profile, consent, linked channels,
 * the hours entries about them (a newcomer's own, or those a buddy reported or confirms), duos,
 * and how many survey answers and coach tasks concern them. Undefined for an unknown person.
 */
export const gatherMyData = (tx: ReadTx<DataSchema>, personId: string): MyData | undefined => {
  const p = tx.get('people', personId);
  if (!p) return undefined;
  const nameOf = (id: string | null | undefined) => personName(tx, id) ?? '?';
  const channels = [
    ...new Set(tx.list('identities', (i) => i.personId === personId).map((i) => i.address.channel)),
  ];
  const entries = tx
    .list('ledger', (e) => e.newcomerId === personId || e.reportedBy === personId || e.contactId === personId)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => ({
      date: e.date,
      minutes: e.minutes,
      what: e.organisation ?? e.description ?? '',
      offer: e.offerType,
      status: e.status,
    }));
  const duos = tx
    .list('duos', (d) => d.newcomerId === personId || d.buddyId === personId)
    .map((d) => ({
      with: nameOf(d.newcomerId === personId ? d.buddyId : d.newcomerId),
      status: d.status,
      since: d.matchedAt.slice(0, 10),
    }));
  const term = tx.list('trajectories', (t) => t.newcomerId === personId)[0];
  return {
    name: p.name,
    role: p.role,
    gemeente: gemeenteName(tx, p.municipality),
    lang: p.lang,
    coach: p.coachId ? nameOf(p.coachId) : null,
    consent: p.consent ? { given: p.consent.given, at: p.consent.at } : null,
    channels,
    entries,
    duos,
    surveys: tx.list('surveys', (s) => s.respondentId === personId || s.newcomerId === personId).length,
    tasks: tx.list('tasks', (t) => t.newcomerId === personId).length,
    trajectory: term ? { start: term.start, end: term.end } : null,
  };
};

/**
 * "Mijn gegevens" as a few messages in the reader's language: who I am (name, role, gemeente,
 * language, coach, consent, channels), my hours entries, my duos, surveys and tasks. Values
 * stay values; every word around them is an i18n key of `privacy`.
 */
export const myDataTemplates = (d: MyData): Template[] => {
  const consent: Json = d.consent
    ? {
        $t: d.consent.given ? 'privacy:consent_given' : 'privacy:consent_withdrawn',
        params: { at: day(d.consent.at) },
      }
    : { $t: 'privacy:consent_none' };
  const profile: Template = {
    key: 'privacy:data_profile',
    params: {
      name: d.name,
      role: { $t: `privacy:role.${d.role}` },
      gemeente: d.gemeente,
      language: { $t: `privacy:lang.${d.lang}` },
      coach: d.coach ?? '—',
      consent,
      channels: d.channels.length ? d.channels.join(', ') : '—',
    },
  };
  const shown = d.entries.slice(-MAX_ENTRY_LINES);
  const lines: Json[] = shown.map((e) => ({
    $t: 'privacy:data_entry',
    params: {
      date: day(e.date),
      minutes: e.minutes,
      what: e.what || { $t: `hours:offer.${e.offer}` },
      status: { $t: `privacy:status.${e.status}` },
    },
  }));
  if (d.entries.length > shown.length)
    lines.unshift({ $t: 'privacy:data_entries_more', params: { count: d.entries.length - shown.length } });
  const hours: Template = d.entries.length
    ? { key: 'privacy:data_hours', params: { lines } }
    : { key: 'privacy:data_hours_none' };
  const duoLines: Json[] = d.duos.map((x) => ({
    $t: 'privacy:data_duo',
    params: { with: x.with, since: day(x.since), status: { $t: `privacy:duo_status.${x.status}` } },
  }));
  const rest: Template = {
    key: 'privacy:data_rest',
    params: {
      duos: duoLines.length ? duoLines : [{ $t: 'privacy:data_none' }],
      surveys: d.surveys,
      tasks: d.tasks,
      term: d.trajectory
        ? { $t: 'privacy:data_term', params: { start: day(d.trajectory.start), end: day(d.trajectory.end) } }
        : { $t: 'privacy:data_none' },
    },
  };
  return [profile, hours, rest];
};

/** A date as 24/9/2026: with the year (a term spans two), the same in every language. */
const day = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
};
