import {
  addMunicipality,
  createPerson,
  findPerson,
  formatInviteCode,
  issueInvite,
  setCampaign,
  setDigestCron,
} from '../domain/index.js';
import { createSystemIds, systemClock } from '../system.js';
import { withStore, type CliContext } from './context.js';

/** `person add --name N --role R --gemeente G [--lang L] [--coach C] [--external-id X]`: prints the invite code. */
export const personAdd = async (ctx: CliContext, o: Record<string, string | undefined>): Promise<number> => {
  return withStore(ctx, async (store) => {
    const now = systemClock.now();
    const r = await store.transact((tx) =>
      createPerson(
        tx,
        {
          name: o['name'] ?? '',
          role: (o['role'] ?? '') as never,
          municipality: o['gemeente'] ?? o['municipality'] ?? '',
          lang: o['lang'] ?? ctx.config.DEFAULT_LANGUAGE,
          ...(o['coach'] ? { coach: o['coach'] } : {}),
          ...(o['external-id'] ? { externalId: o['external-id'] } : {}),
          ...(o['organisation'] ? { organisation: o['organisation'] } : {}),
        },
        {
          now,
          ids: createSystemIds(),
          actor: 'cli',
          inviteTtlDays: ctx.config.INVITE_TTL_DAYS,
          languages: ctx.i18n.languages,
        },
      ),
    );
    if (!r.ok) {
      ctx.err(ctx.t('person_invalid'));
      for (const p of r.problems) ctx.err(ctx.t('problem', p));
      return 1;
    }
    ctx.out(
      ctx.t('person_added', { name: r.person.name, role: r.person.role, gemeente: r.person.municipality }),
    );
    printInvite(ctx, r.printableCode, r.invite.expiresAt);
    return 0;
  });
};

const printInvite = (ctx: CliContext, code: string, expiresAt: string) => {
  const until = new Intl.DateTimeFormat(ctx.config.CLI_LANGUAGE, {
    dateStyle: 'long',
    timeZone: ctx.config.TIMEZONE,
  }).format(new Date(expiresAt));
  ctx.out(ctx.t('invite_code', { code }));
  ctx.out(ctx.t('invite_valid', { count: ctx.config.INVITE_TTL_DAYS, until }));
  ctx.out(ctx.t('invite_how'));
};

/** `person invite --person NAME_OR_ID`: a new code for an existing person (second channel, expired code). */
export const personInvite = async (
  ctx: CliContext,
  o: Record<string, string | undefined>,
): Promise<number> => {
  return withStore(ctx, async (store) => {
    const wanted = o['person'] ?? o['name'] ?? '';
    const r = await store.transact((tx) => {
      const person = findPerson(tx, wanted);
      if (!person) return null;
      const ctxInvite = {
        now: systemClock.now(),
        ids: createSystemIds(),
        actor: 'cli',
        inviteTtlDays: ctx.config.INVITE_TTL_DAYS,
      };
      return { person, invite: issueInvite(tx, person.id, ctxInvite) };
    });
    if (!r) {
      ctx.err(ctx.t('person_unknown', { person: wanted }));
      return 1;
    }
    ctx.out(ctx.t('invite_for', { name: r.person.name }));
    printInvite(ctx, formatInviteCode(r.invite.code), r.invite.expiresAt);
    return 0;
  });
};

/** `municipality add --id ID --name NAME`. */
export const municipalityAdd = async (
  ctx: CliContext,
  o: Record<string, string | undefined>,
): Promise<number> => {
  return withStore(ctx, async (store) => {
    const r = await store.transact((tx) => addMunicipality(tx, { id: o['id'] ?? '', name: o['name'] ?? '' }));
    if (r.ok) {
      ctx.out(ctx.t('municipality_added', { id: r.municipality.id, name: r.municipality.name }));
      return 0;
    }
    if (r.exists) ctx.err(ctx.t('municipality_exists', { id: o['id'] ?? '' }));
    for (const p of r.problems) ctx.err(ctx.t('problem', p));
    return 1;
  });
};

/** `municipality digest --id ID --cron "0 18 * * 0"` (or `--cron default`): when its weekly digest goes out. */
export const municipalityDigest = async (
  ctx: CliContext,
  o: Record<string, string | undefined>,
): Promise<number> => {
  const cron = o['cron'];
  if (!o['id'] || !cron) {
    ctx.err(ctx.t('usage'));
    return 2;
  }
  return withStore(ctx, async (store) => {
    const r = await store.transact((tx) =>
      setDigestCron(
        tx,
        o['id'] ?? '',
        cron === 'default' ? null : cron,
        ctx.config.TIMEZONE,
        systemClock.now(),
      ),
    );
    if (!r.ok) {
      ctx.err(ctx.t('problem', { field: 'cron', message: r.problem }));
      return 1;
    }
    ctx.out(
      ctx.t('municipality_digest', {
        name: r.municipality.name,
        cron: r.municipality.digestCron ?? ctx.config.DIGEST_CRON,
      }),
    );
    return 0;
  });
};

/** `municipality campaign --id ID --campaign vgc|wetteren|none|default`: the gemeente's follow-up campaign. */
export const municipalityCampaign = async (
  ctx: CliContext,
  o: Record<string, string | undefined>,
): Promise<number> => {
  const campaign = o['campaign'];
  const known = [...ctx.content.campaigns.keys()];
  if (!o['id'] || !campaign) {
    ctx.err(ctx.t('followup:cli.campaign_usage', { known: [...known, 'none', 'default'].join(', ') }));
    return 2;
  }
  return withStore(ctx, async (store) => {
    const r = await store.transact((tx) =>
      setCampaign(tx, o['id'] ?? '', campaign === 'default' ? null : campaign, known),
    );
    if (!r.ok) {
      ctx.err(
        r.problem === 'unknown_municipality'
          ? ctx.t('followup:cli.unknown_municipality', { id: o['id'] ?? '' })
          : ctx.t('followup:cli.unknown_campaign', {
              campaign,
              known: [...known, 'none', 'default'].join(', '),
            }),
      );
      return 1;
    }
    ctx.out(
      ctx.t('followup:cli.campaign_set', {
        name: r.municipality.name,
        campaign:
          r.municipality.campaign ?? ctx.t('cli:campaign_default', { campaign: ctx.config.DEFAULT_CAMPAIGN }),
      }),
    );
    return 0;
  });
};
