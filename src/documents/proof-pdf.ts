import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ProofDocument } from '../domain/proof/index.js';
import type { I18n } from '../i18n/index.js';
import { visualPieces } from './bidi.js';

/** A text of the proof in the agency's language (Dutch): an i18n key in the `proof` namespace. */
export type ProofText = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/**
 * The proof's texts from the app's i18n: always Dutch, the agency's language, whoever asks for the
 * proof (a coach in French, the CLI in English).
 */
export const proofTexts =
  (i18n: Pick<I18n, 't'>): ProofText =>
  (key, params = {}) =>
    i18n.t('nl', `proof:${key}`, params);

/**
 * DejaVu Sans from the dejavu-fonts-ttf package: one embedded font for Latin, Cyrillic and Arabic
 * names, found from this module (works from any working directory, no system font needed).
 */
export const PROOF_FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;
/** Column starts of the activities table (date, hours, what). */
const COLUMNS = [MARGIN, MARGIN + 80, MARGIN + 160] as const;

/** A channel's name as people know it. */
const CHANNELS: Readonly<Record<string, string>> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  slack: 'Slack',
  console: 'Netwerkbot',
};

/** 2026-11-02 -> 02/11/2026 (the Belgian way). */
const dmy = (date: string): string => date.split('-').reverse().join('/');
/** "2026-11-03 10:00" -> "03/11/2026 10:00" */
const dmyTime = (stamp: string): string => {
  const [date = '', time = ''] = stamp.split(' ');
  return `${dmy(date)} ${time}`.trim();
};

/**
 * Writes one line (or paragraph) with right-to-left words in visual order (see
 * {@link visualPieces}); `at` places its start, else it follows the previous text.
 */
const write = (
  doc: PDFKit.PDFDocument,
  text: string,
  o: { at?: [number, number]; width?: number; size?: number } = {},
): void => {
  const pieces = visualPieces(text);
  doc.fontSize(o.size ?? 10);
  const opts = { width: o.width ?? WIDTH };
  pieces.forEach((p, i) => {
    const continued = i < pieces.length - 1;
    if (i === 0 && o.at) doc.text(p, o.at[0], o.at[1], { ...opts, continued });
    else doc.text(p, { ...opts, continued });
  });
  if (pieces.length === 0) doc.text('', o.at?.[0] ?? MARGIN, o.at?.[1] ?? doc.y, opts);
};

const heading = (doc: PDFKit.PDFDocument, text: string) => {
  doc.moveDown(0.8);
  write(doc, text, { at: [MARGIN, doc.y], size: 12 });
  doc.moveDown(0.3);
};

/** Starts a new page when fewer than `room` points are left. */
const room = (doc: PDFKit.PDFDocument, points: number) => {
  if (doc.y + points > doc.page.height - MARGIN) doc.addPage();
};

/**
 * The bewijs van deelname as a PDF (A4, Dutch): who, offer type, organisation and contact person,
 * each confirmed day with its hours and what was done, the total, and the confirmation trail that
 * replaces the signature (who confirmed which entry, when, through which channel); entries still
 * waiting are listed apart and not counted. Made synchronously (pdfkit writes everything on end()),
 * so a staff command can attach it within its turn.
 */
export const renderProofPdf = (
  d: ProofDocument,
  t: ProofText,
  o: { readonly madeAt?: Date } = {},
): Buffer => {
  const offer = t(`offer.${d.offerType}`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `${t('pdf.title')}: ${d.newcomer}, ${offer}`,
      Subject: d.newcomer,
      Author: 'Netwerkbot',
      ...(o.madeAt ? { CreationDate: o.madeAt } : {}),
    },
  });
  doc.font(PROOF_FONT);
  write(doc, t('pdf.title'), { at: [MARGIN, MARGIN], size: 18 });
  write(doc, t('pdf.subtitle'), { size: 10 });
  doc.moveDown(0.8);
  const fields = [
    t('pdf.newcomer', { name: d.newcomer }),
    t('pdf.gemeente', { gemeente: d.municipality }),
    d.term ? t('pdf.term', { start: dmy(d.term.start), end: dmy(d.term.end) }) : t('pdf.no_term'),
    t('pdf.offer', { offer }),
    t('pdf.organisation', { organisation: d.organisation ?? t('pdf.none') }),
    t('pdf.contact', { contact: d.contact ?? t('pdf.none') }),
  ];
  for (const f of fields) write(doc, f, { at: [MARGIN, doc.y], size: 11 });

  heading(doc, t('pdf.activities'));
  const header = [t('pdf.col_date'), t('pdf.col_hours'), t('pdf.col_what')];
  const y0 = doc.y;
  header.forEach((h, i) => write(doc, h, { at: [COLUMNS[i]!, y0], width: WIDTH - (COLUMNS[i]! - MARGIN) }));
  for (const l of d.lines) {
    room(doc, 30);
    const y = doc.y + 2;
    write(doc, dmy(l.date), { at: [COLUMNS[0], y], width: 78 });
    write(doc, t('pdf.hours', { minutes: l.minutes }), { at: [COLUMNS[1], y], width: 78 });
    write(doc, l.what ?? offer, { at: [COLUMNS[2], y], width: WIDTH - (COLUMNS[2] - MARGIN) });
  }
  doc.moveDown(0.5);
  write(doc, t('pdf.total', { minutes: d.totalMinutes }), { at: [MARGIN, doc.y], size: 12 });

  heading(doc, t('pdf.trail'));
  for (const c of d.confirmations) {
    room(doc, 30);
    const by = c.byRole ? t('pdf.by_role', { name: c.by, role: t(`role.${c.byRole}`) }) : c.by;
    const channel = c.channel ? (CHANNELS[c.channel] ?? c.channel) : t('pdf.channel_none');
    const line = t('pdf.trail_line', {
      date: dmy(c.date),
      minutes: c.minutes,
      by,
      at: dmyTime(c.at),
      channel,
    });
    write(doc, c.corrected ? `${line} ${t('pdf.corrected')}` : line, { at: [MARGIN, doc.y] });
  }

  if (d.pending.length) {
    heading(doc, t('pdf.pending'));
    for (const l of d.pending) {
      room(doc, 30);
      const line = t('pdf.pending_line', { date: dmy(l.date), minutes: l.minutes, what: l.what ?? offer });
      write(doc, line, { at: [MARGIN, doc.y] });
    }
  }
  doc.moveDown(1.5);
  room(doc, 40);
  write(doc, t('pdf.footer', { at: dmyTime(d.madeAt) }), { at: [MARGIN, doc.y], size: 8 });
  doc.end();
  const chunks: Buffer[] = [];
  for (let c = doc.read() as Buffer | null; c !== null; c = doc.read() as Buffer | null) chunks.push(c);
  return Buffer.concat(chunks);
};
