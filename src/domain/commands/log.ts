import type { Ids } from '../../core/clock.js';
import type { Template } from '../../core/effects.js';
import type { WriteTx } from '../../core/store.js';
import { duoForLog, duoLog, logTemplate } from '../followup/log.js';
import { recordAudit } from '../privacy/audit.js';
import type { DataSchema, Person } from '../schema.js';
import { allowed } from '../access/policy.js';
import { matchPeople } from '../people.js';

/**
 * `log <newcomer name | duo id>`: the duo log (meetings with date, time, what they did and
 * status; follow-ups with notes), within the staff member's gemeenten. A newcomer's log is of
 * their live duo, else their last one. The digest's Logboek button sends a duo id (or, for a
 * task without a duo, the newcomer's id). Reading a log is in the audit log.
 */
export const logCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  line: string,
  s: {
    readonly timeZone: string;
    readonly now: Date;
    readonly ids: Pick<Ids, 'next'>;
    readonly via?: string;
  },
): Template[] => {
  const query = line.trim();
  if (!query) return [{ key: 'coach:log.usage' }];
  const mayRead = (newcomerId: string) => allowed(tx, staff, 'trajectory.view', { personId: newcomerId });
  const audit = (subjectId: string) =>
    recordAudit(
      tx,
      { actorId: staff.id, action: 'view', what: 'duo_log', subjectId, via: s.via ?? 'chat' },
      s,
    );
  const duo = tx.get('duos', query);
  if (duo) {
    if (!allowed(tx, staff, 'trajectory.view', { duoId: duo.id }))
      return [{ key: 'coach:log.none', params: { query } }];
    audit(duo.newcomerId);
    return [logTemplate(duoLog(tx, duo.newcomerId, duo, s.timeZone))];
  }
  const found = matchPeople(tx, query, (p) => p.role === 'newcomer' && mayRead(p.id), { byId: true });
  if (!found.length) return [{ key: 'coach:log.none', params: { query } }];
  if (found.length > 1)
    return [{ key: 'coach:log.several', params: { names: found.map((p) => p.name).join(', ') } }];
  const newcomer = found[0]!;
  audit(newcomer.id);
  return [logTemplate(duoLog(tx, newcomer.id, duoForLog(tx, newcomer.id), s.timeZone))];
};
