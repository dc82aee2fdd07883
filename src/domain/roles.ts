/** The roles of the trajectory (DOMAIN.md, "The people"). */
export const ROLES = ['newcomer', 'buddy', 'coach', 'contact', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Words for a role that coaches type and people spreadsheets hold alike, in Dutch and English. */
const ROLE_WORDS: Readonly<Record<string, Role>> = {
  nieuwkomer: 'newcomer',
  inburgeraar: 'newcomer',
  newcomer: 'newcomer',
  buddy: 'buddy',
  contact: 'contact',
  contactpersoon: 'contact',
  coach: 'coach',
  netwerkcoach: 'coach',
};

/**
 * A role from its Dutch or English word in any case ("Inburgeraar", "newcomer", "contactpersoon"),
 * or from the `more` words one caller also knows (the staff command's "beheerder", a
 * spreadsheet's "deelnemer"); null if unknown. Trimming is the caller's.
 */
export const parseRole = (word: string, more: Readonly<Record<string, Role>> = {}): Role | null => {
  const w = word.toLocaleLowerCase();
  return ROLE_WORDS[w] ?? more[w] ?? null;
};
