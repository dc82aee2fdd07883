import type { Address } from '../../core/messages.js';

/**
 * The aanbod: free local activities coaches share with newcomers and buddies, weekly (the digest)
 * or one at a time, in gemeente-groepen and one to one.
 */

/** Accessibility attributes that matter to newcomers (DOMAIN.md "Practices"). */
export const ACTIVITY_TAGS = [
  'children_welcome',
  'no_registration',
  'public_transport',
  'school_hours',
  'wheelchair',
] as const;
export type ActivityTag = (typeof ACTIVITY_TAGS)[number];

/** The three criteria of the weekly offer, checked when an activity is entered. */
export interface ActivityCriteria {
  /** Gratis, or free tickets for newcomers. */
  readonly free: boolean;
  /** In a Dutch-language context (people speak Dutch there). */
  readonly dutchContext: boolean;
  /** From an accessible organisation (low threshold, welcoming to newcomers). */
  readonly accessibleOrganisation: boolean;
}

export interface Activity {
  readonly v: 1;
  readonly id: string;
  /** Short title in klare taal (at most 80 characters). */
  readonly title: string;
  /** One to three short sentences in klare taal (at most 400 characters). */
  readonly description: string;
  /** Start and end as UTC ISO instants; entered and shown in Europe/Brussels. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string;
  readonly address: string;
  /** Gemeente ids where it is offered (one, several, or a region's gemeenten). */
  readonly municipalities: readonly string[];
  /** Price in euro cents; 0 when free. */
  readonly priceCents: number;
  readonly free: boolean;
  readonly organiser: string;
  /** Person id of the organisation's contact person, who confirms attendance hours; null: the coach. */
  readonly contactId: string | null;
  readonly imageUrl: string | null;
  readonly tags: readonly ActivityTag[];
  /** Optional translations of title and description, by language code. */
  readonly translations: Readonly<Record<string, { readonly title?: string; readonly description?: string }>>;
  readonly criteria: ActivityCriteria;
  /** A coach keeps an activity in the digest although a criterion fails, with a reason. */
  readonly override: { readonly by: string; readonly at: string; readonly reason: string } | null;
  readonly status: 'active' | 'cancelled';
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A gemeente-groep on a platform: an announcement group where only the bot posts. */
export interface GemeenteGroup {
  readonly v: 1;
  readonly id: string;
  readonly municipality: string;
  /** The group's address (`user` is empty). */
  readonly address: Address;
  readonly name: string;
  readonly createdAt: string;
}

/** A digest or one activity sent to the gemeente-groepen and subscribers of some gemeenten. */
export interface Broadcast {
  readonly v: 1;
  readonly id: string;
  readonly kind: 'digest' | 'activity';
  readonly municipalities: readonly string[];
  readonly activityIds: readonly string[];
  /** When it goes out (UTC ISO). */
  readonly sendAt: string;
  /** One-to-one messages wait outside quiet hours unless the coach overrides. */
  readonly quietOverride: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly status: 'scheduled' | 'sending' | 'done' | 'cancelled';
  /** Messages made at fan-out (groups and people), then how many went out or failed. */
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  /** Where the coach's status message is (to update it in place), if any. */
  readonly statusMessage: { readonly address: Address; readonly platformId: string } | null;
}

/** Someone says they come to an activity; later whether they were there. */
export interface Rsvp {
  readonly v: 1;
  /** `${activityId}:${personId}` */
  readonly id: string;
  readonly activityId: string;
  readonly personId: string;
  readonly status: 'coming' | 'cancelled';
  readonly at: string;
  readonly remindedAt: string | null;
  readonly askedAt: string | null;
  /** The hours entry made from "yes, I was there". */
  readonly entryId: string | null;
}

/** The activities a person last got numbered, so "2" or "ik kom 2" can be read as an RSVP. */
export interface ActivityOffer {
  readonly v: 1;
  /** The person id. */
  readonly id: string;
  readonly activityIds: readonly string[];
  readonly broadcastId: string;
  readonly at: string;
}
