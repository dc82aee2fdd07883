import type { WriteTx } from '../../core/store.js';
import { digestActivities } from '../activities/index.js';
import type { Activity } from '../activities/types.js';
import type { DataSchema } from '../schema.js';

/** The digest's activities: the catalogue's choice for the gemeente and week (criteria met or overridden). */
export const digestSelection = (
  tx: WriteTx<DataSchema>,
  o: { municipality: string; from: Date; to: Date },
): Activity[] => digestActivities(tx, o);
