import { describe, expect, it } from 'vitest';
import { createSeededIds } from '../../src/core/clock.js';
import {
  addMunicipality,
  checkInvite,
  COLLECTIONS,
  createPerson,
  DATA_VERSION,
  MIGRATIONS,
  parseInviteCode,
  type DataSchema,
} from '../../src/domain/index.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { createMemoryStore } from '../../src/store/index.js';

const now = new Date('2026-11-23T09:00:00Z');
const ctx = { now, ids: createSeededIds(5), actor: 'cli', inviteTtlDays: 14, languages: LANGUAGES };
const fresh = async () => {
  const store = createMemoryStore<DataSchema>({
    schemaVersion: DATA_VERSION,
    migrations: MIGRATIONS,
    collections: COLLECTIONS,
  });
  await store.transact((tx) => addMunicipality(tx, { id: 'gent', name: 'Gent' }));
  return store;
};

describe('people and invite codes', () => {
  it('creates a person with a single-use code that expires', async () => {
    const store = await fresh();
    const r = await store.transact((tx) =>
      createPerson(tx, { name: 'Amina', role: 'newcomer', municipality: 'gent', lang: 'ar' }, ctx),
    );
    if (!r.ok) throw new Error('expected ok');
    expect(r.printableCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(r.invite.expiresAt).toBe('2026-12-07T09:00:00.000Z');
    expect(r.person).toMatchObject({ consent: null, broadcasts: true, lang: 'ar', coachId: null });
    expect(Object.keys(r.person)).not.toContain('phone');
    await store.read((tx) => {
      expect(checkInvite(tx, r.invite.code, now)).toMatchObject({ ok: true });
      expect(checkInvite(tx, r.invite.code, new Date('2026-12-07T09:00:00Z'))).toEqual({
        ok: false,
        reason: 'expired',
      });
      expect(checkInvite(tx, 'AAAA2222', now)).toEqual({ ok: false, reason: 'unknown' });
    });
  });

  it('reports every wrong field and stores nothing', async () => {
    const store = await fresh();
    const r = await store.transact((tx) =>
      createPerson(
        tx,
        { name: 'X', role: 'newcomer', municipality: 'nergens', lang: 'xx', coach: 'Bob' },
        ctx,
      ),
    );
    expect(r).toMatchObject({ ok: false });
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(['municipality', 'lang', 'coach']);
    expect(await store.read((tx) => tx.count('people') + tx.count('invites'))).toBe(0);
  });

  it('reads codes typed loosely, and never mistakes a word for a code', () => {
    expect(parseInviteCode(' k7qp 2mxa ')).toBe('K7QP2MXA');
    expect(parseInviteCode('K7QP-2MXA')).toBe('K7QP2MXA');
    expect(parseInviteCode('whatsapp')).toBeNull();
    expect(parseInviteCode('ZATERDAG')).toBeNull();
    expect(parseInviteCode('K7QP-2MX')).toBeNull();
    expect(parseInviteCode('K7QP-2MX0')).toBeNull(); // 0 is not in the alphabet
  });
});
