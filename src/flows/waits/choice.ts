import type { TemplateChoice } from '../../core/effects.js';
import type { Json } from '../../core/store.js';
import { parseWholeNumber } from '../../parsing/normalize.js';
import type { RunContext } from '../context.js';
import type { Wait } from '../schema.js';
import type { WaitHandler } from './types.js';

type ChoiceWait = Extract<Wait, { type: 'choice' }>;
interface Option {
  readonly value: string;
  readonly choice: TemplateChoice;
  readonly keywords?: string;
  readonly next?: string;
}

/** Dynamic options (from a variable: `[{ value, text }]`) first, then the fixed ones. */
const optionsOf = (w: ChoiceWait, ctx: RunContext): Option[] => {
  const dynamic = w.options_from ? ctx.state.vars[w.options_from] : undefined;
  const fromVar: Option[] = Array.isArray(dynamic)
    ? dynamic.flatMap((d: Json) => {
        if (!d || typeof d !== 'object' || Array.isArray(d)) return [];
        const value = String(d['value'] ?? '');
        return value ? [{ value, choice: { value, text: String(d['text'] ?? value) } }] : [];
      })
    : [];
  const fixed: Option[] = w.options.map((o) => ({
    value: o.value,
    choice: { value: o.value, label: o.label, ...(o.label_lng ? { lng: o.label_lng } : {}) },
    ...(o.keywords ? { keywords: o.keywords } : {}),
    ...(o.next ? { next: o.next } : {}),
  }));
  return [...fromVar, ...fixed];
};

/**
 * A numbered choice. Accepts a button press, the option's number (also in Arabic or Persian
 * digits), or one of the option's keywords in any shipped language. With `other`, free text
 * that picks no option is passed on instead of counting as a miss.
 */
export const choice: WaitHandler<'choice'> = {
  prompt: (w, ctx) => ({ key: w.prompt, choices: optionsOf(w, ctx).map((o) => o.choice) }),
  match: (w, input, ctx) => {
    const options = optionsOf(w, ctx);
    const pick = (i: number) => {
      const o = options[i];
      return o ? ({ ok: true, value: o.value, next: o.next ?? w.next } as const) : ({ ok: false } as const);
    };
    if (input.kind === 'choice') return pick(options.findIndex((o) => o.value === input.choice));
    const text = input.kind === 'text' ? input.text : input.kind === 'media' ? (input.caption ?? '') : '';
    const n = parseWholeNumber(text);
    if (n !== null && n >= 1 && n <= options.length) return pick(n - 1);
    const byWord = options.findIndex((o) => o.keywords !== undefined && ctx.env.words.is(o.keywords, text));
    if (byWord >= 0) return pick(byWord);
    if (w.other && text.trim())
      return { ok: true, value: text.trim().slice(0, 500), next: w.other.next, var: w.other.var };
    return { ok: false };
  },
};
