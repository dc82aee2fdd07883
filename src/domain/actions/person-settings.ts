import type { ActionContext, DomainAction } from '../../core/actions.js';
import { allowed } from '../access/policy.js';
import { PRIVACY_VERSION, type DataSchema, type Person } from '../schema.js';

const update = (ctx: ActionContext<DataSchema>, change: (p: Person) => Person | null) => {
  const p = ctx.personId ? ctx.tx.get('people', ctx.personId) : undefined;
  if (!p) return { outcome: 'no_person' };
  // One's own settings and consent (the access policy's privacy.own).
  if (!allowed(ctx.tx, p, 'privacy.own', { personId: p.id })) return { outcome: 'no_person' };
  const next = change(p);
  if (!next) return { outcome: 'invalid' };
  ctx.tx.put('people', p.id, next);
  return { outcome: 'ok' };
};

/** Creates the language setter for the shipped languages. Outcomes: ok | invalid. */
export const setLanguage =
  (languages: readonly string[]): DomainAction<DataSchema> =>
  (ctx, args) =>
    update(ctx, (p) =>
      languages.includes(String(args['lang'])) ? { ...p, lang: String(args['lang']) } : null,
    );

/** Records that the person agreed (`given: true`) or not to the privacy explanation. */
export const recordConsent: DomainAction<DataSchema> = (ctx, args) =>
  update(ctx, (p) => ({
    ...p,
    consent: { given: args['given'] !== false, at: ctx.now.toISOString(), privacyVersion: PRIVACY_VERSION },
  }));

/** Switches broadcasts (the weekly offer) on or off; trajectory messages are not affected. */
export const setBroadcasts: DomainAction<DataSchema> = (ctx, args) =>
  update(ctx, (p) => ({ ...p, broadcasts: args['on'] === true }));
