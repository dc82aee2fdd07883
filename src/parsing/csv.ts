/**
 * The separator of a spreadsheet's header line exported as CSV: the most frequent of `;`, `,` and
 * tab outside quotes (Excel in Belgium writes `;`; `;` wins a tie), `fallback` when none occurs.
 */
export const detectDelimiter = (line: string, fallback: ';' | ',' = ';'): string => {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : fallback;
};
