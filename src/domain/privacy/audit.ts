import type { Ids } from '../../core/clock.js';
import type { WriteTx } from '../../core/store.js';
import type { DataSchema } from '../schema.js';
import type { AuditRecord, AuditWhat } from './types.js';

/**
 * Records that a coach or admin (or the CLI) viewed, exported or erased someone's data, in the
 * caller's transaction, so the record exists exactly when the action took place. Keep only ids:
 * no names or texts.
 */
export const recordAudit = (
  tx: WriteTx<DataSchema>,
  a: {
    readonly actorId: string;
    readonly action: AuditRecord['action'];
    readonly what: AuditWhat;
    readonly subjectId: string | null;
    readonly count?: number;
    readonly via: string;
  },
  o: { readonly now: Date; readonly ids: Pick<Ids, 'next'> },
): AuditRecord => {
  const rec: AuditRecord = {
    v: 1,
    id: o.ids.next('au'),
    at: o.now.toISOString(),
    actorId: a.actorId,
    action: a.action,
    what: a.what,
    subjectId: a.subjectId,
    ...(a.count !== undefined ? { count: a.count } : {}),
    via: a.via,
  };
  tx.put('audit', rec.id, rec);
  return rec;
};
