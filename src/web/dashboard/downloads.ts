import { localDate } from '../../domain/dates.js';
import { proofDocuments } from '../../domain/proof/index.js';
import { recordAudit } from '../../domain/privacy/audit.js';
import type { AuditWhat } from '../../domain/privacy/types.js';
import { hoursRows, HOURS_COLUMNS } from '../../domain/reports/hours.js';
import { TB_COLUMNS, tbExportRow } from '../../domain/reports/tb-rows.js';
import { tbReport } from '../../domain/reports/tb.js';
import type { WriteTx } from '../../core/store.js';
import type { DataSchema } from '../../domain/index.js';
import { rowsText } from '../../documents/csv.js';
import { proofFileName } from '../../documents/proof-files.js';
import { proofTexts, renderProofPdf } from '../../documents/proof-pdf.js';
import type { WebContext } from '../types.js';

/** A file the dashboard hands out. */
export interface Download {
  readonly contentType: string;
  readonly filename: string;
  readonly body: string | Buffer;
}

/** Who the audit log names for what the dashboard shows or hands out, and through what. */
const DASHBOARD_ACTOR = 'dashboard';
const DASHBOARD_VIA = 'web';

/** Records, in `tx`, that the dashboard showed or handed out data (ids and counts only). */
export const auditDashboard = (
  ctx: WebContext,
  tx: WriteTx<DataSchema>,
  a: {
    readonly action: 'view' | 'export';
    readonly what: AuditWhat;
    readonly subjectId: string | null;
    readonly count?: number;
  },
): void => {
  recordAudit(
    tx,
    { actorId: DASHBOARD_ACTOR, via: DASHBOARD_VIA, ...a },
    { now: ctx.clock.now(), ids: ctx.ids },
  );
};

const CSV = 'text/csv; charset=utf-8';

const today = (ctx: WebContext) => localDate(ctx.clock.now(), ctx.timeZone);

/**
 * The hours export as `npm run cli -- export hours` writes it (`;` CSV, formulas neutralised),
 * of one gemeente or all; recorded in the audit log.
 */
export const hoursCsv = (ctx: WebContext, gemeente: string | null): Promise<Download> =>
  ctx.store.transact((tx) => {
    const rows = hoursRows(tx, gemeente ?? undefined);
    auditDashboard(ctx, tx, { action: 'export', what: 'export_hours', subjectId: null, count: rows.length });
    return {
      contentType: CSV,
      filename: `uren_${gemeente ?? 'alle'}_${today(ctx)}.csv`,
      body: rowsText(HOURS_COLUMNS, rows, 'csv'),
    };
  });

/**
 * The report for the agency's trajectbegeleider as `npm run cli -- report tb` writes it, for local
 * dates `from`..`to` (inclusive, each optional) and one gemeente or all; recorded in the audit log.
 */
export const tbCsv = (
  ctx: WebContext,
  q: { readonly gemeente: string | null; readonly from?: string; readonly to?: string },
): Promise<Download> =>
  ctx.store.transact((tx) => {
    const report = tbReport(tx, {
      timeZone: ctx.timeZone,
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.gemeente ? { municipality: q.gemeente } : {}),
    });
    auditDashboard(ctx, tx, { action: 'export', what: 'report_tb', subjectId: null, count: report.length });
    return {
      contentType: CSV,
      filename: `rapport_tb_${q.gemeente ?? 'alle'}_${today(ctx)}.csv`,
      body: rowsText(TB_COLUMNS, report.map(tbExportRow), 'csv'),
    };
  });

/** What a proof request gives: the PDF, or why not. */
export type ProofResult =
  | { readonly ok: true; readonly download: Download }
  | { readonly ok: false; readonly reason: 'unknown' }
  /** `n` was not given and the newcomer has several proofs: pick one on their page. */
  | { readonly ok: false; readonly reason: 'several' };

/**
 * The `n`-th bewijs van deelname (1-based) of a newcomer as a PDF in Dutch, for the agency; without
 * `n` the only one. Recorded in the audit log (what `proof`, the newcomer's id) when handed out.
 */
export const proofPdf = (ctx: WebContext, personId: string, n: number | null): Promise<ProofResult> =>
  ctx.store.transact((tx) => {
    const p = tx.get('people', personId);
    if (!p || p.role !== 'newcomer' || p.erasedAt) return { ok: false, reason: 'unknown' };
    const { documents } = proofDocuments(tx, personId, { now: ctx.clock.now(), timeZone: ctx.timeZone });
    if (n === null && documents.length > 1) return { ok: false, reason: 'several' };
    const i = (n ?? 1) - 1;
    const d = documents[i];
    if (!d) return { ok: false, reason: 'unknown' };
    auditDashboard(ctx, tx, { action: 'export', what: 'proof', subjectId: personId, count: 1 });
    return {
      ok: true,
      download: {
        contentType: 'application/pdf',
        filename: proofFileName(d, i + 1),
        body: renderProofPdf(d, proofTexts(ctx.content.i18n), { madeAt: ctx.clock.now() }),
      },
    };
  });
