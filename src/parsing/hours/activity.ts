/**
 * What is left of a message once the duration and date are read: who it was with ("met Amina")
 * and the activity ("bib", "kringwinkel"). Deliberately simple: drop small filler words, keep
 * the other words as written, never translate.
 */
import { each, original, phraseTable, prepare, tokenize, type Prepared, type Token } from './text.js';

const words = (list: string): Set<string> =>
  new Set(list.split('|').flatMap((w) => tokenize(prepare(w).norm).map((t) => t.s)));

/** Small words that say nothing about the activity, per language. */
const FILLER = words(
  // nl
  'met|naar|de|het|een|n|in|op|bij|van|voor|om|en|ik|heb|had|ben|was|waren|we|wij|zijn|hebben|gedaan|' +
    'geweest|gegaan|samen|lang|ongeveer|rond|tot|er|ook|nog|mijn|m|aan|te|al|hier|' +
    // en
    'with|to|the|a|an|at|on|for|i|went|my|of|and|spent|did|have|about|around|together|me|' +
    // fr
    "avec|au|aux|la|le|les|l|du|des|d|un|une|j'ai|je|suis|ete|et|pour|chez|ai|j|environ|mon|ma|mes|" +
    'dernier|derniere|' +
    // es
    'con|al|el|los|las|y|fui|estuve|yo|por|mi|unos|unas|pasado|pasada|' +
    // ar
    'مع|الى|إلى|الي|في|و|انا|أنا|كنت|ذهبت|رحت|يوم|لمدة|مدة|حوالي|من|الماضي|' +
    // fa
    'با|به|در|من|رفتم|بودم|را|روز|حدود|تا|گذشته|' +
    // uk, ru
    'з|із|зі|до|в|у|на|і|й|я|був|була|ходив|ходила|протягом|близько|с|со|во|и|был|была|ходил|к|около|примерно|' +
    // tr
    'ile|ve|ben|da|gittim|boyunca|yaklaşık|günü|gün|' +
    // parts of the day, after a day ("gisteren morgen", "hier soir")
    'morgen|ochtend|voormiddag|middag|namiddag|avond|morning|afternoon|evening|night|matin|après-midi|soir|' +
    'mañana|tarde|noche|sabah|akşam',
);

/** Words before a name: "met Amina", "with Sara", "avec", "con", "مع", "با", "з", "с". */
const WITH = phraseTable<true>(
  each(true, 'met|samen met|with|together with|avec|con|mit|مع|با|з|із|зі|с|со'),
);
/** Turkish puts it after the name: "Amina ile". */
const WITH_AFTER = 'ile';
/** Not names, though they come after "met": "met mijn buddy", "with my friend". */
const NOT_NAME = words("mijn|m'n|zijn|haar|onze|my|his|her|our|mon|ma|mes|mi|mis|мой|моя|мій|моя|benim");

const isNameWord = (t: Token | undefined): t is Token =>
  t !== undefined && t.kind === 'word' && !FILLER.has(t.s) && !NOT_NAME.has(t.s);

const capitalised = (p: Prepared, t: Token): boolean => /^\p{Lu}/u.test(original(p, t));

export interface Described {
  readonly activity: string | null;
  readonly withName: string | null;
}

const MAX_ACTIVITY = 60;

/** The activity and the name in the tokens not `used` by the duration and date. */
export const describe = (p: Prepared, tokens: readonly Token[], used: readonly boolean[]): Described => {
  const taken = [...used];
  let withName: string | null = null;
  for (let k = 0; k < tokens.length && withName === null; k++) {
    if (taken[k]) continue;
    const intro = WITH.at(tokens, k);
    const name = intro ? tokens[intro.end] : undefined;
    if (intro && isNameWord(name) && !taken[intro.end]) {
      // "met Sara El Amrani": capitalised words after the first belong to the name (three at most)
      let end = intro.end + 1;
      // (small words too when capitalised: "El", "De", "Van")
      for (let t = tokens[end]; end < intro.end + 3 && t?.kind === 'word' && !taken[end]; t = tokens[++end])
        if (!capitalised(p, name) || !capitalised(p, t)) break;
      withName = tokens
        .slice(intro.end, end)
        .map((t) => original(p, t))
        .join(' ');
      for (let m = k; m < end; m++) taken[m] = true;
    } else if (tokens[k]?.s === WITH_AFTER && isNameWord(tokens[k - 1]) && !taken[k - 1]) {
      withName = original(p, tokens[k - 1] as Token);
      taken[k - 1] = taken[k] = true;
    }
  }
  // single letters are debris ("<b>", "1e3"), not activities
  const rest = tokens.filter((t, k) => !taken[k] && t.kind === 'word' && t.s.length > 1 && !FILLER.has(t.s));
  const text = Array.from(rest.map((t) => original(p, t)).join(' '))
    .slice(0, MAX_ACTIVITY)
    .join('')
    .trim();
  return { activity: text || null, withName };
};
