import type { DomainAction } from '../../core/actions.js';
import type { DataSchema } from '../schema.js';

/** Routes menus: the person's role, or `no_consent` while they have not agreed to the privacy text. */
export const whoami: DomainAction<DataSchema> = ({ tx, personId }) => {
  const p = personId ? tx.get('people', personId) : undefined;
  if (!p) return { outcome: 'no_person' };
  if (!p.consent?.given) return { outcome: 'no_consent' };
  return { outcome: p.role };
};
