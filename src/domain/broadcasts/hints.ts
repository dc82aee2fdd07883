import type { Template } from '../../core/effects.js';
import { addressKey, hashTag, type Inbound } from '../../core/messages.js';
import type { WriteTx } from '../../core/store.js';
import { localDate } from '../dates.js';
import type { DataSchema } from '../schema.js';
import { gemeenteName } from '../municipalities.js';

/**
 * A member wrote in a gemeente-groep (where only the bot posts) without addressing the bot: at
 * most once a day they get a private message saying how to reach the bot. Only a hash of their
 * address and the time are kept (nothing readable about someone the bot may not know). Groups
 * that are not gemeente-groepen get nothing.
 */
export const groupChatterHint = (
  tx: WriteTx<DataSchema>,
  m: Inbound,
  o: { readonly now: Date; readonly timeZone: string },
): Template[] => {
  if (!m.unaddressed || !m.group) return [];
  const group = tx.list(
    'groups',
    (g) => g.address.channel === m.address.channel && g.address.chat === m.group,
  )[0];
  if (!group) return [];
  const id = hashTag(addressKey(m.address), 24);
  const last = tx.get('hints', id);
  const today = localDate(o.now, o.timeZone);
  if (last && localDate(new Date(last.at), o.timeZone) === today) return [];
  tx.put('hints', id, { v: 1, id, at: o.now.toISOString() });
  const gemeente = gemeenteName(tx, group.municipality);
  return [{ key: 'aanbod:group_hint', params: { gemeente } }];
};
