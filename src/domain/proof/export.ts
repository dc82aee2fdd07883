import type { Ids } from '../../core/clock.js';
import type { WriteTx } from '../../core/store.js';
import { matchPeople } from '../people.js';
import { authorize } from '../access/policy.js';
import { recordAudit } from '../privacy/audit.js';
import type { DataSchema, Person } from '../schema.js';
import { inScope } from '../staff.js';
import { proofDocuments, type ProofSet } from './document.js';

/** Why no proofs came out: nobody by that name, several, or not in the staff member's gemeenten. */
export type ProofRefusal =
  | { readonly ok: false; readonly reason: 'none' }
  | { readonly ok: false; readonly reason: 'several'; readonly names: readonly string[] }
  | { readonly ok: false; readonly reason: 'not_allowed' };

export type ProofExport =
  { readonly ok: true; readonly newcomer: Person; readonly proofs: ProofSet } | ProofRefusal;

/**
 * The proofs of the newcomer a query names (their id, else their name as {@link matchPeople}
 * reads it), for a coach or admin (`staff`, checked with
 * `data.export` within their gemeenten) or for the command line (`staff` null: the machine's
 * operator sees every gemeente). Records the export in the audit log (what `proof`, by the staff
 * member's id or "cli", `via` the channel or "cli"). Ambiguous names are refused with the names.
 */
export const exportProofs = (
  tx: WriteTx<DataSchema>,
  staff: Person | null,
  query: string,
  o: { readonly now: Date; readonly ids: Pick<Ids, 'next'>; readonly timeZone: string; readonly via: string },
): ProofExport => {
  const found = matchPeople(
    tx,
    query,
    (p) => p.role === 'newcomer' && (!staff || inScope(staff, p.municipality)),
    { byId: true },
  );
  if (found.length === 0) return { ok: false, reason: 'none' };
  if (found.length > 1)
    return { ok: false, reason: 'several', names: found.map((p) => `${p.name} (${p.id})`) };
  const newcomer = found[0]!;
  if (staff && !authorize(tx, staff, 'data.export', { personId: newcomer.id }).ok)
    return { ok: false, reason: 'not_allowed' };
  const proofs = proofDocuments(tx, newcomer.id, o);
  recordAudit(
    tx,
    {
      actorId: staff?.id ?? 'cli',
      action: 'export',
      what: 'proof',
      subjectId: newcomer.id,
      count: proofs.documents.length,
      via: o.via,
    },
    o,
  );
  return { ok: true, newcomer, proofs };
};
