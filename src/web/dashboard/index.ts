import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReadTx } from '../../core/store.js';
import type { DataSchema } from '../../domain/index.js';
import {
  activityCatalogue,
  broadcastHistory,
  dashboardOverview,
  gemeenteOptions,
  newcomerDetail,
  type GemeenteOption,
} from '../../domain/dashboard/index.js';
import { findMunicipality } from '../../domain/activities/index.js';
import { isLocalDate, localDate } from '../../domain/dates.js';
import type { WebContext, WebRoute } from '../types.js';
import { activitiesPage } from './activities-page.js';
import { broadcastsPage } from './broadcasts-page.js';
import { auditDashboard, hoursCsv, proofPdf, tbCsv } from './downloads.js';
import type { Text } from './html.js';
import { badRequestPage, notFoundPage, type DashboardPage, type PageFrame } from './layout.js';
import { newcomerPage } from './newcomer-page.js';
import { overviewPage } from './overview-page.js';
import { sendDownload, sendHtml, sendRedirect } from './respond.js';

const PROOF = /^\/dashboard\/proof\/([^/]+?)(?:\/(\d{1,3}))?\.pdf$/;
/** The paths that filter on `?gemeente=`; the others ignore it. */
const FILTERED = [
  '/dashboard',
  '/dashboard/activities',
  '/dashboard/broadcasts',
  '/dashboard/export/hours.csv',
  '/dashboard/report/tb.csv',
] as const;
type FilteredPath = (typeof FILTERED)[number];
const isFiltered = (path: string): path is FilteredPath => (FILTERED as readonly string[]).includes(path);
const NEWCOMER = /^\/dashboard\/newcomer\/([^/]+)$/;

/** What a list page with the gemeente filter shows. */
interface ListData<R> {
  readonly rows: readonly R[];
  readonly gemeenten: readonly GemeenteOption[];
  readonly timeZone: string;
}

/** The path without trailing slashes ("/dashboard/" is "/dashboard"). */
const pathOf = (url: URL) => url.pathname.replace(/\/+$/, '') || '/';

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/**
 * The coach dashboard under `/dashboard`, server-rendered HTML in the configured language:
 * `/dashboard` (progress, waiting confirmations, due and overdue tasks; `?gemeente=`),
 * `/dashboard/activities`, `/dashboard/broadcasts`, `/dashboard/newcomer/<id>`, and the downloads
 * `/dashboard/export/hours.csv`, `/dashboard/report/tb.csv` (`?from=&to=` local dates) and
 * `/dashboard/proof/<id>.pdf` or `/dashboard/proof/<id>/<n>.pdf`. Every export and every
 * newcomer page is recorded in the audit log (actor `dashboard`, via `web`). `?gemeente=` filters
 * the overview, the two lists and the two CSV downloads (a gemeente that does not exist is a 404
 * page); the newcomer page and the proofs ignore it. Other paths under /dashboard get a 404 page; paths elsewhere are left to the next route. The server in front
 * decides who may connect (localhost, or the admin password).
 */
