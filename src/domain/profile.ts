import type { Json, ReadTx } from '../core/store.js';
import type { DataSchema } from './schema.js';
import { gemeenteName } from './municipalities.js';

/**
 * The names a message may use for a person: {{name}}, {{coach}} (their coach's name, or the
 * gemeente when there is no coach yet), {{gemeente}}, {{lang}}.
 */
export const profileOf = (tx: ReadTx<DataSchema>, personId: string): Record<string, Json> => {
  const p = tx.get('people', personId);
  if (!p) return {};
  const gemeente = gemeenteName(tx, p.municipality);
  const coach = p.coachId ? tx.get('people', p.coachId)?.name : undefined;
  return { name: p.name, gemeente, coach: coach ?? gemeente, lang: p.lang, role: p.role };
};
