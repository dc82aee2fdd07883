import type { Outbound } from './messages.js';

const RLM = '\u200f';

/**
 * Plain-text rendering for channels without buttons (WhatsApp, console, SMS): the text, then the
 * choices as a numbered list ("1. Ja"), which people answer by sending the number. Right-to-left
 * text gets a right-to-left mark on each line so it lays out correctly when forwarded.
 */
export const numberedText = (m: Outbound): string => {
  const lines = [m.text, ...(m.choices ?? []).map((c, i) => `${i + 1}. ${c.label}`)];
  const text = lines.join('\n');
  return m.direction === 'rtl'
    ? text
        .split('\n')
        .map((l) => (l ? RLM + l : l))
        .join('\n')
    : text;
};
