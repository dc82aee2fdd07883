import { parseArgs } from 'node:util';
import type { ReadTx } from '../core/store.js';
import { findMunicipality, type DataSchema } from '../domain/index.js';
import { isLocalDate, localDate } from '../domain/dates.js';
import { surveysOf } from '../domain/followup/surveys.js';
import { SURVEY_ITEMS, type SurveyResponse } from '../domain/followup/types.js';
import { withStore, type CliContext } from './context.js';
import { recordAudit } from '../domain/privacy/audit.js';
import { createSystemIds, systemClock } from '../system.js';
import { isExportFormat, writeRows } from './csv.js';

/** Columns of the survey export, in order; names stay stable for spreadsheets that read them. */
const COLUMNS = [
  'date',
  'gemeente',
  'newcomer',
  'role',
  'moment',
  ...SURVEY_ITEMS,
  'comment',
  'language',
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number>;

const rowOf = (tx: ReadTx<DataSchema>, s: SurveyResponse, timeZone: string): Row => {
  const newcomer = tx.get('people', s.newcomerId);
  const scores = Object.fromEntries(SURVEY_ITEMS.map((i) => [i, s.scores[i] ?? ''])) as Record<
    (typeof SURVEY_ITEMS)[number],
    number | ''
  >;
  return {
    date: localDate(new Date(s.at), timeZone),
    gemeente: newcomer?.municipality ?? '',
    newcomer: newcomer?.name ?? s.newcomerId,
    role: s.role,
    moment: s.moment,
    ...scores,
    comment: s.comment ?? '',
    language: s.lang,
  };
};

/** The options `export surveys` reads itself (`--from`/`--to` are its own). */
const OPTIONS = ['format', 'gemeente', 'municipality', 'from', 'to', 'data'] as const;

/**
 * `export surveys [--format csv|json] [--gemeente X] [--from YYYY-MM-DD --to YYYY-MM-DD]` to
 * standard output: one row per survey response (dates local to TIMEZONE, inclusive), for the
 * coaches' follow-up and the agency's reports. A bad option stops with exit 2 and the fix.
 */
export const exportSurveys = async (ctx: CliContext, argv: readonly string[]): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: Object.fromEntries(OPTIONS.map((o) => [o, { type: 'string' as const }])),
  });
  const text = (k: (typeof OPTIONS)[number]) => {
    const v = values[k];
    return typeof v === 'string' ? v : v === true ? '' : undefined;
  };
  const format = text('format') ?? 'csv';
  if (!isExportFormat(format)) {
    ctx.err(ctx.t('survey:cli.bad_format', { value: format }));
    return 2;
  }
  const dates: { from?: string; to?: string } = {};
  for (const option of ['from', 'to'] as const) {
    const value = text(option);
    if (value === undefined) continue;
    if (!isLocalDate(value)) {
      ctx.err(ctx.t('survey:cli.bad_date', { option, value }));
      return 2;
    }
    dates[option] = value;
  }
  if (dates.from && dates.to && dates.from > dates.to) {
    ctx.err(ctx.t('survey:cli.bad_range', { from: dates.from, to: dates.to }));
    return 2;
  }
  const wanted = text('gemeente') ?? text('municipality');
  const timeZone = ctx.config.TIMEZONE;
  return withStore(ctx, async (store) => {
    const rows = await store.transact((tx) => {
      const gemeente = wanted === undefined ? undefined : findMunicipality(tx, wanted);
      if (wanted !== undefined && !gemeente) return null;
      const out = surveysOf(tx, {
        ...dates,
        timeZone,
        ...(gemeente ? { municipality: gemeente.id } : {}),
      }).map((s) => rowOf(tx, s, timeZone));
      recordAudit(
        tx,
        {
          actorId: 'cli',
          action: 'export',
          what: 'export_surveys',
          subjectId: null,
          count: out.length,
          via: 'cli',
        },
        { now: systemClock.now(), ids: createSystemIds() },
      );
      return out;
    });
    if (!rows) {
      ctx.err(ctx.t('survey:cli.unknown_gemeente', { value: wanted ?? '' }));
      return 1;
    }
    writeRows(ctx.out, COLUMNS, rows, format);
    return 0;
  });
};
