import type { Ids } from '../../core/clock.js';
import type { Template } from '../../core/effects.js';
import type { WriteTx } from '../../core/store.js';
import { exportProofs, type ProofRenderer } from '../proof/index.js';
import type { DataSchema, Person } from '../schema.js';

/**
 * `proof <name>`: the newcomer's bewijzen van deelname, one reply per proof with its PDF attached
 * (made by the injected renderer; Slack uploads it to the coach). Checked with `data.export`
 * within the staff member's gemeenten and recorded in the audit log. Without a renderer (or when
 * a file cannot be made) the reply still names the proof and its hours.
 */
export const proofCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  query: string,
  o: {
    readonly now: Date;
    readonly ids: Pick<Ids, 'next'>;
    readonly timeZone: string;
    readonly via: string;
    readonly render?: ProofRenderer;
  },
): Template[] => {
  query = query.trim();
  if (!query) return [{ key: 'proof:usage' }];
  const r = exportProofs(tx, staff, query, o);
  if (!r.ok) {
    if (r.reason === 'several') return [{ key: 'proof:several', params: { names: r.names.join(', ') } }];
    return [{ key: r.reason === 'none' ? 'proof:none' : 'proof:not_allowed', params: { query } }];
  }
  const { documents, pendingElsewhere } = r.proofs;
  const pending = documents.reduce((n, d) => n + d.pending.length, pendingElsewhere);
  if (!documents.length) return [{ key: 'proof:empty', params: { newcomer: r.newcomer.name, pending } }];
  const replies: Template[] = [
    { key: 'proof:made', params: { newcomer: r.newcomer.name, count: documents.length } },
  ];
  for (const d of documents) {
    const file = o.render?.(d) ?? null;
    replies.push({
      key: file ? 'proof:document' : 'proof:document_no_file',
      params: {
        offer: { $t: `proof:offer.${d.offerType}` },
        where: d.contact ?? d.organisation ?? { $t: 'proof:unknown_contact' },
        minutes: d.totalMinutes,
        entries: d.lines.length,
        file: file?.filename ?? '',
      },
      ...(file ? { media: { kind: 'document' as const, ref: file.ref, mimeType: file.mimeType } } : {}),
    });
  }
  if (pending) replies.push({ key: 'proof:pending_note', params: { count: pending } });
  return replies;
};
