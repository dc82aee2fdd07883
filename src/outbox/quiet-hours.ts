import { TZDate } from '@date-fns/tz';

/** Quiet hours as minutes after local midnight; `start > end` runs over midnight. */
export interface QuietHours {
  readonly start: number;
  readonly end: number;
}

/** The product's default: no broadcast between 21:00 and 08:00 local time. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: 21 * 60, end: 8 * 60 };

/**
 * Reads `HH:MM-HH:MM` (`off`: none, `null`). Returns `undefined` for anything else, so
 * configuration can say what is wrong. Equal start and end also mean none.
 */
export const parseQuietHours = (text: string): QuietHours | null | undefined => {
  const t = text.trim().toLowerCase();
  if (t === 'off') return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-3]):([0-5]\d)$/.exec(t);
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return start === end ? null : { start, end };
};

const inside = (q: QuietHours, minute: number) =>
  q.start < q.end ? minute >= q.start && minute < q.end : minute >= q.start || minute < q.end;

/**
 * When `now` falls in the quiet hours of `timeZone`, the moment they end (the next local
 * `end` time, so a night with a daylight-saving change is an hour shorter or longer);
 * otherwise `null`. Broadcast messages wait until then; replies never do.
 */
export const quietUntil = (now: Date, quiet: QuietHours | null, timeZone: string): Date | null => {
  if (!quiet) return null;
  const local = new TZDate(now.getTime(), timeZone);
  if (!inside(quiet, local.getHours() * 60 + local.getMinutes())) return null;
  const h = Math.floor(quiet.end / 60);
  const m = quiet.end % 60;
  for (let day = 0; day <= 2; day++) {
    const end = new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() + day,
      h,
      m,
      0,
      0,
      timeZone,
    );
    if (end.getTime() > now.getTime()) return new Date(end.getTime());
  }
  return null;
};
