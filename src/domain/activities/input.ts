import { z } from 'zod';
import { ACTIVITY_TAGS, type ActivityCriteria, type ActivityTag } from './types.js';
import {
  keyOf,
  parseCalendarDate,
  parseClockTime,
  localToUtc,
  parsePrice,
  parseTags,
  parseYesNo,
  wordsTo,
} from './values.js';

/**
 * Reading what a coach types or a spreadsheet row holds into an activity: one raw string per
 * field, checked field by field (so every problem is reported at once), then the fields that need
 * each other (date + times in the gemeente's time zone, price vs. "free").
 */

/**
 * The fields of an activity as a coach enters them (CLI flags, CSV headers, YAML keys), each with
 * the other names a spreadsheet may give it (Dutch headers first).
 */
const FIELD_NAMES = {
  title: 'titel',
  description: 'omschrijving beschrijving',
  date: 'datum',
  start: 'begin beginuur start_time',
  end: 'einde einduur end_time',
  place: 'plaats locatie location',
  address: 'adres',
  gemeente: 'gemeenten municipality municipalities',
  price: 'prijs',
  organiser: 'organisator organizer',
  contact: 'contactpersoon contact_person',
  image: 'afbeelding image_url imageurl foto',
  tags: 'labels',
  free: 'gratis',
  dutch_context: 'nederlandstalig dutch',
  accessible_organisation: 'toegankelijke_organisatie accessible accessible_organization',
} as const;
export type ActivityField = keyof typeof FIELD_NAMES;
export const ACTIVITY_FIELDS = Object.keys(FIELD_NAMES) as readonly ActivityField[];

/** Fields that may stay out; every other field must be given. */
export const OPTIONAL_FIELDS: readonly ActivityField[] = ['contact', 'image', 'tags'];

/** Raw input: field (or `title_<lng>` / `description_<lng>`) -> what was typed. */
export type RawActivityInput = Readonly<Record<string, string | undefined>>;

const ALIASES = wordsTo<ActivityField>(FIELD_NAMES);
const TRANSLATED: Readonly<Record<string, 'title' | 'description'>> = {
  title: 'title',
  titel: 'title',
  description: 'description',
  omschrijving: 'description',
  beschrijving: 'description',
};

/**
 * The field a CSV header, YAML key or CLI flag names ("Datum", "toegankelijke organisatie",
 * "dutch-context", "titel_en" -> "title_en"), or undefined when it names none.
 */
export const canonicalField = (name: string): string | undefined => {
  const k = keyOf(name);
  if ((ACTIVITY_FIELDS as readonly string[]).includes(k)) return k;
  if (ALIASES[k]) return ALIASES[k];
  const m = /^([a-z]+)_([a-z]{2,3})$/.exec(k);
  const base = m ? TRANSLATED[m[1] ?? ''] : undefined;
  return base && m ? `${base}_${m[2]}` : undefined;
};

/** What the fields say before the catalogue looks up gemeenten and the contact person. */
export interface ParsedActivityInput {
  readonly title: string;
  readonly description: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string;
  readonly address: string;
  /** Gemeente ids or names as typed. */
  readonly gemeenten: readonly string[];
  readonly priceCents: number;
  readonly organiser: string;
  /** A person's name or id as typed, or null. */
  readonly contact: string | null;
  readonly imageUrl: string | null;
  readonly tags: readonly ActivityTag[];
  readonly translations: Readonly<Record<string, { title?: string; description?: string }>>;
  readonly criteria: ActivityCriteria;
}

export interface ActivityInputOptions {
  /** Where dates and times are meant (settings.timeZone, Europe/Brussels). */
  readonly timeZone: string;
  /** Shipped languages, for title_<lng> / description_<lng>. */
  readonly languages: readonly string[];
}

/**
 * A problem with one field: `code` and `params` for the translated text (`cli:activity.problem.<code>`
 * and `cli:activity.fix.<code>`), `message` in English for logs and tests.
 */
export interface ActivityProblem {
  readonly field: string;
  readonly code: ActivityProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: string;
}

