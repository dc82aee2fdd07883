import { describe, expect, it } from 'vitest';
import type { ReadTx } from '../../src/core/store.js';
import { seedDemo, type DataSchema } from '../../src/domain/index.js';
import { panePeople } from '../../src/web/simulator/demo.js';
import { memoryStore } from '../helpers/store.js';

/** What panes showed before invites were read in one pass: a scan per person, the last unused one. */
const scanPerPerson = (tx: ReadTx<DataSchema>) =>
  tx
    .list('people', (x) => !x.erasedAt)
    .map((p) => {
      const invite = tx.list('invites', (i) => i.personId === p.id && !i.usedAt).at(-1);
      return {
        name: p.name,
        code: invite ? `${invite.code.slice(0, 4)}-${invite.code.slice(4)}` : undefined,
      };
    });

describe('panePeople', () => {
  it("shows each person's latest unused invite code, as a scan per person did", async () => {
    const store = memoryStore();
    const now = new Date('2026-11-23T09:00:00Z');
    await store.transact((tx) => seedDemo(tx, now, ['nl', 'en', 'fr', 'ar', 'uk', 'ru', 'tr', 'fa']));
    const someone = await store.read((tx) => tx.list('invites', (i) => !i.usedAt)[0]!);
    await store.transact((tx) => {
      const at = now.toISOString();
      const base = {
        v: 1,
        personId: someone.personId,
        createdAt: at,
        expiresAt: at,
        createdBy: 'test',
      } as const;
      tx.put('invites', 'USED2345', { ...base, code: 'USED2345', usedAt: at });
      tx.put('invites', 'LATE5678', { ...base, code: 'LATE5678', usedAt: null });
    });
    const [shown, expected] = await store.read((tx) => [panePeople(tx), scanPerPerson(tx)] as const);
    const byName = new Map(shown.map((p) => [p.name, p.code]));
    for (const e of expected) expect(byName.get(e.name), e.name).toBe(e.code);
    expect(shown.filter((p) => p.code === 'LATE-5678')).toHaveLength(1);
    expect(shown.some((p) => p.code)).toBe(true);
  });
});
