import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent, ROOT } from '../../src/app.js';
import { LANGUAGES, NAMESPACES } from '../../src/i18n/index.js';
import { normalizeWord } from '../../src/parsing/normalize.js';

const { i18n, flows } = loadContent();
const PLURAL = /_(zero|one|two|few|many|other)$/;

const flatten = (o: unknown, prefix = ''): Record<string, string> =>
  Object.entries(o as Record<string, unknown>).reduce<Record<string, string>>((acc, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') Object.assign(acc, flatten(v, key));
    else acc[key] = String(v);
    return acc;
  }, {});

const keysOf = (lng: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const ns of NAMESPACES) {
    const res = (i18n.resources[lng] ?? {})[ns];
    for (const [k, v] of Object.entries(flatten(res ?? {}))) out[`${ns}:${k}`] = v;
  }
  return out;
};
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const nl = keysOf('nl');

  it('ships a folder for every language and nothing else', () => {
    expect(readdirSync(`${ROOT}locales`).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((l) => l !== 'nl'))(
    '%s has every key of nl, with the same placeholders',
    (lng) => {
      const other = keysOf(lng);
      const missing: string[] = [];
      for (const [key, text] of Object.entries(nl)) {
        if (PLURAL.test(key)) {
          const base = key.replace(PLURAL, '');
          for (const cat of new Intl.PluralRules(lng).resolvedOptions().pluralCategories)
            if (!other[`${base}_${cat}`]) missing.push(`${base}_${cat}`);
          continue;
        }
        if (!other[key]) missing.push(key);
        else expect(placeholders(other[key]), `${lng} ${key}`).toEqual(placeholders(text));
      }
      expect([...new Set(missing)]).toEqual([]);
      const extra = Object.keys(other).filter(
        (k) =>
          !nl[k] && !(PLURAL.test(k) && Object.keys(nl).some((n) => n.startsWith(k.replace(PLURAL, '')))),
      );
      expect(extra).toEqual([]);
    },
  );

  it('has every key that a flow uses, in every language', () => {
    const used = new Set<string>();
    for (const f of flows.all)
      for (const n of Object.values(f.nodes)) {
        for (const a of n.actions) if (a.type === 'send') used.add(a.text);
        if (n.wait) used.add(n.wait.prompt);
        if (n.wait?.type === 'choice')
          for (const o of n.wait.options) [o.label, o.keywords].forEach((k) => k && used.add(k));
      }
    const missing = LANGUAGES.flatMap((lng) =>
      [...used].filter((k) => !i18n.has(k, lng)).map((k) => `${lng} ${k}`),
    );
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });

  it('never uses one keyword for two meanings, across all languages', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const lng of LANGUAGES)
      for (const [key, list] of Object.entries(keysOf(lng)).filter(([k]) => k.startsWith('common:kw.')))
        for (const w of list.split(',').map(normalizeWord).filter(Boolean)) {
          const o = owner.get(w);
          if (o && o !== key) clashes.push(`"${w}" in ${o} and ${key} (${lng})`);
          owner.set(w, key);
          if (/^\d+$/.test(w)) clashes.push(`"${w}" is a number (${lng} ${key})`);
        }
    expect(clashes).toEqual([]);
  });

  it('marks Arabic and Farsi right-to-left', () => {
    expect(i18n.dir('ar')).toBe('rtl');
    expect(i18n.dir('fa')).toBe('rtl');
    expect(i18n.dir('uk')).toBe('ltr');
  });

  it('uses plurals through i18next', () => {
    expect(i18n.t('nl', 'cli:invite_valid', { count: 1, until: 'x' })).toBe(
      'De code is 1 dag geldig, tot x.',
    );
    expect(i18n.t('nl', 'cli:invite_valid', { count: 14, until: 'x' })).toBe(
      'De code is 14 dagen geldig, tot x.',
    );
  });

  it('keeps every locale file valid JSON', () => {
    for (const lng of LANGUAGES)
      for (const ns of NAMESPACES)
        expect(() => JSON.parse(readFileSync(`${ROOT}locales/${lng}/${ns}.json`, 'utf8'))).not.toThrow();
  });
});
