import type { Json, WriteTx } from '../../core/store.js';
import type { JobFollowUp, JobHandler, JobKind } from '../../scheduler/types.js';
import type { DataSchema, Job } from '../schema.js';
import { openHandoverOf } from './handovers.js';

/** The job kind that keeps a scheduled flow back while its person's handover is open. */
export const HOLD_KIND = 'handover_hold';
/** How often a held flow looks whether the handover is closed. */
export const HOLD_CHECK_MS = 15 * 60_000;

type Handlers = Readonly<Record<string, JobHandler<DataSchema, Job> | JobKind<DataSchema, Job>>>;

/** Plans (or re-plans) a held flow start as a job that checks again in {@link HOLD_CHECK_MS}. */
const hold = (
  tx: WriteTx<DataSchema>,
  start: NonNullable<JobFollowUp['start']>,
  origin: string,
  round: number,
  now: Date,
): void => {
  const id = `hold:${origin}:${round}`;
  if (tx.get('jobs', id)) return;
  tx.put('jobs', id, {
    v: 1,
    id,
    kind: HOLD_KIND,
    dueAt: new Date(now.getTime() + HOLD_CHECK_MS).toISOString(),
    payload: {
      origin,
      round,
      personId: start.personId,
      flow: start.flow,
      vars: JSON.stringify(start.vars),
    },
    status: 'due',
    doneAt: null,
  });
};

/** A flow start the job asks for goes ahead, or waits when its person is talking with their coach. */
const gate = (
  tx: WriteTx<DataSchema>,
  f: JobFollowUp | void,
  origin: string,
  now: Date,
): JobFollowUp | void => {
  const start = f?.start;
  if (!start || !openHandoverOf(tx, start.personId)) return f;
  hold(tx, start, origin, 1, now);
  return {};
};

/**
 * Scheduled flows (campaign check-ins, nudges, attendance questions) are held while their person's
 * handover is open, and start once the coach has closed it (checked every 15 minutes): the person
 * is talking with a human, and an automatic question in between would be passed on to the coach
 * as an answer nobody asked them for. The job itself is done as usual (its record and purpose
 * stay); only the flow start waits, as a `handover_hold` job. Messages without a question
 * (broadcasts) are not scheduled flows and go out as usual.
 */
export const holdDuringHandover = (handlers: Handlers): Handlers => {
  const wrapped: Record<string, JobHandler<DataSchema, Job> | JobKind<DataSchema, Job>> = {};
  for (const [kind, h] of Object.entries(handlers)) {
    wrapped[kind] =
      typeof h === 'function'
        ? (tx, job, now) => gate(tx, h(tx, job, now), job.id, now)
        : { ...h, run: (tx, job, now) => gate(tx, h.run(tx, job, now), job.id, now) };
  }
  wrapped[HOLD_KIND] = (tx, job, now) => {
    const p = job.payload;
    const start = {
      personId: String(p['personId']),
      flow: String(p['flow']),
      vars: JSON.parse(String(p['vars'] ?? '{}')) as Readonly<Record<string, Json>>,
    };
    if (!openHandoverOf(tx, start.personId)) return { start };
    hold(tx, start, String(p['origin']), Number(p['round'] ?? 1) + 1, now);
    return {};
  };
  return wrapped;
};
