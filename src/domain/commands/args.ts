/**
 * Splits a command line into words, keeping "quoted parts" together, and pulls out `key=value`
 * options (`taal=ar`, `organisatie="Bib Wetteren"`). Keys are lower case; the last one wins.
 */
export const splitArgs = (line: string): { words: string[]; options: Record<string, string> } => {
  const words: string[] = [];
  const options: Record<string, string> = {};
  const re = /(?:([\p{L}_]+)=)?(?:"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+))/gu;
  for (const m of line.matchAll(re)) {
    const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (m[1]) options[m[1].toLocaleLowerCase()] = value;
    else if (value) words.push(value);
  }
  return { words, options };
};