/** Why an entered activity (or a row of a file) cannot be added; each has a text and a fix in cli.json. */
const MESSAGES = {
  required: 'is empty',
  too_long: '{{length}} characters, at most {{max}}',
  bad_date: '"{{value}}" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
  bad_time: '"{{value}}" is not a time (HH:MM)',
  no_such_time: '{{value}} does not exist on {{date}} (the clocks go forward)',
  end_before_start: 'the end ({{end}}) is not after the start ({{start}})',
  bad_price: '"{{value}}" is not a price (0, gratis, 3,50)',
  free_conflict: 'the price is 0 but free is "{{value}}"',
  bad_url: '"{{value}}" is not an http(s) link',
  unknown_tag: 'unknown tag "{{value}}" (use {{allowed}})',
  bad_answer: '"{{value}}" is not ja or nee',
  bad_language: 'unknown language "{{value}}" (use {{allowed}})',
  unknown_gemeente: 'unknown gemeente "{{value}}"',
  unknown_contact: 'no person "{{value}}"',
  not_a_contact: '"{{value}}" is not a contact person in these gemeenten',
  duplicate: 'already in the catalogue ({{id}})',
  duplicate_in_file: 'the same activity is on row {{row}}',
  unknown_column: 'unknown column "{{value}}"',
  duplicate_column: 'column "{{value}}" appears twice',
  missing_column: 'the column is missing',
  bad_value: 'a list or text is expected',
  not_a_list: 'a list of activities is expected',
  no_rows: 'no activities in the file',
  bad_file: 'cannot read the file: {{detail}}',
} as const;
export type ActivityProblemCode = keyof typeof MESSAGES;
export const ACTIVITY_PROBLEM_CODES = Object.keys(MESSAGES) as readonly ActivityProblemCode[];

/** Makes a problem with its English message. */
export const activityProblem = (
  field: string,
  code: ActivityProblemCode,
  params: Readonly<Record<string, string | number>> = {},
): ActivityProblem => ({
  field,
  code,
  params,
  message: MESSAGES[code].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? '')),
});

// ---- one schema per field; an issue carries the problem code and its parameters ----

const fail = (
  ctx: z.RefinementCtx,
  code: ActivityProblemCode,
  params: Record<string, string | number> = {},
) => {
  ctx.addIssue({ code: 'custom', message: code, params: { code, ...params } });
  return z.NEVER;
};
const given = z.string().optional();
const text = (max: number) =>
  given.transform((v, ctx) => {
    const s = (v ?? '')
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+/g, ' ')
      .trim();
    if (!s) return fail(ctx, 'required');
    if (s.length > max) return fail(ctx, 'too_long', { max, length: s.length });
    return s;
  });
const optionalText = (max: number) =>
  given.transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (s.length > max) return fail(ctx, 'too_long', { max, length: s.length });
    return s || null;
  });

const yesNo = given.transform((v, ctx) => {
  if (v === undefined) return fail(ctx, 'required');
  const b = parseYesNo(v);
  return b === null ? fail(ctx, 'bad_answer', { value: v }) : b;
});

/**
 * The zod schema of each field: a raw string in, the field's value out, with the problem code in
 * the issue's params. Forms (Slack, CLI) and files share it.
 */
export const activityFieldSchemas = {
  title: text(80),
  description: text(400),
  date: given.transform((v, ctx) =>
    !v?.trim() ? fail(ctx, 'required') : (parseCalendarDate(v) ?? fail(ctx, 'bad_date', { value: v })),
  ),
  start: given.transform((v, ctx) =>
    !v?.trim() ? fail(ctx, 'required') : (parseClockTime(v) ?? fail(ctx, 'bad_time', { value: v })),
  ),
  /** "16:00", or "2026-12-03 01:00" for an end after midnight. */
  end: given.transform((v, ctx) => {
    if (!v?.trim()) return fail(ctx, 'required');
    const m = /^(\S+)\s+(\S+)$/.exec(v.trim());
    const date = m ? parseCalendarDate(m[1] ?? '') : null;
    const time = parseClockTime(m ? (m[2] ?? '') : v);
    if (!time || (m && !date)) return fail(ctx, 'bad_time', { value: v });
    return { date, time };
  }),
  place: text(120),
  address: text(200),
  gemeente: given.transform((v, ctx) => {
    const list = [
      ...new Set(
        (v ?? '')
          .split(/[,;]/)
          .map((g) => g.trim())
          .filter(Boolean),
      ),
    ];
    return list.length ? list : fail(ctx, 'required');
  }),
  price: given.transform((v, ctx) =>
    !v?.trim() ? fail(ctx, 'required') : (parsePrice(v) ?? fail(ctx, 'bad_price', { value: v })),
  ),
  organiser: text(120),
  contact: optionalText(80),
  image: given.transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (!s) return null;
    const url = URL.canParse(s) ? new URL(s) : null;
    return url && /^https?:$/.test(url.protocol) && s.length <= 500 ? s : fail(ctx, 'bad_url', { value: s });
  }),
  tags: given.transform((v, ctx) => {
    const r = parseTags(v ?? '');
    return r.unknown.length
      ? fail(ctx, 'unknown_tag', { value: r.unknown.join(', '), allowed: ACTIVITY_TAGS.join(', ') })
      : r.tags;
  }),
  free: yesNo,
  dutch_context: yesNo,
  accessible_organisation: yesNo,
} satisfies Record<ActivityField, z.ZodType>;

