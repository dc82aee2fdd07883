/**
 * Conversions between the live maps and the raw {@link DataImage} that migrations work on, and
 * the migration runner both stores share.
 */
import { CodedError } from '../core/errors.js';
import type { DataImage, Json, StoreOptions } from './port.js';
import { deepFreeze, emptyCollections, type Collections } from './tx.js';

/** A mutable deep copy of the maps as a DataImage. */
export const toImage = (data: Collections, schemaVersion: number): DataImage => {
  const collections: DataImage['collections'] = {};
  for (const [c, m] of data) collections[c] = structuredClone(Object.fromEntries(m)) as Record<string, Json>;
  return { schemaVersion, collections };
};

/** Maps holding the image's records, frozen; declared collections come first, in their order. */
export const fromImage = (image: DataImage, names: readonly string[]): Collections => {
  const data = emptyCollections(names);
  for (const [c, recs] of Object.entries(image.collections)) {
    const m = data.get(c) ?? new Map<string, Json>();
    data.set(c, m);
    for (const [k, v] of Object.entries(recs)) m.set(k, deepFreeze(v));
  }
  return data;
};

/** Throws STORE_VERSION when data was written by newer code than this. */
export const assertNotNewer = (found: number, o: StoreOptions, where: string): void => {
  if (found > o.schemaVersion) {
    throw new CodedError(
      'STORE_VERSION',
      `${where} has schema version ${found}, but this Netwerkbot only knows up to version ` +
        `${o.schemaVersion}. Run the newer Netwerkbot that wrote it, or restore an older backup.`,
      { context: { where, found, supported: o.schemaVersion } },
    );
  }
};

/**
 * Applies `o.migrations` in order until the image reaches `o.schemaVersion`. Each migration gets
 * an image it may change or replace; the runner stamps the new version. A missing step throws
 * STORE_VERSION (a bug in the release: a migration was not registered).
 */
export const migrateImage = (image: DataImage, o: StoreOptions, where: string): DataImage => {
  assertNotNewer(image.schemaVersion, o, where);
  let current = image;
  for (let v = image.schemaVersion; v < o.schemaVersion; v++) {
    const step = o.migrations.find((m) => m.from === v);
    if (step === undefined) {
      throw new CodedError(
        'STORE_VERSION',
        `${where} has schema version ${v} and no migration from ${v} to ${v + 1} is registered. ` +
          `Add the migration to the store options.`,
        { context: { where, from: v, target: o.schemaVersion } },
      );
    }
    current = { ...step.migrate(current), schemaVersion: v + 1 };
  }
  return current;
};
