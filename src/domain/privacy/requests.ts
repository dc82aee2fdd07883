import type { Ids } from '../../core/clock.js';
import type { Effect, Template } from '../../core/effects.js';
import type { WriteTx } from '../../core/store.js';
import { authorize } from '../access/policy.js';
import type { DataSchema, Person } from '../schema.js';
import { recordAudit } from './audit.js';
import { erasePerson, type EraseResult, type ErasureReport } from './erase.js';
import type { ErasureRequest } from './types.js';

type Notify = Extract<Effect, { type: 'notify' }>;
interface Env {
  readonly now: Date;
  readonly ids: Pick<Ids, 'next'>;
  /** Where: a channel name or "cli". */
  readonly via: string;
}

/** The staff command a button of the coach's message runs (`/netwerkbot forget confirm e_1`). */
export const forgetCommand = (decision: 'confirm' | 'reject', id: string): string =>
  `/netwerkbot forget ${decision} ${id}`;

const coachNotice = (person: Person, key: string, extra: Partial<Template> = {}): Notify[] =>
  person.coachId
    ? [
        {
          type: 'notify',
          personId: person.coachId,
          template: { key, params: { name: person.name }, ...extra },
        },
      ]
    : [];

/**
 * Withdraws the person's consent: `consent.given` false from now on, so broadcasts, campaign
 * messages and nudges skip them (trajectory answers to what they ask still come). The coach is
 * told. Outcomes: ok | already (no consent to withdraw) | not_allowed.
 */
export const withdrawConsent = (
  tx: WriteTx<DataSchema>,
  person: Person,
  env: Env,
): { outcome: 'ok' | 'already' | 'not_allowed'; effects?: Notify[] } => {
  if (!authorize(tx, person, 'privacy.own', { personId: person.id }).ok) return { outcome: 'not_allowed' };
  if (person.consent?.given !== true) return { outcome: 'already' };
  tx.put('people', person.id, {
    ...person,
    consent: { ...person.consent, given: false, at: env.now.toISOString() },
  });
  recordAudit(
    tx,
    { actorId: person.id, action: 'withdraw', what: 'consent', subjectId: person.id, via: env.via },
    env,
  );
  return { outcome: 'ok', effects: coachNotice(person, 'privacy:coach.consent_withdrawn') };
};

/**
 * "Vergeet mij": records an erasure request (one open request per person) and asks the coach to
 * confirm or reject it with two buttons that are staff commands. Without a coach the request
 * waits for an admin (`npm run cli -- privacy erase`). Outcomes: ok | already | not_allowed.
 */
export const requestErasure = (
  tx: WriteTx<DataSchema>,
  person: Person,
  env: Env,
): { outcome: 'ok' | 'already' | 'not_allowed'; request?: ErasureRequest; effects?: Notify[] } => {
  if (!authorize(tx, person, 'privacy.own', { personId: person.id }).ok) return { outcome: 'not_allowed' };
  const open = tx.list('erasures', (e) => e.personId === person.id && e.status === 'requested')[0];
  if (open) return { outcome: 'already', request: open };
  const request: ErasureRequest = {
    v: 1,
    id: env.ids.next('er'),
    personId: person.id,
    requestedAt: env.now.toISOString(),
    status: 'requested',
    reason: 'request',
  };
  tx.put('erasures', request.id, request);
  const choices = [
    { value: forgetCommand('confirm', request.id), label: 'privacy:coach.choice_confirm' },
    { value: forgetCommand('reject', request.id), label: 'privacy:coach.choice_reject' },
  ];
  const effects = coachNotice(person, 'privacy:coach.forget_request', { choices });
  return { outcome: 'ok', request, effects };
};

export type DecideResult =
  | {
      readonly ok: true;
      readonly decision: 'confirm' | 'reject';
      readonly report?: ErasureReport;
      readonly effects: Notify[];
    }
  | { readonly ok: false; readonly reason: 'unknown' | 'decided' | 'not_allowed' };

/**
 * A coach (or admin) confirms or rejects an erasure request. Confirmed: the person is erased
 * everywhere in this transaction (see {@link erasePerson}) and the audit log keeps who did it;
 * rejected: the person is told to talk with their coach. Refusals are values.
 */
export const decideErasure = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  requestId: string,
  decision: 'confirm' | 'reject',
  env: Env,
): DecideResult => {
  const request = tx.get('erasures', requestId);
  if (!request) return { ok: false, reason: 'unknown' };
  if (!authorize(tx, staff, 'privacy.erase', { personId: request.personId }).ok)
    return { ok: false, reason: 'not_allowed' };
  if (request.status !== 'requested') return { ok: false, reason: 'decided' };
  const at = env.now.toISOString();
  if (decision === 'reject') {
    tx.put('erasures', request.id, { ...request, status: 'rejected', decidedBy: staff.id, decidedAt: at });
    const effects: Notify[] = [
      { type: 'notify', personId: request.personId, template: { key: 'privacy:forget_rejected' } },
    ];
    return { ok: true, decision, effects };
  }
  const r = eraseNow(tx, request.personId, { ...env, actorId: staff.id, reason: 'request' });
  if (!r.ok) return { ok: false, reason: r.reason === 'already_erased' ? 'decided' : 'unknown' };
  return { ok: true, decision, report: r.report, effects: [] };
};

/**
 * Erases a person now (see {@link erasePerson}) and keeps the trail: their open "vergeet mij"
 * requests become done (decided by `actorId`), or a done erasure record is written with
 * `reason`; the audit log keeps who did it. Used by the coach's confirmation, the CLI and the
 * retention job, so each leaves the same records. With `dryRun` only the report is made.
 */
export const eraseNow = (
  tx: WriteTx<DataSchema>,
  personId: string,
  o: Env & { readonly actorId: string; readonly reason: ErasureRequest['reason']; readonly dryRun?: boolean },
): EraseResult => {
  const r = erasePerson(tx, personId, { now: o.now, ...(o.dryRun ? { dryRun: true } : {}) });
  if (!r.ok || o.dryRun) return r;
  const at = o.now.toISOString();
  const decided = { status: 'done' as const, decidedBy: o.actorId, decidedAt: at, doneAt: at };
  const open = tx.list('erasures', (e) => e.personId === personId && e.status === 'requested');
  for (const e of open) tx.put('erasures', e.id, { ...e, ...decided });
  if (!open.length) {
    const id = o.ids.next('er');
    tx.put('erasures', id, { v: 1, id, personId, requestedAt: at, reason: o.reason, ...decided });
  }
  const what = o.reason === 'retention' ? 'retention' : 'erasure';
  recordAudit(tx, { actorId: o.actorId, action: 'erase', what, subjectId: personId, via: o.via }, o);
  return r;
};
