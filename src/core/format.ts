import type { Outbound } from './messages.js';

const RLM = '\u200f';

/**
 * Marks every line of right-to-left text with a right-to-left mark, so Arabic or Farsi lays out
 * right-to-left even when a line starts with a number or a Latin name (and when forwarded).
 */
export const directed = (text: string, direction: Outbound['direction']): string =>
  direction === 'rtl'
    ? text
        .split('\n')
        .map((l) => (l && !l.startsWith(RLM) ? RLM + l : l))
        .join('\n')
    : text;

/**
 * Plain-text rendering for channels without buttons (WhatsApp, console, SMS): the text, then the
 * choices as a numbered list ("1. Ja"), which people answer by sending the number. Right-to-left
 * text gets a right-to-left mark on each line.
 */
export const numberedText = (m: Outbound): string =>
  directed([m.text, ...(m.choices ?? []).map((c, i) => `${i + 1}. ${c.label}`)].join('\n'), m.direction);
