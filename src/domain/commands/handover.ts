import type { CommandResult } from '../../core/commands.js';
import type { Template } from '../../core/effects.js';
import type { WriteTx } from '../../core/store.js';
import { authorize } from '../access/policy.js';
import { closeHandover } from '../handover/handovers.js';
import type { DataSchema, Person } from '../schema.js';
import { splitArgs } from './args.js';
import { personName } from '../people.js';

/** What the first word after `handover` means, in Dutch and English. */
const ACTIONS: Readonly<Record<string, 'close' | 'list'>> = {
  close: 'close',
  sluit: 'close',
  sluiten: 'close',
  klaar: 'close',
  list: 'list',
  lijst: 'list',
};

/** Most handovers in one list. */
const MAX_LINES = 30;

/**
 * `/netwerkbot handover close <id>` (the button under the coach's first post, or typed): closes
 * the handover; the person is told in their language and the bot answers them again.
 * `/netwerkbot handover` lists the open handovers the staff member may answer. Refusals
 * (unknown id, closed already, out of scope) are replies.
 */
export const handoverCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  args: string,
  o: { readonly now: Date },
): CommandResult => {
  const { words } = splitArgs(args);
  const action = ACTIONS[(words[0] ?? 'list').toLocaleLowerCase()];
  const reply = (...replies: Template[]): CommandResult => ({ replies });
  if (action === 'list') {
    const open = tx
      .list('handovers', (h) => h.status === 'open')
      .filter((h) => authorize(tx, staff, 'handover.reply', { personId: h.personId }).ok)
      .sort((x, y) => x.openedAt.localeCompare(y.openedAt));
    if (!open.length) return reply({ key: 'handover:list_none' });
    const lines = open.slice(0, MAX_LINES).map((h) => ({
      $t: 'handover:list_line',
      params: {
        id: h.id,
        person: personName(tx, h.personId) ?? '?',
        why: { $t: `handover:why.${h.reason}` },
      },
    }));
    return reply({ key: 'handover:list', params: { lines, count: open.length } });
  }
  if (action !== 'close' || !words[1]) return reply({ key: 'handover:usage' });
  const h = tx.get('handovers', words[1]);
  if (!h) return reply({ key: 'handover:unknown', params: { id: words[1].slice(0, 40) } });
  if (!authorize(tx, staff, 'handover.reply', { personId: h.personId }).ok)
    return reply({ key: 'handover:not_allowed' });
  const person = personName(tx, h.personId) ?? '?';
  if (h.status !== 'open') return reply({ key: 'handover:already_closed_named', params: { person } });
  closeHandover(tx, h, o.now);
  return {
    replies: [{ key: 'handover:closed_coach', params: { person } }],
    effects: [
      {
        type: 'notify',
        personId: h.personId,
        template: { key: 'handover:closed_person', params: { coach: staff.name } },
      },
    ],
  };
};
