import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportProofs } from '../domain/proof/index.js';
import { PROOF_COLUMNS, proofFileName, proofRows, slug } from '../documents/proof-files.js';
import { rowsText } from '../documents/csv.js';
import { proofTexts, renderProofPdf } from '../documents/proof-pdf.js';
import { systemClock, createSystemIds } from '../system.js';
import { withStore, type CliContext } from './context.js';

/** The options `proof` reads itself. */
const OPTIONS = ['out', 'format', 'data'] as const;
const FORMATS = ['pdf', 'csv'] as const;

/**
 * `proof <name or id> [--out DIR] [--format pdf|csv]`: writes the newcomer's bewijzen van
 * deelname into DIR (default: the working directory): one PDF per proof (in Dutch, for the
 * agency), or one CSV with a row per entry. The export is recorded in the audit log. Exit 0 when
 * written, 1 when the person is unknown or the name is ambiguous (the names are listed), 2 for
 * bad usage.
 */
export const proofCli = async (ctx: CliContext, argv: readonly string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: Object.fromEntries(OPTIONS.map((o) => [o, { type: 'string' as const }])),
  });
  const query = positionals.slice(1).join(' ').trim();
  const format = typeof values['format'] === 'string' ? values['format'] : 'pdf';
  if (!(FORMATS as readonly string[]).includes(format)) {
    ctx.err(ctx.t('proof:cli.bad_format', { value: format, choices: '--format pdf, --format csv' }));
    return 2;
  }
  if (!query) {
    ctx.err(ctx.t('proof:cli.no_person'));
    ctx.err(ctx.t('proof:cli.usage'));
    return 2;
  }
  const out = resolve(typeof values['out'] === 'string' ? values['out'] : '.');
  const r = await withStore(ctx, (store) =>
    store.transact((tx) =>
      exportProofs(tx, null, query, {
        now: systemClock.now(),
        ids: createSystemIds(),
        timeZone: ctx.config.TIMEZONE,
        via: 'cli',
      }),
    ),
  );
  if (!r.ok) {
    if (r.reason === 'several') ctx.err(ctx.t('proof:cli.several', { query, names: r.names.join(', ') }));
    else ctx.err(ctx.t('proof:cli.none', { query }));
    return 1;
  }
  const { documents, pendingElsewhere } = r.proofs;
  if (!documents.length) {
    ctx.out(ctx.t('proof:cli.empty', { newcomer: r.newcomer.name }));
    return 0;
  }
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  if (format === 'pdf') {
    const t = proofTexts(ctx.i18n);
    documents.forEach((d, i) => {
      const file = resolve(out, proofFileName(d, i + 1));
      writeFileSync(file, renderProofPdf(d, t));
      written.push(file);
    });
  } else {
    const file = resolve(out, `bewijs_${slug(r.newcomer.name) || slug(r.newcomer.id)}.csv`);
    const rows = documents.flatMap((d, i) => proofRows(d, i + 1));
    writeFileSync(file, rowsText(PROOF_COLUMNS, rows, 'csv'));
    written.push(file);
  }
  for (const file of written) ctx.out(ctx.t('proof:cli.written', { file }));
  const pending = documents.reduce((n, d) => n + d.pending.length, pendingElsewhere);
  if (pending) ctx.out(ctx.t('proof:cli.pending', { count: pending }));
  return 0;
};
