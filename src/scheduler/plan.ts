import type { Schema, WriteTx } from '../core/store.js';
import type { JobRecord } from './types.js';

/**
 * Plans a job in the caller's transaction: writes it unless a job with that id (its idempotency
 * key) exists; returns whether it wrote. Plan every job through this (or at least only ever add
 * jobs, never rewrite a due job to an earlier time): the scheduler notices new jobs by the jobs
 * collection's count and re-reads its index then.
 */
export const planJob = <S extends Schema, J extends JobRecord>(
  tx: WriteTx<S>,
  collection: keyof S & string,
  job: J,
): boolean => {
  if (tx.get(collection, job.id)) return false;
  tx.put(collection, job.id, job as unknown as S[typeof collection]);
  return true;
};
