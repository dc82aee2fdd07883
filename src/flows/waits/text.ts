import type { WaitHandler } from './types.js';

/** Free text, trimmed, not empty and not longer than `max_length`. */
export const text: WaitHandler<'text'> = {
  prompt: (w) => ({ key: w.prompt }),
  match: (w, input) => {
    const t =
      input.kind === 'text' ? input.text.trim() : input.kind === 'media' ? (input.caption ?? '').trim() : '';
    if (t.length === 0 || t.length > w.max_length) return { ok: false };
    return { ok: true, value: t, next: w.next };
  },
};
