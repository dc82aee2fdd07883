import type { CoreSchema } from '../core/records.js';
import type { Migration } from '../core/store.js';
import type { Activity, ActivityOffer, Broadcast, GemeenteGroup, Rsvp } from './activities/types.js';
import type { Duo, LedgerEntry, Trajectory } from './ledger/types.js';
import type { CoachTask, DuoClosing, FollowUpMark, SurveyResponse } from './followup/types.js';
import type { InviteAttempts } from './access/types.js';
import type { Handover } from './handover/types.js';
import type { Outreach } from './outreach/types.js';
import type { AuditRecord, ErasureRequest } from './privacy/types.js';
import type { Role } from './roles.js';

/** Version of the stored data as a whole; bump it and add a migration to change any shape. */
export const DATA_VERSION = 1;

/** Version of the privacy explanation a person agreed to; bump it when the text changes. */
export const PRIVACY_VERSION = 1;

export interface Consent {
  readonly given: boolean;
  readonly at: string;
  readonly privacyVersion: number;
}

/**
 * A person in the trajectory. Only what the trajectory needs: a name to address them, their role,
 * gemeente, language and coach. No phone number here; chat addresses live in identities.
 */
export interface Person {
  readonly v: 1;
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly municipality: string;
  readonly lang: string;
  readonly coachId: string | null;
  readonly consent: Consent | null;
  /** False after "stop": no broadcasts; trajectory messages still arrive. */
  readonly broadcasts: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly externalId?: string;
  /** For an organisation's contact person: the organisation (club, volunteer place) they confirm hours for. */
  readonly organisation?: string;
  /** More gemeenten whose activities this person gets (besides their own). */
  readonly follows?: readonly string[];
  /** Set when the person was forgotten ("vergeet mij" or retention): name and links are gone. */
  readonly erasedAt?: string;
  /** Why an erased person's record (and ledger entries) stay: proof of the hours done. */
  readonly keptBecause?: 'proof_of_hours';
}

/** A gemeente (municipality) the deployment serves. */
export interface Municipality {
  readonly v: 1;
  readonly id: string;
  readonly name: string;
  /** When the weekly digest goes out (cron, Europe/Brussels); default DIGEST_CRON. */
  readonly digestCron?: string;
  /** Counts changes of the digest time, so the job planned for a new time has a new id. */
  readonly digestRev?: number;
  /** The follow-up campaign of its duos (`vgc`, `wetteren`, `none`); default DEFAULT_CAMPAIGN. */
  readonly campaign?: string;
}

/**
 * A durable job of the scheduler: due at a time, done once. The id is its idempotency key
 * (e.g. `digest:wetteren:2026-11-30`), so planning the same job twice is harmless.
 */
export interface Job {
  readonly v: 1;
  readonly id: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly payload: Readonly<Record<string, string | number | boolean | null>>;
  readonly status: 'due' | 'done' | 'failed';
  readonly doneAt: string | null;
  readonly error?: string;
  /** Ran later than its kind's grace after `dueAt` (after downtime); see src/scheduler. */
  readonly late?: boolean;
  /** Not run: later than its kind's window (a broadcast that is no longer news). */
  readonly skipped?: boolean;
}

/** When a member wrote in an announcement group and got the private hint (at most once a day). */
export interface GroupHint {
  readonly v: 1;
  /** A hash of the member's address (nothing readable is kept about people the bot may not know). */
  readonly id: string;
  readonly at: string;
}

/** A single-use, expiring code that links a chat identity to a person. */
export interface Invite {
  readonly v: 1;
  readonly code: string;
  readonly personId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly createdBy: string;
  readonly usedAt: string | null;
}

/** Something a coach must act on, e.g. a person asked to be contacted. */
export interface CoachRequest {
  readonly v: 1;
  readonly id: string;
  readonly personId: string;
  readonly coachId: string | null;
  readonly reason: 'asked' | 'stuck' | 'no_consent' | 'disputed_hours' | 'reached_40';
  readonly createdAt: string;
  readonly status: 'open' | 'done';
}

export interface DataSchema extends CoreSchema {
  people: Person;
  municipalities: Municipality;
  invites: Invite;
  requests: CoachRequest;
  ledger: LedgerEntry;
  duos: Duo;
  trajectories: Trajectory;
  activities: Activity;
  groups: GemeenteGroup;
  broadcasts: Broadcast;
  rsvps: Rsvp;
  offers: ActivityOffer;
  jobs: Job;
  hints: GroupHint;
  tasks: CoachTask;
  surveys: SurveyResponse;
  followups: FollowUpMark;
  closings: DuoClosing;
  audit: AuditRecord;
  erasures: ErasureRequest;
  handovers: Handover;
  outreach: Outreach;
  attempts: InviteAttempts;
}

export const COLLECTIONS = [
  'people',
  'municipalities',
  'invites',
  'identities',
  'conversations',
  'timers',
  'outbox',
  'requests',
  'ledger',
  'duos',
  'trajectories',
  'activities',
  'groups',
  'broadcasts',
  'rsvps',
  'offers',
  'jobs',
  'hints',
  'tasks',
  'surveys',
  'followups',
  'closings',
  'audit',
  'erasures',
  'handovers',
  'outreach',
  'attempts',
] as const;

/** Forward migrations of the whole data image; `from: n` turns version n into n + 1. */
export const MIGRATIONS: readonly Migration[] = [];
