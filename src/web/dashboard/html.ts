import { escapeHtml } from '../types.js';

/** A translation of a `dashboard:` key (or another namespace's `ns:key`) in the page's language. */
export type Text = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** HTML that is safe as it is (built from escaped parts). */
export interface Html {
  readonly html: string;
}

/** Marks a string as safe HTML; only for strings built here from escaped parts. */
export const raw = (html: string): Html => ({ html });

/** A value as HTML: safe HTML as is, anything else escaped. */
export const h = (v: string | number | Html): string =>
  typeof v === 'object' ? v.html : escapeHtml(String(v));

/** Joins safe parts into one. */
export const join = (parts: readonly (string | number | Html)[], sep = ''): Html =>
  raw(parts.map(h).join(escapeHtml(sep)));

/** A name, isolated for bidirectional text (an Arabic name in a Dutch sentence stays readable). */
export const bdi = (name: string): Html => raw(`<bdi>${escapeHtml(name)}</bdi>`);

/**
 * A moment as a <time> element: `datetime` is machine-readable (a date or an ISO instant), `text`
 * what people read. Isolated left to right so an Arabic or Farsi sentence does not turn
 * 2026-11-23 14:00 into 23-11-2026.
 */
export const time = (datetime: string, text: string): Html =>
  raw(`<time datetime="${escapeHtml(datetime)}" dir="ltr">${escapeHtml(text)}</time>`);

/** A local date (YYYY-MM-DD) as a {@link time} element. */
export const date = (d: string): Html => time(d, d);

// Private-use characters that never occur in a text: they mark where safe HTML goes.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * A translated text as HTML: the text and its plain parameters are escaped; parameters that are
 * {@link Html} (a name in <bdi>, a link) go in as they are. Formatters such as `{{minutes, hours}}`
 * get plain numbers.
 */
export const tHtml = (
  t: Text,
  key: string,
  params: Readonly<Record<string, string | number | Html>> = {},
): Html => {
  const safe: string[] = [];
  const plain: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'object') {
      plain[k] = `${OPEN}${safe.length}${CLOSE}`;
      safe.push(v.html);
    } else plain[k] = v;
  }
  const text = escapeHtml(t(key, plain));
  return raw(text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => safe[Number(i)] ?? ''));
};

/** A column of a {@link table}: its header text and how a row shows in it. */
export interface Column<R> {
  readonly head: string;
  readonly cell: (row: R) => string | number | Html;
  /** Numbers are right-aligned (start-aligned in RTL too, by the stylesheet's `num` class). */
  readonly num?: boolean;
}

/**
 * A data table with a caption and column headers (`<th scope="col">`); the first column's cells
 * are row headers (`<th scope="row">`), so a screen reader names each row. An empty list shows
 * `empty` instead of a table.
 */
export const table = <R>(
  caption: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  empty: string,
): Html => {
  if (!rows.length) return raw(`<p class="empty">${escapeHtml(empty)}</p>`);
  const cls = (c: Column<R>) => (c.num ? ' class="num"' : '');
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.head)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${columns
          .map((c, i) =>
            i === 0 ? `<th scope="row"${cls(c)}>${h(c.cell(r))}</th>` : `<td${cls(c)}>${h(c.cell(r))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return raw(
    `<table>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`,
  );
};

/** A link; `href` is escaped. */
export const link = (href: string, text: string | Html, attrs = ''): Html =>
  raw(`<a href="${escapeHtml(href)}"${attrs ? ` ${attrs}` : ''}>${h(text)}</a>`);

/**
 * A progress bar toward a target for assistive technology (role progressbar with its values and a
 * text), with the numbers beside it for everyone.
 */
export const progressBar = (o: {
  readonly value: number;
  readonly max: number;
  /** What a screen reader says, e.g. "12,5 uur van 40 uur". */
  readonly text: string;
  /** The id of the element that names the bar (the newcomer's name). */
  readonly labelledBy: string;
}): Html => {
  const share = o.max > 0 ? Math.min(100, Math.round((o.value / o.max) * 100)) : 100;
  return raw(
    `<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="${o.max}" aria-valuenow="${o.value}"` +
      ` aria-valuetext="${escapeHtml(o.text)}" aria-labelledby="${escapeHtml(o.labelledBy)}">` +
      `<div class="fill" style="width:${share}%"></div></div> <span class="bar-text">${escapeHtml(o.text)}</span>`,
  );
};

/** An element around escaped text or safe HTML, e.g. `el('h2', title)`. */
export const el = (tag: string, content: string | number | Html, attrs = ''): Html =>
  raw(`<${tag}${attrs ? ` ${attrs}` : ''}>${h(content)}</${tag}>`);
