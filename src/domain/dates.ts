import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

/** The local date (YYYY-MM-DD) of an instant in a time zone (Europe/Brussels by default). */
export const localDate = (now: Date, timeZone: string): string =>
  format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');

/** A local date `days` before or after another (YYYY-MM-DD in, YYYY-MM-DD out). */
export const shiftDate = (date: string, days: number): string =>
  format(addDays(new Date(`${date}T12:00:00Z`), days), 'yyyy-MM-dd');
