import type { Ids } from '../../core/clock.js';
import type { CommandResult } from '../../core/commands.js';
import type { WriteTx } from '../../core/store.js';
import { decideErasure } from '../privacy/requests.js';
import type { DataSchema, Person } from '../schema.js';
import { splitArgs } from './args.js';

const DECISIONS: Readonly<Record<string, 'confirm' | 'reject'>> = {
  confirm: 'confirm',
  bevestig: 'confirm',
  ja: 'confirm',
  reject: 'reject',
  weiger: 'reject',
  nee: 'reject',
};

/**
 * `forget confirm|reject <request id>`: the coach's answer to a "vergeet mij" request (the
 * buttons of the request message run it). Confirm erases the person everywhere at once; the reply
 * never names them (it is written after they are forgotten). Refusals are replies.
 */
export const forgetStaffCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  line: string,
  o: { readonly now: Date; readonly ids: Ids; readonly via: string },
): CommandResult => {
  const { words } = splitArgs(line);
  const decision = DECISIONS[(words[0] ?? '').toLocaleLowerCase()];
  const id = words[1] ?? '';
  if (!decision || !id) return { replies: [{ key: 'privacy:coach.forget_usage' }] };
  const r = decideErasure(tx, staff, id, decision, o);
  if (!r.ok) return { replies: [{ key: `privacy:coach.forget_${r.reason}`, params: { id } }] };
  if (r.decision === 'reject')
    return { replies: [{ key: 'privacy:coach.forget_rejected' }], effects: r.effects };
  return {
    replies: [{ key: 'privacy:coach.forget_done', params: { kept: r.report?.keptEntries ?? 0 } }],
    effects: r.effects,
  };
};
