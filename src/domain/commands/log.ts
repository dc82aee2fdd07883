import type { Template } from '../../core/effects.js';
import type { ReadTx } from '../../core/store.js';
import { duoForLog, duoLog, logTemplate } from '../followup/log.js';
import type { DataSchema, Person } from '../schema.js';
import { findNewcomers, inScope } from './scope.js';

/**
 * `log <newcomer name | duo id>`: the duo log (meetings with date, time, what they did and
 * status; follow-ups with notes), within the staff member's gemeenten. A newcomer's log is of
 * their live duo, else their last one. The digest's Logboek button sends a duo id (or, for a
 * task without a duo, the newcomer's id).
 */
export const logCommand = (
  tx: ReadTx<DataSchema>,
  staff: Person,
  line: string,
  s: { readonly timeZone: string },
): Template[] => {
  const query = line.trim();
  if (!query) return [{ key: 'coach:log.usage' }];
  const mayRead = (newcomerId: string) => {
    const p = tx.get('people', newcomerId);
    return !!p && inScope(staff, p.municipality);
  };
  const duo = tx.get('duos', query);
  if (duo)
    return mayRead(duo.newcomerId)
      ? [logTemplate(duoLog(tx, duo.newcomerId, duo, s.timeZone))]
      : [{ key: 'coach:log.none', params: { query } }];
  const byId = tx.get('people', query);
  const found = byId?.role === 'newcomer' && mayRead(byId.id) ? [byId] : findNewcomers(tx, staff, query);
  if (!found.length) return [{ key: 'coach:log.none', params: { query } }];
  if (found.length > 1)
    return [{ key: 'coach:log.several', params: { names: found.map((p) => p.name).join(', ') } }];
  const newcomer = found[0]!;
  return [logTemplate(duoLog(tx, newcomer.id, duoForLog(tx, newcomer.id), s.timeZone))];
};
