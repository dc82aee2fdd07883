import type { DomainAction } from '../../core/actions.js';
import { addressKey } from '../../core/messages.js';
import type { ReadTx, WriteTx } from '../../core/store.js';
import { planDomainJob } from '../jobs.js';
import type { DataSchema } from '../schema.js';
import type { Outreach } from './types.js';

/** Job ids of the two messages: one per person, so planning again never sends twice. */
export const outreachJobId = (step: 'first' | 'second', personId: string): string =>
  `outreach-${step}:${personId}`;

/**
 * Starts first contact with a newly imported newcomer (the Mol practice): an `outreach` record and
 * the job that sends the first message now (the scheduler runs it, in quiet hours it waits for
 * the morning); `waitDays` (OUTREACH_WAIT_DAYS) later comes the second. False when this person's
 * outreach was started before.
 */
export const startOutreach = (
  tx: WriteTx<DataSchema>,
  personId: string,
  now: Date,
  waitDays: number,
): boolean => {
  if (tx.get('outreach', personId)) return false;
  tx.put('outreach', personId, {
    v: 1,
    id: personId,
    personId,
    firstAt: null,
    secondAt: null,
    answeredAt: null,
    taskId: null,
  });
  planDomainJob(tx, outreachJobId('first', personId), 'outreach_first', now, { person: personId, waitDays });
  return true;
};

/**
 * Whether the person has written to the bot since the import linked their number: any message
 * in any of their chats (the runtime keeps the ids of messages seen), a consent answer, or an
 * answer recorded on the outreach.
 */
export const hasAnswered = (tx: ReadTx<DataSchema>, o: Outreach): boolean => {
  if (o.answeredAt) return true;
  if (tx.get('people', o.personId)?.consent) return true;
  return tx
    .list('identities', (i) => i.personId === o.personId)
    .some((i) => (tx.get('conversations', addressKey(i.address))?.state.seen.length ?? 0) > 0);
};

/**
 * Domain action `outreach_answered`, called by the menu before the privacy question: the person
 * answered the outreach. The first time it records when and returns `first` (the menu then starts
 * the onboarding: language, who we are, consent); otherwise `no`.
 */
export const outreachAnswered: DomainAction<DataSchema> = ({ tx, now, personId }) => {
  const o = personId ? tx.get('outreach', personId) : undefined;
  if (!o || o.answeredAt) return { outcome: 'no' };
  tx.put('outreach', o.id, { ...o, answeredAt: now.toISOString() });
  return { outcome: 'first' };
};
