import { z } from 'zod';
import type { Ids } from '../core/clock.js';
import type { Address } from '../core/messages.js';
import type { ReadTx, WriteTx } from '../core/store.js';
import { normalizeWord } from '../parsing/normalize.js';
import { formatInviteCode, newInviteCode } from './invites.js';
import { ROLES } from './roles.js';
import type { DataSchema, Invite, Person } from './schema.js';

/** What a coach gives to create a person. */
export const newPersonInput = z.object({
  name: z.string().trim().min(1, 'give a name').max(80, 'at most 80 characters'),
  role: z.enum(ROLES),
  municipality: z.string().trim().min(1, 'give a gemeente id'),
  lang: z.string().trim().default('nl'),
  coach: z.string().trim().optional(),
  externalId: z.string().trim().max(64).optional(),
  organisation: z.string().trim().min(2).max(80).optional(),
});
export type NewPersonInput = z.input<typeof newPersonInput>;

export interface PersonContext {
  readonly now: Date;
  readonly ids: Ids;
  /** Who creates the person (a coach's person id, or "cli"). */
  readonly actor: string;
  readonly inviteTtlDays: number;
  readonly languages: readonly string[];
}

export type CreatePersonResult =
  | { readonly ok: true; readonly person: Person; readonly invite: Invite; readonly printableCode: string }
  | { readonly ok: false; readonly problems: readonly { field: string; message: string }[] };

/** A person's name, or null for no id or an unknown (erased) id. */
export const personName = (tx: ReadTx<DataSchema>, id: string | null | undefined): string | null =>
  (id ? tx.get('people', id)?.name : undefined) ?? null;

/** The chat where messages for a person go: where they were last linked. */
export const latestAddressOf = (tx: ReadTx<DataSchema>, personId: string): Address | undefined =>
  tx.list('identities', (i) => i.personId === personId).at(-1)?.address;

/** Finds a person by id or, case-insensitively, by exact name. */
export const findPerson = (tx: WriteTx<DataSchema>, idOrName: string): Person | undefined =>
  tx.get('people', idOrName) ??
  tx.list('people', (p) => p.name.toLocaleLowerCase() === idOrName.toLocaleLowerCase())[0];

/**
 * People a name typed by staff refers to, among those `eligible`: an exact name first (accents and
 * case do not matter), else every name in which each typed word starts a word ("ami" finds
 * "Amina Khaled"), sorted by name. With `byId`, an id typed as such is found directly.
 */
export const matchPeople = (
  tx: ReadTx<DataSchema>,
  query: string,
  eligible: (p: Person) => boolean,
  o: { readonly byId?: boolean } = {},
): Person[] => {
  const byId = o.byId ? tx.get('people', query.trim()) : undefined;
  if (byId && eligible(byId)) return [byId];
  const q = normalizeWord(query);
  if (!q) return [];
  const all = tx.list('people', eligible);
  const exact = all.filter((p) => normalizeWord(p.name) === q);
  if (exact.length) return exact;
  const parts = q.split(' ');
  return all
    .filter((p) => {
      const words = normalizeWord(p.name).split(' ');
      return parts.every((x) => words.some((w) => w.startsWith(x)));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
};

/** Creates a person and a single-use invite code that expires after `inviteTtlDays`. */
export const createPerson = (
  tx: WriteTx<DataSchema>,
  input: NewPersonInput,
  ctx: PersonContext,
): CreatePersonResult => {
  const parsed = newPersonInput.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    };
  }
  const d = parsed.data;
  const problems: { field: string; message: string }[] = [];
  if (!tx.get('municipalities', d.municipality))
    problems.push({ field: 'municipality', message: `unknown gemeente "${d.municipality}"` });
  if (!ctx.languages.includes(d.lang))
    problems.push({
      field: 'lang',
      message: `unknown language "${d.lang}" (use one of ${ctx.languages.join(', ')})`,
    });
  const coach = d.coach ? findPerson(tx, d.coach) : undefined;
  if (d.coach && (!coach || (coach.role !== 'coach' && coach.role !== 'admin')))
    problems.push({ field: 'coach', message: `no coach "${d.coach}"` });
  if (d.externalId && tx.list('people', (p) => p.externalId === d.externalId).length)
    problems.push({
      field: 'externalId',
      message: `a person with external id "${d.externalId}" exists already`,
    });
  if (problems.length) return { ok: false, problems };

  const now = ctx.now.toISOString();
  const person: Person = {
    v: 1,
    id: ctx.ids.next('p'),
    name: d.name,
    role: d.role,
    municipality: d.municipality,
    lang: d.lang,
    coachId: coach?.id ?? null,
    consent: null,
    broadcasts: true,
    createdAt: now,
    createdBy: ctx.actor,
    ...(d.externalId ? { externalId: d.externalId } : {}),
    ...(d.organisation ? { organisation: d.organisation } : {}),
  };
  tx.put('people', person.id, person);
  const invite = issueInvite(tx, person.id, ctx);
  return { ok: true, person, invite, printableCode: formatInviteCode(invite.code) };
};

/**
 * A new single-use invite code for an existing person, e.g. to link a second channel (WhatsApp
 * and Telegram) or after a code expired. Older unused codes of the person stay valid until they
 * expire.
 */
export const issueInvite = (
  tx: WriteTx<DataSchema>,
  personId: string,
  ctx: Pick<PersonContext, 'now' | 'ids' | 'actor' | 'inviteTtlDays'>,
): Invite => {
  let code = newInviteCode(ctx.ids);
  while (tx.get('invites', code)) code = newInviteCode(ctx.ids);
  const invite: Invite = {
    v: 1,
    code,
    personId,
    createdAt: ctx.now.toISOString(),
    expiresAt: new Date(ctx.now.getTime() + ctx.inviteTtlDays * 86_400_000).toISOString(),
    createdBy: ctx.actor,
    usedAt: null,
  };
  tx.put('invites', code, invite);
  return invite;
};

/**
 * A person also gets the activities of another gemeente (they work or study there), or stops
 * getting them. Their own gemeente always counts.
 */
export const setFollows = (
  tx: WriteTx<DataSchema>,
  personId: string,
  municipality: string,
  follow: boolean,
): { ok: true; person: Person } | { ok: false; reason: 'no_person' | 'no_gemeente' | 'own_gemeente' } => {
  const p = tx.get('people', personId);
  if (!p) return { ok: false, reason: 'no_person' };
  if (!tx.get('municipalities', municipality)) return { ok: false, reason: 'no_gemeente' };
  if (p.municipality === municipality) return { ok: false, reason: 'own_gemeente' };
  const rest = (p.follows ?? []).filter((m) => m !== municipality);
  const follows = follow ? [...rest, municipality] : rest;
  const next: Person = { ...p, follows };
  tx.put('people', p.id, next);
  return { ok: true, person: next };
};