export const dashboardRoutes = (ctx: WebContext): WebRoute => {
  const t: Text = (key, params = {}) => ctx.content.i18n.t(ctx.language, key, params);
  const numbers = new Intl.NumberFormat(`${ctx.language}-BE`, {
    maximumFractionDigits: 2,
    numberingSystem: 'latn',
  });
  const frame = (page: DashboardPage, gemeente: string | null): PageFrame => ({
    t,
    lang: ctx.language,
    dir: ctx.content.i18n.dir(ctx.language),
    page,
    gemeente,
    num: (n) => numbers.format(n),
  });
  const today = () => localDate(ctx.clock.now(), ctx.timeZone);

  /** A page with the gemeente filter: its rows (for the gemeente, or all) and the gemeenten to pick. */
  const listPage = async <R>(
    res: ServerResponse,
    page: 'activities' | 'broadcasts',
    gemeente: string | null,
    rowsOf: (tx: ReadTx<DataSchema>) => readonly R[],
    render: (f: PageFrame, o: ListData<R>) => string,
  ): Promise<void> => {
    const [rows, gemeenten] = await ctx.store.read((tx) => [rowsOf(tx), gemeenteOptions(tx)] as const);
    sendHtml(res, 200, render(frame(page, gemeente), { rows, gemeenten, timeZone: ctx.timeZone }));
  };

  /** The {@link FILTERED} paths, for the gemeente `?gemeente=` named (null: all). */
  const filtered = async (
    res: ServerResponse,
    url: URL,
    path: FilteredPath,
    gemeente: string | null,
  ): Promise<void> => {
    switch (path) {
      case '/dashboard': {
        const o = await ctx.store.read((tx) => dashboardOverview(tx, today(), gemeente));
        sendHtml(res, 200, overviewPage(frame('overview', gemeente), o));
        return;
      }
      case '/dashboard/activities':
        return listPage(
          res,
          'activities',
          gemeente,
          (tx) => activityCatalogue(tx, ctx.clock.now(), gemeente),
          activitiesPage,
        );
      case '/dashboard/broadcasts':
        return listPage(res, 'broadcasts', gemeente, (tx) => broadcastHistory(tx, gemeente), broadcastsPage);
      case '/dashboard/export/hours.csv':
        return sendDownload(res, await hoursCsv(ctx, gemeente));
      case '/dashboard/report/tb.csv': {
        const from = url.searchParams.get('from') || undefined;
        const to = url.searchParams.get('to') || undefined;
        if ((from && !isLocalDate(from)) || (to && !isLocalDate(to)) || (from && to && from > to))
          return sendHtml(res, 400, badRequestPage(frame('not_found', gemeente)));
        return sendDownload(
          res,
          await tbCsv(ctx, { gemeente, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
        );
      }
      default:
        return path satisfies never;
    }
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = pathOf(url);
    if (path !== '/dashboard' && !path.startsWith('/dashboard/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return true;
    }
    if (isFiltered(path)) {
      const wanted = url.searchParams.get('gemeente')?.trim() || null;
      const gemeente = wanted ? await ctx.store.read((tx) => findMunicipality(tx, wanted)?.id ?? null) : null;
      if (wanted && !gemeente) sendHtml(res, 404, notFoundPage(frame('not_found', null)));
      else await filtered(res, url, path, gemeente);
    } else if (PROOF.test(path)) {
      const [, rawId, n] = PROOF.exec(path)!;
      const id = decode(rawId!);
      const r =
        id === null
          ? ({ ok: false, reason: 'unknown' } as const)
          : await proofPdf(ctx, id, n ? Number(n) : null);
      if (r.ok) sendDownload(res, r.download);
      else if (r.reason === 'several')
        sendRedirect(res, `/dashboard/newcomer/${encodeURIComponent(id!)}#proofs`);
      else sendHtml(res, 404, notFoundPage(frame('not_found', null)));
    } else if (NEWCOMER.test(path)) {
      const id = decode(NEWCOMER.exec(path)![1]!);
      const d =
        id === null
          ? null
          : await ctx.store.transact((tx) => {
              const found = newcomerDetail(tx, id, {
                today: today(),
                now: ctx.clock.now(),
                timeZone: ctx.timeZone,
              });
              if (found) {
                auditDashboard(ctx, tx, { action: 'view', what: 'hours', subjectId: id });
                auditDashboard(ctx, tx, { action: 'view', what: 'duo_log', subjectId: id });
              }
              return found;
            });
      if (d) sendHtml(res, 200, newcomerPage(frame('newcomer', null), d));
      else sendHtml(res, 404, notFoundPage(frame('not_found', null)));
    } else sendHtml(res, 404, notFoundPage(frame('not_found', null)));
    return true;
  };
};
