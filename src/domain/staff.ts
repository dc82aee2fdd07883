import type { Person } from './schema.js';

/** Staff who may use the staff command and manage the trajectory: coaches and admins. */
export const isStaff = (p: Person | undefined): p is Person => p?.role === 'coach' || p?.role === 'admin';

/**
 * The gemeenten a staff member works for: a coach their own; an admin every gemeente (an admin
 * sets up the whole instance).
 */
export const inScope = (staff: Person, municipality: string): boolean =>
  staff.role === 'admin' || staff.municipality === municipality;
