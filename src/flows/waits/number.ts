import { parseDecimal } from '../../parsing/normalize.js';
import type { WaitHandler } from './types.js';

/** A number within optional bounds, typed with a comma or a point, in any digits. */
export const number: WaitHandler<'number'> = {
  prompt: (w) => ({ key: w.prompt, params: { min: w.min ?? null, max: w.max ?? null } }),
  match: (w, input) => {
    if (input.kind !== 'text') return { ok: false };
    const n = parseDecimal(input.text);
    if (n === null || (w.min !== undefined && n < w.min) || (w.max !== undefined && n > w.max))
      return { ok: false };
    return { ok: true, value: n, next: w.next };
  },
};
