/**
 * The first step of reading an hours message: a normalised copy of the text that remembers where
 * each character came from (so the activity and the name keep the writer's spelling), cut into
 * tokens. Everything after this step compares tokens, never runs regexes over the whole text, so
 * no input can make the parser backtrack.
 */
import { normalizeDigits } from '../normalize.js';

/** Control characters, zero-width and bidirectional marks (RTL/LTR, ZWNJ) all become a space. */
const SPACE_LIKE = /[\s\p{Cc}\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/u;
/** Accents, Arabic diacritics and the tatweel: dropped after canonical decomposition. */
const DROP = /[\u0300-\u036f\u064b-\u065f\u0670\u0640]/u;
/**
 * One spelling for letters people type interchangeably: Arabic and Persian yeh/kaf, teh marbuta,
 * Turkish dotless i, apostrophes, dashes and the minute sign.
 */
const SAME: Readonly<Record<string, string>> = {
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ة: 'ه',
  ı: 'i',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '`': "'",
  '´': "'",
  '′': "'",
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '،': ',',
};

/** One character in comparable form (may be empty, or two characters for some ligatures). */
const normalizeChar = (ch: string): string => {
  if (SPACE_LIKE.test(ch)) return ' ';
  let out = '';
  for (const c of normalizeDigits(ch).toLowerCase().normalize('NFD')) if (!DROP.test(c)) out += SAME[c] ?? c;
  return out;
};
/** Messages repeat the same few letters: each is normalised once. */
const SEEN = new Map<string, string>();

/** A message in comparable form: `norm[k]` came from `text.slice(from[k], to[k])`. */
export interface Prepared {
  readonly text: string;
  readonly norm: string;
  readonly from: readonly number[];
  readonly to: readonly number[];
}

/** Lower case, ASCII digits, no accents or diacritics, one spelling per letter; offsets kept. */
export const prepare = (text: string): Prepared => {
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  const push = (s: string, a: number, b: number) => {
    norm += s;
    for (let k = 0; k < s.length; k++) {
      from.push(a);
      to.push(b);
    }
  };
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const next = i + (cp > 0xffff ? 2 : 1);
    if (cp < 0x80) {
      // the common case, kept cheap: ASCII letters, digits and punctuation
      if (cp <= 0x20 || cp === 0x7f) push(' ', i, next);
      else if (cp >= 0x41 && cp <= 0x5a) push(String.fromCharCode(cp + 32), i, next);
      else push(text[i] === '`' ? "'" : (text[i] ?? ''), i, next);
    } else {
      const ch = text.slice(i, next);
      let out = SEEN.get(ch);
      if (out === undefined) {
        out = normalizeChar(ch);
        if (SEEN.size > 4096) SEEN.clear();
        SEEN.set(ch, out);
      }
      push(out, i, next);
    }
    i = next;
  }
  return { text, norm, from, to };
};

export type TokenKind = 'num' | 'word' | 'sym';

/** A run of digits, a word (letters, with inner ' or -), or one other visible character. */
export interface Token {
  readonly kind: TokenKind;
  readonly s: string;
  /** offsets in `norm` */
  readonly start: number;
  readonly end: number;
  /** whitespace (or the start of the text) comes right before it */
  readonly gap: boolean;
}

const TOKEN = /(\d+)|([\p{L}\p{M}]+(?:['-][\p{L}\p{M}]+)*)|(\S)/gu;

export const tokenize = (norm: string): Token[] => {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(norm); m; m = TOKEN.exec(norm)) {
    const start = m.index;
    tokens.push({
      kind: m[1] ? 'num' : m[2] ? 'word' : 'sym',
      s: m[0],
      start,
      end: start + m[0].length,
      gap: start === 0 || norm[start - 1] === ' ',
    });
  }
  return tokens;
};

/** The writer's own text behind a token. */
export const original = (p: Prepared, t: Token): string =>
  p.text.slice(p.from[t.start] ?? 0, p.to[t.end - 1] ?? p.text.length);

export interface PhraseHit<T> {
  readonly value: T;
  /** index of the first token after the phrase */
  readonly end: number;
}

/** Words or fixed phrases ("en een half", "quart d'heure") looked up at a token position. */
export interface PhraseTable<T> {
  at(tokens: readonly Token[], i: number): PhraseHit<T> | null;
  /** the words a phrase can start with */
  readonly firsts: ReadonlySet<string>;
}

/**
 * A lookup table of phrases, normalised and tokenised exactly like messages are, so tables may
 * be written with accents, Arabic-Indic digits or either Arabic/Persian yeh. The longest phrase wins.
 */
export const phraseTable = <T>(entries: Iterable<readonly [string, T]>): PhraseTable<T> => {
  const byFirst = new Map<string, { words: string[]; value: T }[]>();
  for (const [phrase, value] of entries) {
    const words = tokenize(prepare(phrase).norm).map((t) => t.s);
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    byFirst.set(first, list);
  }
  return {
    firsts: new Set(byFirst.keys()),
    at(tokens, i) {
      const list = byFirst.get(tokens[i]?.s ?? '');
      if (!list) return null;
      for (const { words, value } of list)
        if (words.every((w, k) => tokens[i + k]?.s === w)) return { value, end: i + words.length };
      return null;
    },
  };
};

/** `each(v, 'a|b c')` -> `[['a', v], ['b c', v]]`: one value for many spellings and languages. */
export const each = <T>(value: T, phrases: string): [string, T][] =>
  phrases
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => [p, value]);
