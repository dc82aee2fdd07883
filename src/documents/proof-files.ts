import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProofDocument, ProofRenderer } from '../domain/proof/index.js';
import { hoursOf } from '../domain/reports/hours.js';
import { renderProofPdf, type ProofText } from './proof-pdf.js';

/** Lower-case ASCII letters and digits joined by "-": "Kringwinkel Oost" -> "kringwinkel-oost". */
export const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/**
 * A proof's file name without spaces or odd characters: `bewijs_<newcomer>_<nn>_<offer type>
 * [_<contact or organisation>].<ext>`. A name in another script (Arabic, Cyrillic) becomes the
 * person's id; `n` (1-based) keeps the proofs of one person apart.
 */
export const proofFileName = (d: ProofDocument, n: number, ext: 'pdf' | 'csv' = 'pdf'): string => {
  const who = slug(d.newcomer) || slug(d.newcomerId);
  const where = slug(d.contact ?? d.organisation ?? '');
  return `bewijs_${who}_${String(n).padStart(2, '0')}_${d.offerType}${where ? `_${where}` : ''}.${ext}`;
};

/**
 * The app's {@link ProofRenderer}: writes each proof's PDF into `dir` (made if missing) and
 * returns its path. The n-th proof of a newcomer in one command gets n in its name; the counter
 * starts again for every newcomer, so a file is overwritten by the same proof made later.
 */
export const createProofRenderer = (o: {
  readonly dir: string;
  readonly t: ProofText;
  readonly onError?: (err: unknown) => void;
}): ProofRenderer => {
  let last = '';
  let n = 0;
  return (d) => {
    n = d.newcomerId === last ? n + 1 : 1;
    last = d.newcomerId;
    try {
      mkdirSync(o.dir, { recursive: true });
      const filename = proofFileName(d, n);
      const path = resolve(o.dir, filename);
      writeFileSync(path, renderProofPdf(d, o.t));
      return { ref: path, filename, mimeType: 'application/pdf' };
    } catch (err) {
      o.onError?.(err);
      return null;
    }
  };
};

/** Columns of the proof CSV, one row per entry (confirmed and pending); names stay stable. */
export const PROOF_COLUMNS = [
  'proof',
  'newcomer',
  'newcomer_id',
  'offer_type',
  'organisation',
  'contact',
  'date',
  'minutes',
  'hours',
  'what',
  'status',
  'confirmed_by',
  'confirmed_at',
  'channel',
  'corrected',
] as const;
export type ProofRow = Record<(typeof PROOF_COLUMNS)[number], string | number>;

/** The rows of one proof for the CSV: its confirmed entries with their trail, then the pending ones. */
export const proofRows = (d: ProofDocument, n: number): ProofRow[] => {
  const base = {
    proof: n,
    newcomer: d.newcomer,
    newcomer_id: d.newcomerId,
    offer_type: d.offerType,
    organisation: d.organisation ?? '',
    contact: d.contact ?? '',
  };
  const confirmed = d.lines.map((l): ProofRow => {
    const c = d.confirmations.find((x) => x.entryId === l.entryId);
    return {
      ...base,
      date: l.date,
      minutes: l.minutes,
      hours: hoursOf(l.minutes),
      what: l.what ?? '',
      status: 'confirmed',
      confirmed_by: c?.by ?? '',
      confirmed_at: c?.at ?? '',
      channel: c?.channel ?? 'cli',
      corrected: c?.corrected ? 'ja' : 'nee',
    };
  });
  const pending = d.pending.map((l): ProofRow => ({
    ...base,
    date: l.date,
    minutes: l.minutes,
    hours: hoursOf(l.minutes),
    what: l.what ?? '',
    status: 'pending',
    confirmed_by: '',
    confirmed_at: '',
    channel: '',
    corrected: '',
  }));
  return [...confirmed, ...pending];
};
