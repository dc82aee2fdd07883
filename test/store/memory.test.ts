/** The memory store's start from `initial` data: migrated like a file, newer data refused. */
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../src/core/errors.js';
import { createMemoryStore, type DataImage } from '../../src/store/index.js';
import { minutesToHours, options, type TestSchema } from './helpers.js';

const v1: DataImage = {
  schemaVersion: 1,
  collections: { people: { a: { name: 'Amina', minutes: 90 } }, legacy: { x: { kept: true } } },
};

describe('memory store initial data', () => {
  it('runs the migrations on older initial data and leaves the input alone', async () => {
    const store = createMemoryStore<TestSchema>({
      ...options,
      schemaVersion: 2,
      migrations: [minutesToHours],
      initial: v1,
    });
    expect(await store.read((tx) => tx.get('people', 'a'))).toEqual({ name: 'Amina', hours: 1.5 });
    expect(await store.read((tx) => tx.count('legacy' as 'people'))).toBe(1); // unknown collections are kept
    expect(v1.collections.people?.a).toEqual({ name: 'Amina', minutes: 90 });
    await store.close();
  });

  it('refuses initial data newer than the code, or a missing migration step', () => {
    const newer = { ...v1, schemaVersion: 3 };
    expect(() => createMemoryStore<TestSchema>({ ...options, schemaVersion: 2, initial: newer })).toThrow(
      expect.objectContaining({ code: 'STORE_VERSION' }) as Error,
    );
    const err = (() => {
      try {
        createMemoryStore<TestSchema>({ ...options, schemaVersion: 2, migrations: [], initial: v1 });
      } catch (e) {
        return e;
      }
    })();
    expect(isCodedError(err, 'STORE_VERSION')).toBe(true);
    expect((err as Error).message).toMatch(/no migration from 1 to 2/);
  });
});
