import type { DomainAction } from '../../core/actions.js';
import type { Template } from '../../core/effects.js';
import type { Json } from '../../core/store.js';
import { authorize } from '../access/policy.js';
import { recordAudit } from '../privacy/audit.js';
import { gatherMyData, myDataTemplates } from '../privacy/my-data.js';
import { requestErasure, withdrawConsent } from '../privacy/requests.js';
import type { DataSchema } from '../schema.js';
import { me } from './hours-context.js';

type Actions = Record<string, DomainAction<DataSchema>>;

/** A template as a nested text parameter, rendered in the reader's language by the flow's send. */
const nestedOf = (t: Template): Json => ({ $t: t.key, params: { ...(t.params ?? {}) } });

/**
 * "Mijn gegevens": what is kept about me, withdrawing consent, "vergeet mij". Every action works
 * on the person who is talking only (policy `privacy.own`).
 */
export const privacyActions = (): Actions => ({
  /**
   * What is stored about me, as three nested texts (`my_profile`, `my_hours`, `my_rest`) the flow
   * sends and then forgets. The view is in the audit log. Outcomes: ok | not_allowed.
   */
  my_data: (ctx) => {
    const p = me(ctx);
    if (!p || !authorize(ctx.tx, p, 'privacy.own', { personId: p.id }).ok) return { outcome: 'not_allowed' };
    const data = gatherMyData(ctx.tx, p.id);
    if (!data) return { outcome: 'not_allowed' };
    recordAudit(
      ctx.tx,
      { actorId: p.id, action: 'view', what: 'my_data', subjectId: p.id, via: ctx.address.channel },
      ctx,
    );
    const [profile, hours, rest] = myDataTemplates(data).map(nestedOf);
    return { outcome: 'ok', data: { my_profile: profile!, my_hours: hours!, my_rest: rest! } };
  },
  /** Whether I gave consent now: given | withdrawn. */
  consent_state: (ctx) => ({ outcome: me(ctx)?.consent?.given === true ? 'given' : 'withdrawn' }),
  /** Withdraws my consent; my coach is told. ok | already | not_allowed. */
  consent_withdraw: (ctx) => {
    const p = me(ctx);
    if (!p) return { outcome: 'not_allowed' };
    return withdrawConsent(ctx.tx, p, { now: ctx.now, ids: ctx.ids, via: ctx.address.channel });
  },
  /** "Vergeet mij": a request my coach confirms. ok | already | not_allowed. */
  forget_request: (ctx) => {
    const p = me(ctx);
    if (!p) return { outcome: 'not_allowed' };
    const r = requestErasure(ctx.tx, p, { now: ctx.now, ids: ctx.ids, via: ctx.address.channel });
    return { outcome: r.outcome, ...(r.effects ? { effects: r.effects } : {}) };
  },
});
