import type { CatalogueRow, GemeenteOption } from '../../domain/dashboard/index.js';
import { localDate, localTime } from '../../domain/dates.js';
import { bdi, el, join, table, time, type Html } from './html.js';
import { gemeenteFilter, layout, type PageFrame } from './layout.js';

/** "2026-11-28 14:00–16:00" in the gemeente's time zone. */
const when = (r: CatalogueRow, timeZone: string): Html => {
  const start = new Date(r.startsAt);
  const end = new Date(r.endsAt);
  const day = localDate(start, timeZone);
  const endDay = localDate(end, timeZone);
  return time(
    r.startsAt,
    `${day} ${localTime(start, timeZone)}–${endDay === day ? '' : `${endDay} `}${localTime(end, timeZone)}`,
  );
};

const section = (f: PageFrame, caption: string, rows: readonly CatalogueRow[], timeZone: string): Html => {
  const t = f.t;
  const yesNo = (v: boolean) => t(v ? 'dashboard:yes' : 'dashboard:no');
  return table(
    caption,
    [
      { head: t('dashboard:activities.title'), cell: (r) => bdi(r.title) },
      { head: t('dashboard:activities.when'), cell: (r) => when(r, timeZone) },
      { head: t('dashboard:activities.place'), cell: (r) => bdi(r.place) },
      { head: t('dashboard:activities.gemeente'), cell: (r) => join(r.gemeenten.map(bdi), ', ') },
      { head: t('dashboard:activities.free'), cell: (r) => yesNo(r.criteria.free) },
      { head: t('dashboard:activities.dutch'), cell: (r) => yesNo(r.criteria.dutchContext) },
      { head: t('dashboard:activities.accessible'), cell: (r) => yesNo(r.criteria.accessibleOrganisation) },
      { head: t('dashboard:activities.override'), cell: (r) => yesNo(r.overridden) },
      { head: t('dashboard:activities.status'), cell: (r) => t(`dashboard:activities.state.${r.status}`) },
      { head: t('dashboard:activities.coming'), cell: (r) => r.coming, num: true },
    ],
    rows,
    t('dashboard:activities.empty'),
  );
};

/**
 * The activity catalogue: activities still to come (soonest first), then past ones, each with the
 * three criteria of the weekly offer (gratis, Dutch-language context, accessible organisation),
 * a coach's override, its status and how many say they come.
 */
export const activitiesPage = (
  f: PageFrame,
  o: {
    readonly rows: readonly CatalogueRow[];
    readonly gemeenten: readonly GemeenteOption[];
    readonly timeZone: string;
  },
): string =>
  layout(
    f,
    f.t('dashboard:activities.heading'),
    join([
      gemeenteFilter(f, o.gemeenten),
      el('h2', f.t('dashboard:activities.upcoming')),
      section(
        f,
        f.t('dashboard:activities.upcoming_caption'),
        o.rows.filter((r) => r.upcoming),
        o.timeZone,
      ),
      el('h2', f.t('dashboard:activities.past')),
      section(
        f,
        f.t('dashboard:activities.past_caption'),
        o.rows.filter((r) => !r.upcoming),
        o.timeZone,
      ),
    ]),
  );
