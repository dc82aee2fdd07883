/** The roles of the trajectory (DOMAIN.md, "The people"). */
export const ROLES = ['newcomer', 'buddy', 'coach', 'contact', 'admin'] as const;
export type Role = (typeof ROLES)[number];
