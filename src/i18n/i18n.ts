import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n as I18nInstance, type Resource } from 'i18next';
import { CodedError } from '../core/errors.js';
import type { Json } from '../core/store.js';
import type { WordMatcher } from '../flows/context.js';
import { normalizeWord } from '../parsing/normalize.js';
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES } from './languages.js';

/** Text in every shipped language, through i18next. */
export interface I18n {
  readonly languages: readonly string[];
  t(lng: string, key: string, params?: Readonly<Record<string, Json>>): string;
  /** True when `key` exists in `lng` (without falling back to Dutch). */
  has(key: string, lng?: string): boolean;
  dir(lng: string): 'ltr' | 'rtl';
  readonly words: WordMatcher;
  /** The raw resources, for the locale coverage test. */
  readonly resources: Resource;
}

/** Reads `locales/<lng>/<ns>.json` for every shipped language and namespace. A bad file stops start-up. */
export const loadResources = (dir: string): Resource => {
  const resources: Resource = {};
  for (const lng of LANGUAGES) {
    resources[lng] = {};
    for (const ns of NAMESPACES) {
      const file = join(dir, lng, `${ns}.json`);
      if (!existsSync(file)) continue;
      try {
        resources[lng][ns] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> as never;
      } catch (cause) {
        throw new CodedError('LOCALE_INVALID', `${file} is not valid JSON; fix the file (${String(cause)})`, {
          cause,
          context: { file },
        });
      }
    }
  }
  return resources;
};

/** Creates the i18n service over loaded resources. Synchronous: everything is in memory. */
export const createI18n = (resources: Resource): I18n => {
  const inst: I18nInstance = i18next.createInstance();
  void inst.init({
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  addFormatters(inst);
  const wordCache = new Map<string, Set<string>>();
  const wordsOf = (key: string): Set<string> => {
    let set = wordCache.get(key);
    if (!set) {
      set = new Set(
        LANGUAGES.flatMap((lng) =>
          inst.exists(key, { lng, fallbackLng: false }) ? inst.t(key, { lng }).split(',') : [],
        )
          .map(normalizeWord)
          .filter(Boolean),
      );
      wordCache.set(key, set);
    }
    return set;
  };
  return {
    languages: LANGUAGES,
    resources,
    t: (lng, key, params = {}) => inst.t(key, { ...params, lng }),
    has: (key, lng = DEFAULT_LANGUAGE) => inst.exists(key, { lng, fallbackLng: false }),
    dir: (lng) => inst.dir(lng),
    words: { is: (key, text) => wordsOf(key).has(normalizeWord(text)) },
  };
};

/** Belgian variants where they exist, so dates read "di 17/11" rather than "di 11/17". */
const REGION: Readonly<Record<string, string>> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-BE' };
const locale = (lng: string) => REGION[lng] ?? lng;

/**
 * Formatters for texts: `{{minutes, hours}}` ("2,5 uur", "2.5 hr") and `{{date, day}}` for a
 * YYYY-MM-DD local date ("di 17/11"). Latin digits everywhere, like the numbered choices.
 */
const addFormatters = (inst: I18nInstance): void => {
  inst.services.formatter?.add('hours', (value: unknown, lng: string | undefined) =>
    new Intl.NumberFormat(locale(lng ?? DEFAULT_LANGUAGE), {
      style: 'unit',
      unit: 'hour',
      unitDisplay: 'short',
      maximumFractionDigits: 2,
      numberingSystem: 'latn',
    }).format(Number(value) / 60),
  );
  inst.services.formatter?.add('day', (value: unknown, lng: string | undefined) => {
    const d = new Date(`${String(value)}T12:00:00Z`);
    if (Number.isNaN(d.getTime())) return String(value);
    return new Intl.DateTimeFormat(locale(lng ?? DEFAULT_LANGUAGE), {
      weekday: 'short',
      day: 'numeric',
      month: 'numeric',
      timeZone: 'UTC',
      numberingSystem: 'latn',
    }).format(d);
  });
};
