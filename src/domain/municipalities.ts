import { z } from 'zod';
import type { WriteTx } from '../core/store.js';
import type { DataSchema, Municipality } from './schema.js';

export const newMunicipalityInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, 'lower-case letters, digits and -, e.g. "sint-niklaas"'),
  name: z.string().trim().min(2).max(80),
});

export type AddMunicipalityResult =
  | { readonly ok: true; readonly municipality: Municipality }
  | {
      readonly ok: false;
      readonly exists?: true;
      readonly problems: readonly { field: string; message: string }[];
    };

/** Adds a gemeente the deployment serves. */
export const addMunicipality = (
  tx: WriteTx<DataSchema>,
  input: z.input<typeof newMunicipalityInput>,
): AddMunicipalityResult => {
  const parsed = newMunicipalityInput.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    };
  if (tx.get('municipalities', parsed.data.id)) return { ok: false, exists: true, problems: [] };
  const municipality: Municipality = { v: 1, ...parsed.data };
  tx.put('municipalities', municipality.id, municipality);
  return { ok: true, municipality };
};
