import { escapeHtml } from '../types.js';
import type { PanePerson } from './demo.js';

/** The three panes: who is in each by default, and how it looks. */
export const PANES = [
  { id: 'newcomer', role: 'newcomer', look: 'whatsapp' },
  { id: 'buddy', role: 'buddy', look: 'whatsapp' },
  { id: 'coach', role: 'coach', look: 'slack' },
] as const;

/** Languages written right to left: their panes get `dir="rtl"`. */
const RTL = new Set(['ar', 'fa']);

/** The page's texts in its language (`simulator:` keys). */
export type PageText = (key: string, params?: Record<string, string>) => string;

export interface PageData {
  readonly lang: string;
  readonly t: PageText;
  readonly people: readonly PanePerson[];
  /** The simulated time, already formatted. */
  readonly now: string;
  /** Base path of the simulator's assets and API. */
  readonly base: string;
}

const pane = (d: PageData, p: (typeof PANES)[number]): string => {
  const { t } = d;
  const who = d.people.find((x) => x.role === p.role) ?? d.people[0];
  const options = d.people
    .map(
      (x) =>
        `<option value="${escapeHtml(x.user)}" data-lang="${escapeHtml(x.lang)}" data-code="${escapeHtml(x.code ?? '')}"${
          x.user === who?.user ? ' selected' : ''
        }>${escapeHtml(x.name)} (${escapeHtml(t(`role.${x.role}`))})</option>`,
    )
    .join('');
  const name = who?.name ?? '';
  const dir = who && RTL.has(who.lang) ? 'rtl' : 'ltr';
  const hint = who?.code ? t('code_hint', { name, code: who.code }) : '';
  return `<section class="pane ${p.look}" id="pane-${p.id}" data-pane="${p.id}" data-user="${escapeHtml(who?.user ?? '')}" aria-labelledby="title-${p.id}">
  <header class="pane-head">
    <h2 id="title-${p.id}">${escapeHtml(t(`pane.${p.id}`))}</h2>
    <label class="who">${escapeHtml(t('person_label'))}
      <select name="person" aria-label="${escapeHtml(t('person_aria', { pane: t(`pane.${p.id}`) }))}">${options}</select>
    </label>
  </header>
  <ol class="log" role="log" aria-live="polite" aria-label="${escapeHtml(t('messages_label', { name }))}" dir="${dir}"></ol>
  <p class="hint" aria-live="polite">${escapeHtml(hint)}</p>
  <form class="compose" autocomplete="off">
    <input name="text" type="text" aria-label="${escapeHtml(t('input_label', { name }))}" placeholder="${escapeHtml(t('input_placeholder'))}" value="${escapeHtml(who?.code ?? '')}" dir="auto">
    <button type="submit">${escapeHtml(t('send'))}</button>
  </form>
</section>`;
};

/** The simulator's page: a clock bar and three phone-like panes, rendered on the server. */
export const renderPage = (d: PageData): string => {
  const { t } = d;
  const texts = {
    you: t('you'),
    bot: t('bot'),
    edited: t('edited'),
    busy: t('busy'),
    error: t('error'),
    empty: t('empty'),
    input_label: t('input_label', { name: '{name}' }),
    messages_label: t('messages_label', { name: '{name}' }),
    code_hint: t('code_hint', { name: '{name}', code: '{code}' }),
    reset_done: t('reset_done'),
  };
  return `<!doctype html>
<html lang="${escapeHtml(d.lang)}" dir="${RTL.has(d.lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('title'))}</title>
<link rel="stylesheet" href="${d.base}/assets/app.css">
</head>
<body>
<header class="top">
  <h1>${escapeHtml(t('title'))}</h1>
  <p class="intro">${escapeHtml(t('intro'))}</p>
  <div class="clock" role="group" aria-label="${escapeHtml(t('clock_label'))}">
    <span>${escapeHtml(t('clock_label'))}:</span>
    <output id="now" aria-live="polite">${escapeHtml(d.now)}</output>
    <button type="button" data-step="day">${escapeHtml(t('day'))}</button>
    <button type="button" data-step="week">${escapeHtml(t('week'))}</button>
    <button type="button" data-step="month">${escapeHtml(t('month'))}</button>
    <button type="button" id="reset">${escapeHtml(t('reset'))}</button>
    <span id="status" role="status"></span>
  </div>
  <p class="help">${escapeHtml(t('clock_help'))} <a href="/dashboard">${escapeHtml(t('dashboard_link'))}</a></p>
</header>
<main class="panes">
${PANES.map((p) => pane(d, p)).join('\n')}
</main>
<script type="application/json" id="texts">${JSON.stringify(texts).replace(/</g, '\\u003c')}</script>
<script src="${d.base}/assets/app.js" defer></script>
</body>
</html>`;
};
