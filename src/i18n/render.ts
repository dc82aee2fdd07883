import type { Template } from '../core/effects.js';
import type { Outbound } from '../core/messages.js';
import type { Json } from '../core/store.js';
import type { I18n } from './i18n.js';
import { UNKNOWN_SENDER_LANGUAGES } from './languages.js';

/**
 * Renders a template for a recipient: in their language, or, for someone not known yet, in
 * Dutch, English, French and Arabic one after the other. `profile` adds the names the texts use
 * ({{name}}, {{coach}}, {{gemeente}}).
 */
export const renderTemplate = (
  i18n: I18n,
  template: Template,
  lng: string | null,
  profile: Readonly<Record<string, Json>> = {},
): Outbound => {
  const langs = lng ? [lng] : UNKNOWN_SENDER_LANGUAGES;
  const text = langs
    .map((l) => i18n.t(l, template.key, nested(i18n, l, { ...profile, ...template.params })))
    .join('\n\n');
  const params = { ...profile, ...template.params };
  const main = langs[0] ?? 'nl';
  const choices = template.choices?.map((c) => ({
    value: c.value,
    label: c.label ? i18n.t(c.lng ?? main, c.label, params) : (c.text ?? c.value),
  }));
  return {
    text,
    ...(choices?.length ? { choices } : {}),
    ...(template.media ? { media: template.media } : {}),
    direction: langs.length === 1 ? i18n.dir(main) : 'ltr',
  };
};

/** A parameter that is itself text: `{ $t: key, params }`, or a list of them (one per line). */
type Nested = { readonly $t: string; readonly params?: Readonly<Record<string, Json>> };
const isNested = (v: Json): v is Nested & Json =>
  !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, Json>)['$t'] === 'string';

/**
 * Renders nested text parameters in the recipient's language, so a domain action can return
 * "one line per offer type" without writing any text itself.
 */
const nested = (i18n: I18n, lng: string, params: Readonly<Record<string, Json>>): Record<string, Json> => {
  const out: Record<string, Json> = {};
  const one = (v: Nested): string => i18n.t(lng, v.$t, nested(i18n, lng, v.params ?? {}));
  for (const [k, v] of Object.entries(params)) {
    if (isNested(v)) out[k] = one(v);
    else if (Array.isArray(v) && v.length > 0 && v.every(isNested))
      out[k] = v.map((x) => one(x as Nested)).join('\n');
    else out[k] = v;
  }
  return out;
};
