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
  const params = { ...profile, ...template.params };
  const langs = lng ? [lng] : UNKNOWN_SENDER_LANGUAGES;
  const text = langs.map((l) => i18n.t(l, template.key, params)).join('\n\n');
  const main = langs[0] ?? 'nl';
  const choices = template.choices?.map((c) => ({
    value: c.value,
    label: i18n.t(c.lng ?? main, c.label, params),
  }));
  return {
    text,
    ...(choices?.length ? { choices } : {}),
    direction: langs.length === 1 ? i18n.dir(main) : 'ltr',
  };
};
