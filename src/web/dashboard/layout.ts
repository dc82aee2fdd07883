import type { GemeenteOption } from '../../domain/dashboard/index.js';
import { escapeHtml } from '../types.js';
import { el, h, link, raw, type Html, type Text } from './html.js';

/** The pages in the dashboard's menu. */
export type DashboardPage = 'overview' | 'activities' | 'broadcasts' | 'newcomer' | 'not_found';

/** What every page needs besides its content. */
export interface PageFrame {
  readonly t: Text;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly page: DashboardPage;
  /** The gemeente filter in force (kept in the menu's links), null for all. */
  readonly gemeente: string | null;
  /** A number in the page's language ("12,5" in Dutch), Latin digits. */
  readonly num: (n: number) => string;
}

// Plain CSS, no build step: readable, visible focus, logical properties so RTL works.
const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa;line-height:1.4}
header,main{padding:0.5rem 1rem}header{background:#0b3d61;color:#fff}
header a{color:#fff}nav ul{list-style:none;padding:0;margin:0.5rem 0;display:flex;flex-wrap:wrap;gap:1rem}
a:focus,button:focus,select:focus{outline:3px solid #f5a623;outline-offset:2px}
[aria-current=page]{font-weight:bold;text-decoration:none}
.skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:0.5rem;background:#fff;color:#000;padding:0.25rem}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem;background:#fff}
caption{text-align:start;font-weight:bold;padding:0.25rem 0}
th,td{border:1px solid #ccc;padding:0.25rem 0.5rem;text-align:start;vertical-align:top}
.num{text-align:end;font-variant-numeric:tabular-nums}
.bar{display:inline-block;inline-size:10rem;block-size:0.9rem;background:#ddd;border:1px solid #555;vertical-align:middle}
.fill{block-size:100%;background:#2e7d32}.bar-text{white-space:nowrap}
.late{color:#b00020;font-weight:bold}.empty{font-style:italic}
form{margin:0.5rem 0}`;

const menu = (f: PageFrame): Html => {
  const q = f.gemeente ? `?gemeente=${encodeURIComponent(f.gemeente)}` : '';
  const item = (page: DashboardPage, href: string) =>
    `<li>${link(href, f.t(`dashboard:nav.${page}`), f.page === page ? 'aria-current="page"' : '').html}</li>`;
  const download = (key: string, href: string) =>
    `<li>${link(href, f.t(`dashboard:nav.${key}`), 'download').html}</li>`;
  return raw(
    `<nav aria-label="${escapeHtml(f.t('dashboard:nav.label'))}"><ul>` +
      item('overview', `/dashboard${q}`) +
      item('activities', `/dashboard/activities${q}`) +
      item('broadcasts', `/dashboard/broadcasts${q}`) +
      download('hours_csv', `/dashboard/export/hours.csv${q}`) +
      download('tb_csv', `/dashboard/report/tb.csv${q}`) +
      `</ul></nav>`,
  );
};

/**
 * The gemeente filter (a labelled select and a button), for the pages that list several
 * gemeenten' data; submits `?gemeente=` to the same page.
 */
export const gemeenteFilter = (f: PageFrame, gemeenten: readonly GemeenteOption[]): Html => {
  const option = (value: string, text: string) =>
    `<option value="${escapeHtml(value)}"${(f.gemeente ?? '') === value ? ' selected' : ''}>${escapeHtml(text)}</option>`;
  return raw(
    `<form method="get"><label for="gemeente">${escapeHtml(f.t('dashboard:filter.label'))}</label> ` +
      `<select id="gemeente" name="gemeente">${option('', f.t('dashboard:filter.all'))}` +
      gemeenten.map((g) => option(g.id, g.name)).join('') +
      `</select> <button type="submit">${escapeHtml(f.t('dashboard:filter.submit'))}</button></form>`,
  );
};

/**
 * A whole page: language and direction on <html>, a skip link, the site title and menu, one <h1>
 * (`heading`) and the content.
 */
export const layout = (f: PageFrame, heading: string | Html, content: Html): string => {
  // The <title> is text: the heading's tags go, its escaped text stays escaped.
  const title = typeof heading === 'string' ? escapeHtml(heading) : heading.html.replace(/<[^>]*>/g, '');
  return `<!doctype html>
<html lang="${escapeHtml(f.lang)}" dir="${f.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${escapeHtml(f.t('dashboard:title'))}</title>
<style>${STYLE}</style></head>
<body>
<a class="skip" href="#main">${escapeHtml(f.t('dashboard:skip'))}</a>
<header><p>${escapeHtml(f.t('dashboard:title'))}</p>${menu(f).html}</header>
<main id="main" tabindex="-1">
<h1>${h(heading)}</h1>
${content.html}
</main>
</body>
</html>
`;
};

/** The page for a path under /dashboard that does not exist (sent with status 404). */
export const notFoundPage = (f: PageFrame): string =>
  layout(f, f.t('dashboard:not_found.heading'), el('p', f.t('dashboard:not_found.text')));

/** The page for a request with a bad parameter, e.g. a date that is no date (status 400). */
export const badRequestPage = (f: PageFrame): string =>
  layout(f, f.t('dashboard:bad_request.heading'), el('p', f.t('dashboard:bad_request.text')));
