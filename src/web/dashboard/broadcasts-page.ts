import type { BroadcastRow, GemeenteOption } from '../../domain/dashboard/index.js';
import { localDate, localTime } from '../../domain/dates.js';
import { bdi, join, table, time } from './html.js';
import { gemeenteFilter, layout, type PageFrame } from './layout.js';

/**
 * The broadcast history, latest first: when, what (weekly digest or one activity, with the
 * titles), to which gemeenten, by whom, its status and the delivery counts (sent of total, failed).
 */
export const broadcastsPage = (
  f: PageFrame,
  o: {
    readonly rows: readonly BroadcastRow[];
    readonly gemeenten: readonly GemeenteOption[];
    readonly timeZone: string;
  },
): string => {
  const t = f.t;
  const at = (iso: string) => {
    const d = new Date(iso);
    return time(iso, `${localDate(d, o.timeZone)} ${localTime(d, o.timeZone)}`);
  };
  return layout(
    f,
    t('dashboard:broadcasts.heading'),
    join([
      gemeenteFilter(f, o.gemeenten),
      table(
        t('dashboard:broadcasts.caption'),
        [
          { head: t('dashboard:broadcasts.when'), cell: (r) => at(r.sendAt) },
          { head: t('dashboard:broadcasts.kind'), cell: (r) => t(`dashboard:broadcasts.kinds.${r.kind}`) },
          { head: t('dashboard:broadcasts.titles'), cell: (r) => join(r.titles.map(bdi), ', ') },
          { head: t('dashboard:broadcasts.gemeente'), cell: (r) => join(r.gemeenten.map(bdi), ', ') },
          { head: t('dashboard:broadcasts.by'), cell: (r) => bdi(r.by) },
          { head: t('dashboard:broadcasts.status'), cell: (r) => t(`staff:broadcast_state.${r.status}`) },
          { head: t('dashboard:broadcasts.sent'), cell: (r) => r.sent, num: true },
          { head: t('dashboard:broadcasts.total'), cell: (r) => r.total, num: true },
          { head: t('dashboard:broadcasts.failed'), cell: (r) => r.failed, num: true },
        ],
        o.rows,
        t('dashboard:broadcasts.empty'),
      ),
    ]),
  );
};