/** The whole raw input as one zod object (every field a string or absent; translations pass through). */
export const activityInputSchema = z.looseObject(activityFieldSchemas);

type Fields = { [K in ActivityField]: z.output<(typeof activityFieldSchemas)[K]> };

/**
 * Checks every field of a raw input and the fields that depend on each other. Gemeenten and the
 * contact person are only read here, not looked up: the catalogue does that with the store.
 */
export const parseActivityInput = (
  raw: RawActivityInput,
  o: ActivityInputOptions,
): { ok: true; value: ParsedActivityInput } | { ok: false; problems: ActivityProblem[] } => {
  const problems: ActivityProblem[] = [];
  const out: Partial<Record<ActivityField, unknown>> = {};
  for (const field of ACTIVITY_FIELDS) {
    const r = activityFieldSchemas[field].safeParse(raw[field]);
    if (r.success) out[field] = r.data;
    else
      for (const issue of r.error.issues) {
        const { code, ...params } = (issue as { params?: Record<string, string | number> }).params ?? {};
        problems.push(activityProblem(field, (code ?? 'required') as ActivityProblemCode, params));
      }
  }
  const translations: Record<string, { title?: string; description?: string }> = {};
  for (const [key, value] of Object.entries(raw)) {
    const m = /^(title|description)_(.+)$/.exec(key);
    if (!m || !value?.trim()) continue;
    const [, part, lng] = m as unknown as [string, 'title' | 'description', string];
    if (!o.languages.includes(lng)) {
      problems.push(activityProblem(key, 'bad_language', { value: lng, allowed: o.languages.join(', ') }));
      continue;
    }
    const r = activityFieldSchemas[part].safeParse(value);
    if (!r.success) {
      problems.push(
        activityProblem(key, 'too_long', { max: part === 'title' ? 80 : 400, length: value.trim().length }),
      );
      continue;
    }
    translations[lng] = { ...translations[lng], [part]: r.data };
  }
  const f = out as Partial<Fields>;
  let startsAt: string | null = null;
  let endsAt: string | null = null;
  if (f.date && f.start) {
    startsAt = localToUtc(f.date, f.start, o.timeZone);
    if (!startsAt) problems.push(activityProblem('start', 'no_such_time', { value: f.start, date: f.date }));
  }
  if (f.date && f.end) {
    const day = f.end.date ?? f.date;
    endsAt = localToUtc(day, f.end.time, o.timeZone);
    if (!endsAt) problems.push(activityProblem('end', 'no_such_time', { value: f.end.time, date: day }));
  }
  if (startsAt && endsAt && endsAt <= startsAt)
    problems.push(
      activityProblem('end', 'end_before_start', { start: f.start ?? '', end: raw['end']?.trim() ?? '' }),
    );
  if (f.price === 0 && f.free === false)
    problems.push(activityProblem('free', 'free_conflict', { value: raw['free'] ?? '' }));
  if (problems.length || !startsAt || !endsAt) return { ok: false, problems };
  const v = f as Fields;
  return {
    ok: true,
    value: {
      title: v.title,
      description: v.description,
      startsAt,
      endsAt,
      place: v.place,
      address: v.address,
      gemeenten: v.gemeente,
      priceCents: v.price,
      organiser: v.organiser,
      contact: v.contact,
      imageUrl: v.image,
      tags: v.tags,
      translations,
      criteria: {
        free: v.free,
        dutchContext: v.dutch_context,
        accessibleOrganisation: v.accessible_organisation,
      },
    },
  };
};
