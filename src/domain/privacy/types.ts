/**
 * GDPR records: who viewed or exported whose data (coaches and admins), and "vergeet mij"
 * requests. Every record carries `v`.
 */

/** What was looked at or taken out. */
export const AUDIT_WHATS = [
  'hours',
  'duo_log',
  'digest',
  'proof',
  'report_tb',
  'export_hours',
  'export_surveys',
  'my_data',
  'erasure',
  'retention',
  'consent',
] as const;
export type AuditWhat = (typeof AUDIT_WHATS)[number];

/** One entry of the audit log: an actor viewed, exported or erased someone's data. */
export interface AuditRecord {
  readonly v: 1;
  readonly id: string;
  readonly at: string;
  /** Person id of the coach or admin, or "cli" / "system". */
  readonly actorId: string;
  readonly action: 'view' | 'export' | 'erase' | 'withdraw';
  readonly what: AuditWhat;
  /** The person whose data it was; null for an export of many (then `count`). */
  readonly subjectId: string | null;
  readonly count?: number;
  /** Where: a channel name or "cli". */
  readonly via: string;
}

/** A person's request to be forgotten: the coach confirms, then the data is erased. */
export interface ErasureRequest {
  readonly v: 1;
  readonly id: string;
  readonly personId: string;
  readonly requestedAt: string;
  readonly status: 'requested' | 'confirmed' | 'done' | 'rejected';
  readonly decidedBy?: string | null;
  readonly decidedAt?: string | null;
  readonly doneAt?: string | null;
  /** Why (retention: the term ended long ago; request: the person asked). */
  readonly reason: 'request' | 'retention';
  /** When the data directory's backups made before this erasure were removed (file store). */
  readonly backupsPurgedAt?: string | null;
}
