/** Shipped languages. Dutch is the default; every key exists in each (a test checks it). */
export const LANGUAGES = ['nl', 'en', 'fr', 'ar', 'uk', 'ru', 'tr', 'fa'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

/** For someone whose language is not known yet (an unknown sender): Dutch first, then common contact languages. */
export const UNKNOWN_SENDER_LANGUAGES: readonly Language[] = ['nl', 'en', 'fr', 'ar'];

/** Namespaces: one per flow or area. */
export const NAMESPACES = [
  'common',
  'onboarding',
  'menu',
  'hours',
  'staff',
  'aanbod',
  'cli',
  'coach',
  'survey',
  'followup',
  'proof',
  'handover',
  'privacy',
  'import',
  'simulator',
  'dashboard',
] as const;
