import { isWhatsAppChannel, type Outbound } from '../../core/messages.js';
import { pendingOutbox } from '../../core/records.js';
import type { Json, WriteTx } from '../../core/store.js';
import type { JobKind } from '../../scheduler/index.js';
import type { Render } from '../broadcasts/fanout.js';
import { localDate } from '../dates.js';
import { createTask } from '../followup/tasks.js';
import { planDomainJob } from '../jobs.js';
import type { DataSchema, Job, Person } from '../schema.js';
import { hasAnswered, outreachJobId } from './start.js';
import type { Outreach } from './types.js';
import { gemeenteName } from '../municipalities.js';

export interface OutreachJobDeps {
  readonly render: Render;
  readonly timeZone: string;
  /** Days to answer before the second message, when the job does not say (OUTREACH_WAIT_DAYS is set at import). */
  readonly waitDays?: number;
}

type Handler = (tx: WriteTx<DataSchema>, job: Job, now: Date) => void;
type Kind = JobKind<DataSchema, Job>;

/** The language everyone also sees: Dutch practice is the point of the trajectory. */
const DUTCH = 'nl';

/** The first word of the name: enough to be recognised, little to a stranger if the number is wrong. */
const firstName = (p: Person): string => p.name.split(' ')[0] ?? p.name;

/**
 * The outreach jobs (the Mol practice, DOMAIN.md): `outreach_first` sends the first message to
 * the newcomer's WhatsApp number in their contact language (with the Dutch text under it): who
 * writes and why, "answer with any word"; it plans `outreach_second` OUTREACH_WAIT_DAYS later,
 * which does nothing once they answered and otherwise says the coach will call and makes the
 * coach's task "call X". Messages are outbox rows of kind broadcast, so they wait out quiet hours.
 */
export const outreachJobs = (d: OutreachJobDeps): { handlers: Record<string, Handler | Kind> } => {
  const message = (tx: WriteTx<DataSchema>, p: Person, key: string): Outbound => {
    const coach = p.coachId ? tx.get('people', p.coachId)?.name : undefined;
    const params: Record<string, Json> = {
      name: firstName(p),
      gemeente: gemeenteName(tx, p.municipality),
      ...(coach ? { coach } : {}),
    };
    const template = { key: `import:outreach.${key}${coach ? '' : '_no_coach'}`, params };
    const own = d.render(template, p.lang);
    if (p.lang === DUTCH) return own;
    return { ...own, text: `${own.text}\n\n🇧🇪 ${d.render(template, DUTCH).text}` };
  };

  /** Writes the message to the person's WhatsApp chat (the one the import linked), else their latest. */
  const send = (tx: WriteTx<DataSchema>, p: Person, key: string, job: Job, now: Date): boolean => {
    const ids = tx.list('identities', (i) => i.personId === p.id);
    const to = (ids.find((i) => isWhatsAppChannel(i.address.channel)) ?? ids.at(-1))?.address;
    if (!to) return false;
    const id = `job:${job.id}`;
    tx.put('outbox', id, pendingOutbox(id, to, message(tx, p, key), now, { kind: 'broadcast' }));
    return true;
  };

  /** The outreach and its person, while it still waits for an answer. */
  const waiting = (tx: WriteTx<DataSchema>, job: Job, now: Date) => {
    const o = tx.get('outreach', String(job.payload['person']));
    const p = o && tx.get('people', o.personId);
    if (!o || !p) return null;
    if (hasAnswered(tx, o)) {
      if (!o.answeredAt) tx.put('outreach', o.id, { ...o, answeredAt: now.toISOString() });
      return null;
    }
    return { o, p };
  };

  const save = (tx: WriteTx<DataSchema>, o: Outreach) => tx.put('outreach', o.id, o);
  const waitDaysOf = (job: Job): number => {
    const n = job.payload['waitDays'];
    return typeof n === 'number' && n > 0 ? n : (d.waitDays ?? 3);
  };

  const handlers: Record<string, Handler | Kind> = {
    outreach_first: (tx, job, now) => {
      const w = waiting(tx, job, now);
      if (!w || w.o.firstAt || !send(tx, w.p, 'first', job, now)) return;
      save(tx, { ...w.o, firstAt: now.toISOString() });
      const due = new Date(now.getTime() + waitDaysOf(job) * 86_400_000);
      planDomainJob(tx, outreachJobId('second', w.p.id), 'outreach_second', due, {
        person: w.p.id,
        waitDays: waitDaysOf(job),
      });
    },
    outreach_second: (tx, job, now) => {
      const w = waiting(tx, job, now);
      if (!w || w.o.secondAt) return;
      send(tx, w.p, 'second', job, now);
      const coach = w.p.coachId ? tx.get('people', w.p.coachId) : undefined;
      const detail = d.render(
        { key: 'import:outreach.task_detail', params: { name: w.p.name, days: waitDaysOf(job) } },
        coach?.lang ?? DUTCH,
      ).text;
      const task = createTask(
        tx,
        {
          // One task per person's outreach: its id comes from the person, not from a counter.
          id: `t_outreach_${w.p.id}`,
          newcomerId: w.p.id,
          kind: 'call_newcomer',
          dueDate: localDate(now, d.timeZone),
          source: 'outreach',
          detail,
        },
        { now },
      );
      save(tx, { ...w.o, secondAt: now.toISOString(), taskId: task.id });
    },
  };
  return { handlers };
};
