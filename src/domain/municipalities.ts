import { Cron } from 'croner';
import { z } from 'zod';
import type { ReadTx, WriteTx } from '../core/store.js';
import type { DataSchema, Municipality } from './schema.js';

export const newMunicipalityInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, 'lower-case letters, digits and -, e.g. "sint-niklaas"'),
  name: z.string().trim().min(2).max(80),
});

export type AddMunicipalityResult =
  | { readonly ok: true; readonly municipality: Municipality }
  | {
      readonly ok: false;
      readonly exists?: true;
      readonly problems: readonly { field: string; message: string }[];
    };

/** A gemeente's name, or its id when it is not (or no longer) known. */
export const gemeenteName = (tx: ReadTx<DataSchema>, id: string): string =>
  tx.get('municipalities', id)?.name ?? id;

/** Adds a gemeente the deployment serves. */
export const addMunicipality = (
  tx: WriteTx<DataSchema>,
  input: z.input<typeof newMunicipalityInput>,
): AddMunicipalityResult => {
  const parsed = newMunicipalityInput.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    };
  if (tx.get('municipalities', parsed.data.id)) return { ok: false, exists: true, problems: [] };
  const municipality: Municipality = { v: 1, ...parsed.data };
  tx.put('municipalities', municipality.id, municipality);
  return { ok: true, municipality };
};

/** A cron expression croner can run (five fields), else the problem in words. */
export const cronProblem = (cron: string, timeZone: string): string | null => {
  try {
    const next = new Cron(cron, { timezone: timeZone, paused: true }).nextRun();
    return next ? null : 'never runs';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

/**
 * Sets when a gemeente's weekly digest goes out (cron in the configured time zone); null goes
 * back to DIGEST_CRON. The digest already planned is moved to the new time.
 */
export const setDigestCron = (
  tx: WriteTx<DataSchema>,
  id: string,
  cron: string | null,
  timeZone: string,
  now: Date,
): { ok: true; municipality: Municipality } | { ok: false; problem: string } => {
  const m = tx.get('municipalities', id);
  if (!m) return { ok: false, problem: `unknown gemeente "${id}"` };
  const problem = cron === null ? null : cronProblem(cron, timeZone);
  if (problem) return { ok: false, problem: `"${cron}" is not a cron schedule: ${problem}` };
  const { digestCron: _old, ...rest } = m;
  const rev = { ...rest, digestRev: (m.digestRev ?? 0) + 1 };
  const next: Municipality = cron === null ? rev : { ...rev, digestCron: cron };
  tx.put('municipalities', id, next);
  for (const j of tx.list(
    'jobs',
    (j) => j.kind === 'digest' && j.status === 'due' && j.payload['municipality'] === id,
  ))
    // Set aside, never deleted: the scheduler's index only ever sees jobs added.
    tx.put('jobs', j.id, { ...j, status: 'done', doneAt: now.toISOString(), skipped: true });
  return { ok: true, municipality: next };
};

/**
 * Chooses the follow-up campaign of a gemeente's duos (`vgc`, `wetteren`, `none`), or null for the
 * default (DEFAULT_CAMPAIGN). `known` lists the loaded campaigns. Events already handled stay
 * handled; the rest follow the new campaign from the next planning round.
 */
export const setCampaign = (
  tx: WriteTx<DataSchema>,
  id: string,
  campaign: string | null,
  known: readonly string[],
):
  | { ok: true; municipality: Municipality }
  | { ok: false; problem: 'unknown_municipality' | 'unknown_campaign' } => {
  const m = tx.get('municipalities', id);
  if (!m) return { ok: false, problem: 'unknown_municipality' };
  if (campaign !== null && campaign !== 'none' && !known.includes(campaign))
    return { ok: false, problem: 'unknown_campaign' };
  const { campaign: _old, ...rest } = m;
  const next: Municipality = campaign === null ? rest : { ...rest, campaign };
  tx.put('municipalities', id, next);
  return { ok: true, municipality: next };
};
