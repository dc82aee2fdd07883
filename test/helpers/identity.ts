import type { Address } from '../../src/core/messages.js';
import { addressKey } from '../../src/core/messages.js';
import type { WriteTx } from '../../src/core/store.js';
import type { DataSchema } from '../../src/domain/index.js';

/** Links a chat address to a person (as redeeming an invite code does). */
export const link = (tx: WriteTx<DataSchema>, personId: string, address: Address, now: Date): void =>
  tx.put('identities', addressKey(address), { v: 1, address, personId, linkedAt: now.toISOString() });

/** Makes `address` the person's only chat (e.g. coach Lotte works in Slack: her Slack DM). */
export const onlyChat = (tx: WriteTx<DataSchema>, personId: string, address: Address, now: Date): void => {
  for (const i of tx.list('identities', (x) => x.personId === personId))
    tx.delete('identities', addressKey(i.address));
  link(tx, personId, address, now);
};
