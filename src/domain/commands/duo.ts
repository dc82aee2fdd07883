import type { Ids } from '../../core/clock.js';
import type { Template } from '../../core/effects.js';
import type { WriteTx } from '../../core/store.js';
import type { DataSchema, Person } from '../schema.js';

export interface DuoCommandSettings {
  readonly now: Date;
  readonly ids: Ids;
  readonly timeZone: string;
}

/** `duo add|pause|resume|end|list …` for coaches (the same as the CLI's `duo` commands). */
export const duoCommand = (
  _tx: WriteTx<DataSchema>,
  _staff: Person,
  _line: string,
  _s: DuoCommandSettings,
): Template[] => [{ key: 'staff:help' }];
