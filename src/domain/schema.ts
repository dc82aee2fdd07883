import type { CoreSchema } from '../core/records.js';
import type { Migration } from '../core/store.js';
import type { Duo, LedgerEntry, Trajectory } from './ledger/types.js';
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
}

/** A gemeente (municipality) the deployment serves. */
export interface Municipality {
  readonly v: 1;
  readonly id: string;
  readonly name: string;
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
] as const;

/** Forward migrations of the whole data image; `from: n` turns version n into n + 1. */
export const MIGRATIONS: readonly Migration[] = [];
