/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, Arabic presentation forms). */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/**
 * A line split into the pieces a PDF writes left to right, for a line that starts left to right
 * (the proof is in Dutch): left-to-right text as it is, and each run of right-to-left words (an
 * Arabic or Farsi name, a description) with its words in visual order, each word its own piece.
 * The font engine (fontkit) shapes each Arabic word and puts its letters right to left; the words
 * of the run are placed here from right to left, so "أمينة خالد" reads correctly. Text extractors
 * (pdf.js) then give each word in logical order and the words as placed.
 */
export const visualPieces = (line: string): string[] => {
  const tokens = line.split(/(\s+)/u).filter((t) => t !== '');
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    // Spaces at the run's edges stay outside it; inside, words swap ends with their spaces.
    while (run.length && !RTL.test(run.at(-1)!)) run.pop();
    out.push(...[...run].reverse());
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (RTL.test(t)) run.push(t);
    else if (run.length && /^\s+$/u.test(t) && RTL.test(tokens[i + 1] ?? '')) run.push(t);
    else {
      if (run.length) flush();
      out.push(t);
    }
  }
  if (run.length) flush();
  return out;
};
