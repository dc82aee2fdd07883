import type { Ids } from '../../core/clock.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import { shiftDate } from '../dates.js';
import type { DataSchema, Municipality, Person } from '../schema.js';
import {
  ACTIVITY_FIELDS,
  activityFieldSchemas,
  parseActivityInput,
  activityProblem,
  type ActivityInputOptions,
  type ActivityProblem,
  type RawActivityInput,
} from './input.js';
import { localToUtc } from './values.js';
import type { Activity, ActivityCriteria, GemeenteGroup } from './types.js';

/**
 * The gemeente's activity catalogue: what coaches enter, which activities go into the weekly
 * digest (the three criteria, or a coach's override with a reason), and the gemeente-groepen.
 */

/** Who enters activities and when; `timeZone` and `languages` as in {@link ActivityInputOptions}. */
export interface CatalogueContext extends ActivityInputOptions {
  readonly now: Date;
  readonly ids: Ids;
  /** A coach's person id, or "cli". */
  readonly actor: string;
}

/** The three criteria by their names in the Activity record. */
export const CRITERIA = ['free', 'dutchContext', 'accessibleOrganisation'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** The criteria an activity does not meet (empty: it may go in the digest). */
export const failingCriteria = (c: ActivityCriteria): Criterion[] => CRITERIA.filter((k) => !c[k]);

export type AddActivityResult =
  | {
      readonly ok: true;
      readonly activity: Activity;
      /** What keeps it out of the weekly digest until a coach overrides; the coach is told at entry. */
      readonly criteriaProblems: readonly Criterion[];
    }
  | { readonly ok: false; readonly problems: readonly ActivityProblem[] };

const lower = (s: string) => s.trim().toLocaleLowerCase('nl');

/** A gemeente by id or (case-insensitively) by name. */
export const findMunicipality = (tx: ReadTx<DataSchema>, idOrName: string): Municipality | undefined =>
  tx.get('municipalities', idOrName.trim()) ??
  tx.list('municipalities', (m) => m.id === lower(idOrName) || lower(m.name) === lower(idOrName))[0];

/** Keys under which two activities are the same one: title, start and a shared gemeente. */
export const duplicateKeys = (a: Pick<Activity, 'title' | 'startsAt' | 'municipalities'>): string[] =>
  a.municipalities.map((m) => `${lower(a.title)}|${a.startsAt}|${m}`);

const findContact = (
  tx: ReadTx<DataSchema>,
  wanted: string,
  municipalities: readonly string[] | null,
): { person?: Person; problem?: ActivityProblem } => {
  const named = tx.get('people', wanted)
    ? [tx.get('people', wanted) as Person]
    : tx.list('people', (p) => lower(p.name) === lower(wanted));
  if (!named.length) return { problem: activityProblem('contact', 'unknown_contact', { value: wanted }) };
  const person = named.find(
    (p) => p.role === 'contact' && (!municipalities || municipalities.includes(p.municipality)),
  );
  return person ? { person } : { problem: activityProblem('contact', 'not_a_contact', { value: wanted }) };
};

const fieldIndex = (field: string) => {
  const i = (ACTIVITY_FIELDS as readonly string[]).indexOf(field);
  return i < 0 ? ACTIVITY_FIELDS.length : i;
};
/** Problems in the order of the fields, as a form or a spreadsheet row shows them. */
const inFieldOrder = (problems: ActivityProblem[]) =>
  problems.sort((a, b) => fieldIndex(a.field) - fieldIndex(b.field));

/**
 * Checks an entered activity against the store (gemeenten exist, the contact person is a contact
 * in one of them, not already in the catalogue) and builds the record, without writing it. The
 * import uses it to check every row before it writes any.
 */
export const prepareActivity = (
  tx: ReadTx<DataSchema>,
  input: RawActivityInput,
  ctx: CatalogueContext,
): AddActivityResult => {
  const parsed = parseActivityInput(input, ctx);
  const problems: ActivityProblem[] = parsed.ok ? [] : [...parsed.problems];
  const typed = activityFieldSchemas.gemeente.safeParse(input['gemeente']);
  let municipalities: string[] | null = null;
  if (typed.success) {
    const found = typed.data.map((g) => ({ g, m: findMunicipality(tx, g) }));
    for (const { g, m } of found)
      if (!m) problems.push(activityProblem('gemeente', 'unknown_gemeente', { value: g }));
    if (found.every((f) => f.m)) municipalities = [...new Set(found.map((f) => (f.m as Municipality).id))];
  }
  const contactTyped = input['contact']?.trim();
  const contact = contactTyped ? findContact(tx, contactTyped, municipalities) : {};
  if (contact.problem) problems.push(contact.problem);
  if (!parsed.ok || problems.length || !municipalities)
    return { ok: false, problems: inFieldOrder(problems) };

  const v = parsed.value;
  const keys = new Set(duplicateKeys({ title: v.title, startsAt: v.startsAt, municipalities }));
  const twin = tx.list(
    'activities',
    (a) => a.status === 'active' && duplicateKeys(a).some((k) => keys.has(k)),
  )[0];
  if (twin)
    return { ok: false, problems: [activityProblem('title', 'duplicate', { id: twin.id, title: v.title })] };

  const activity: Activity = {
    v: 1,
    id: ctx.ids.next('a'),
    title: v.title,
    description: v.description,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    place: v.place,
    address: v.address,
    municipalities,
    priceCents: v.priceCents,
    // the price itself is nothing; criteria.free may also be true for free tickets for newcomers
    free: v.priceCents === 0,
    organiser: v.organiser,
    contactId: contact.person?.id ?? null,
    imageUrl: v.imageUrl,
    tags: v.tags,
    translations: v.translations,
    criteria: v.criteria,
    override: null,
    status: 'active',
    createdBy: ctx.actor,
    createdAt: ctx.now.toISOString(),
  };
  return { ok: true, activity, criteriaProblems: failingCriteria(v.criteria) };
};

/** Adds an activity a coach entered; tells which criteria keep it out of the digest. */
export const addActivity = (
  tx: WriteTx<DataSchema>,
  input: RawActivityInput,
  ctx: CatalogueContext,
): AddActivityResult => {
  const r = prepareActivity(tx, input, ctx);
  if (r.ok) tx.put('activities', r.activity.id, r.activity);
  return r;
};

export type ChangeActivityResult =
  | { readonly ok: true; readonly activity: Activity }
  | { readonly ok: false; readonly reason: 'not_found' | 'cancelled' | 'no_reason' };

/**
 * A coach keeps an activity in the digest although a criterion fails (e.g. a small fee that the
 * OCMW pays back). The reason is required and kept with who and when.
 */
export const overrideActivity = (
  tx: WriteTx<DataSchema>,
  id: string,
  o: { readonly by: string; readonly reason: string; readonly now: Date },
): ChangeActivityResult => {
  const a = tx.get('activities', id);
  if (!a) return { ok: false, reason: 'not_found' };
  if (a.status === 'cancelled') return { ok: false, reason: 'cancelled' };
  const reason = o.reason.trim().replace(/\s+/g, ' ');
  if (reason.length < 3) return { ok: false, reason: 'no_reason' };
  const activity: Activity = {
    ...a,
    override: { by: o.by, at: o.now.toISOString(), reason: reason.slice(0, 200) },
  };
  tx.put('activities', id, activity);
  return { ok: true, activity };
};

/** Cancels an activity: it leaves the digest and lists; the record stays (RSVPs point at it). */
export const cancelActivity = (tx: WriteTx<DataSchema>, id: string): ChangeActivityResult => {
  const a = tx.get('activities', id);
  if (!a) return { ok: false, reason: 'not_found' };
  const activity: Activity = { ...a, status: 'cancelled' };
  tx.put('activities', id, activity);
  return { ok: true, activity };
};

/** A time window [from, to) and, optionally, one gemeente. */
export interface ActivityWindow {
  readonly municipality?: string;
  readonly from: Date | string;
  readonly to: Date | string;
}

const byStart = (a: Activity, b: Activity) =>
  a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/** Every activity (cancelled ones too) starting in the window, in that gemeente if given, by start. */
export const listActivities = (tx: ReadTx<DataSchema>, w: ActivityWindow): Activity[] => {
  const from = new Date(w.from).getTime();
  const to = new Date(w.to).getTime();
  return tx
    .list('activities', (a) => {
      const t = Date.parse(a.startsAt);
      return t >= from && t < to && (!w.municipality || a.municipalities.includes(w.municipality));
    })
    .sort(byStart);
};

/**
 * The activities of a gemeente's digest: active, starting in [from, to), meeting all three
 * criteria or carrying a coach's override; sorted by start.
 */
export const digestActivities = (
  tx: ReadTx<DataSchema>,
  w: ActivityWindow & { readonly municipality: string },
): Activity[] =>
  listActivities(tx, w).filter(
    (a) => a.status === 'active' && (a.override !== null || failingCriteria(a.criteria).length === 0),
  );

/** The active activities of the window that the digest leaves out, with the criteria that fail. */
export const excludedActivities = (
  tx: ReadTx<DataSchema>,
  w: ActivityWindow & { readonly municipality: string },
): { readonly activity: Activity; readonly criteria: readonly Criterion[] }[] =>
  listActivities(tx, w)
    .filter((a) => a.status === 'active' && a.override === null)
    .map((activity) => ({ activity, criteria: failingCriteria(activity.criteria) }))
    .filter((x) => x.criteria.length > 0);

/**
 * An activity by id, else by title (case-insensitive): active before cancelled, then the earliest
 * start, since a weekly praattafel has the same title every week.
 */
export const findActivity = (tx: ReadTx<DataSchema>, idOrTitle: string): Activity | undefined =>
  tx.get('activities', idOrTitle.trim()) ??
  tx
    .list('activities', (a) => lower(a.title) === lower(idOrTitle))
    .sort((a, b) => (a.status === b.status ? byStart(a, b) : a.status === 'active' ? -1 : 1))[0];

/** The week (Monday 00:00 to the next Monday, local time) around a local date, as UTC instants. */
export const weekWindow = (date: string, timeZone: string): { from: string; to: string; monday: string } => {
  const monday = shiftDate(date, -((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7));
  const at = (d: string) => localToUtc(d, '00:00', timeZone) ?? `${d}T00:00:00.000Z`;
  return { from: at(monday), to: at(shiftDate(monday, 7)), monday };
};

export type AddGroupResult =
  | { readonly ok: true; readonly group: GemeenteGroup }
  | { readonly ok: false; readonly problems: readonly ActivityProblem[] };

/**
 * Registers a gemeente-groep: an announcement group on a platform where the bot posts the
 * gemeente's offer. One chat belongs to one gemeente.
 */
export const addGroup = (
  tx: WriteTx<DataSchema>,
  input: {
    readonly municipality: string;
    readonly address: { readonly channel: string; readonly chat: string; readonly thread?: string };
    readonly name: string;
  },
  ctx: { readonly now: Date; readonly ids: Ids },
): AddGroupResult => {
  const problems: ActivityProblem[] = [];
  const m = input.municipality.trim() ? findMunicipality(tx, input.municipality) : undefined;
  if (!input.municipality.trim()) problems.push(activityProblem('gemeente', 'required'));
  else if (!m) problems.push(activityProblem('gemeente', 'unknown_gemeente', { value: input.municipality }));
  const channel = input.address.channel.trim();
  const chat = input.address.chat.trim();
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!channel) problems.push(activityProblem('channel', 'required'));
  if (!chat) problems.push(activityProblem('chat', 'required'));
  else if (chat.length > 200)
    problems.push(activityProblem('chat', 'too_long', { max: 200, length: chat.length }));
  if (!name) problems.push(activityProblem('name', 'required'));
  else if (name.length > 80)
    problems.push(activityProblem('name', 'too_long', { max: 80, length: name.length }));
  const twin = tx.list(
    'groups',
    (g) =>
      g.address.channel === channel &&
      g.address.chat === chat &&
      (g.address.thread ?? '') === (input.address.thread ?? ''),
  )[0];
  if (twin) problems.push(activityProblem('chat', 'duplicate', { id: twin.id, title: twin.name }));
  if (problems.length || !m) return { ok: false, problems };
  const group: GemeenteGroup = {
    v: 1,
    id: ctx.ids.next('g'),
    municipality: m.id,
    address: { channel, chat, user: '', ...(input.address.thread ? { thread: input.address.thread } : {}) },
    name,
    createdAt: ctx.now.toISOString(),
  };
  tx.put('groups', group.id, group);
  return { ok: true, group };
};

/** The gemeente-groepen, of one gemeente if given, by gemeente and name. */
export const listGroups = (tx: ReadTx<DataSchema>, municipality?: string): GemeenteGroup[] =>
  tx
    .list('groups', (g) => !municipality || g.municipality === municipality)
    .sort((a, b) => a.municipality.localeCompare(b.municipality) || a.name.localeCompare(b.name));
