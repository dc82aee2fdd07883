import type { WriteTx } from '../core/store.js';
import { planJob } from '../scheduler/index.js';
import type { DataSchema, Job } from './schema.js';

/**
 * Plans a durable job for the scheduler, once: `id` is its idempotency key, so planning the same
 * job again is harmless. All domain code plans jobs through here (the scheduler's index relies
 * on jobs only being added).
 */
export const planDomainJob = (
  tx: WriteTx<DataSchema>,
  id: string,
  kind: string,
  dueAt: Date,
  payload: Job['payload'],
): boolean =>
  planJob<DataSchema, Job>(tx, 'jobs', {
    v: 1,
    id,
    kind,
    dueAt: dueAt.toISOString(),
    payload,
    status: 'due',
    doneAt: null,
  });
