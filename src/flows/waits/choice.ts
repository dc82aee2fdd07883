import { parseWholeNumber } from '../../parsing/normalize.js';
import { resolveParams } from '../context.js';
import type { WaitHandler } from './types.js';

/**
 * A numbered choice. Accepts a button press, the option's number (also in Arabic or Persian
 * digits), or one of the option's keywords in any shipped language.
 */
export const choice: WaitHandler<'choice'> = {
  prompt: (w, ctx) => ({
    key: w.prompt,
    params: resolveParams({}, ctx.state.vars),
    choices: w.options.map((o) => ({
      value: o.value,
      label: o.label,
      ...(o.label_lng ? { lng: o.label_lng } : {}),
    })),
  }),
  match: (w, input, ctx) => {
    const pick = (i: number) => {
      const o = w.options[i];
      return o ? ({ ok: true, value: o.value, next: o.next ?? w.next } as const) : ({ ok: false } as const);
    };
    if (input.kind === 'choice') return pick(w.options.findIndex((o) => o.value === input.choice));
    const text = input.kind === 'text' ? input.text : input.kind === 'media' ? (input.caption ?? '') : '';
    const n = parseWholeNumber(text);
    if (n !== null) return pick(n - 1);
    const byWord = w.options.findIndex((o) => o.keywords !== undefined && ctx.env.words.is(o.keywords, text));
    return byWord >= 0 ? pick(byWord) : { ok: false };
  },
};
