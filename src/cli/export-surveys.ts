import type { ReadTx } from '../core/store.js';
import { findMunicipality, type DataSchema } from '../domain/index.js';
import { localDate } from '../domain/dates.js';
import { surveysOf } from '../domain/followup/surveys.js';
import { SURVEY_ITEMS, type SurveyResponse } from '../domain/followup/types.js';
import { withStore, type CliContext } from './context.js';
import { writeRows } from '../documents/csv.js';
import { auditCli, readExportOptions } from './export-options.js';

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

/**
 * `export surveys [--format csv|json] [--gemeente X] [--from YYYY-MM-DD --to YYYY-MM-DD]` to
 * standard output: one row per survey response (dates local to TIMEZONE, inclusive), for the
 * coaches' follow-up and the agency's reports. A bad option stops with exit 2 and the fix.
 */
export const exportSurveys = async (ctx: CliContext, argv: readonly string[]): Promise<number> => {
  const o = readExportOptions(ctx, argv, 'survey');
  if (o === 2) return 2;
  const { format, dates, gemeente: wanted } = o;
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
      auditCli(tx, 'export_surveys', out.length);
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
