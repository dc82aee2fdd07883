/**
 * Normalising what people type before matching: many newcomers type on phones set to Arabic or
 * Persian digits, add punctuation or capitals, or write accents inconsistently.
 */

const DIGIT_BLOCKS = [
  0x0660 /* Arabic-Indic */, 0x06f0 /* Extended (Persian, Urdu) */, 0x0966 /* Devanagari */,
];

/** Turns Arabic-Indic, Persian and Devanagari digits into ASCII digits, and ٫ into a comma. */
export const normalizeDigits = (text: string): string =>
  text
    .replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/g, (d) => {
      const cp = d.codePointAt(0) ?? 0;
      const base = DIGIT_BLOCKS.find((b) => cp >= b && cp <= b + 9) ?? cp;
      return String(cp - base);
    })
    .replace(/\u066b/g, ',');

/**
 * A word for comparison: digits normalised, lower case, accents and Arabic diacritics removed,
 * surrounding punctuation and spaces trimmed, inner spaces collapsed.
 */
export const normalizeWord = (text: string): string =>
  normalizeDigits(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .toLocaleLowerCase('und')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, ' ');

/** A whole number typed on its own ("2", " ٢ ", "2."), or null. */
export const parseWholeNumber = (text: string): number | null => {
  const m = /^\s*(\d{1,6})\s*[.)]?\s*$/.exec(normalizeDigits(text));
  return m ? Number(m[1]) : null;
};

/** A number with a decimal point or comma ("1,5", "2.25"), or null. */
export const parseDecimal = (text: string): number | null => {
  const m = /^\s*(-?\d{1,9}(?:[.,]\d{1,4})?)\s*$/.exec(normalizeDigits(text));
  return m ? Number(m[1]!.replace(',', '.')) : null;
};
