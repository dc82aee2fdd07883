import type { DashboardOverview, DueTask, NewcomerProgress } from '../../domain/dashboard/index.js';
import type { DigestWaiting } from '../../domain/followup/digest.js';
import { hoursOf } from '../../domain/reports/hours.js';
import { bdi, date, el, join, link, progressBar, table, tHtml, type Html } from './html.js';
import { gemeenteFilter, layout, type PageFrame } from './layout.js';

const progressSection = (f: PageFrame, rows: readonly NewcomerProgress[]): Html => {
  const t = f.t;
  return table(
    t('dashboard:overview.progress.caption'),
    [
      {
        head: t('dashboard:overview.progress.name'),
        cell: (r) =>
          link(
            `/dashboard/newcomer/${encodeURIComponent(r.id)}`,
            bdi(r.name),
            `id="n-${encodeURIComponent(r.id)}"`,
          ),
      },
      { head: t('dashboard:overview.progress.gemeente'), cell: (r) => bdi(r.gemeente) },
      {
        head: t('dashboard:overview.progress.bar'),
        cell: (r) =>
          progressBar({
            value: hoursOf(r.confirmedMinutes),
            max: hoursOf(r.targetMinutes),
            text: t('dashboard:overview.progress.bar_text', {
              confirmed: r.confirmedMinutes,
              target: r.targetMinutes,
            }),
            labelledBy: `n-${encodeURIComponent(r.id)}`,
          }),
      },
      {
        head: t('dashboard:overview.progress.confirmed'),
        cell: (r) => f.num(hoursOf(r.confirmedMinutes)),
        num: true,
      },
      {
        head: t('dashboard:overview.progress.pending'),
        cell: (r) => f.num(hoursOf(r.pendingMinutes)),
        num: true,
      },
      {
        head: t('dashboard:overview.progress.term_end'),
        cell: (r) => (r.termEnd ? date(r.termEnd) : t('dashboard:none')),
      },
      {
        head: t('dashboard:overview.progress.days_left'),
        cell: (r) => (r.daysLeft === null ? t('dashboard:none') : Math.max(0, r.daysLeft)),
        num: true,
      },
    ],
    rows,
    t('dashboard:overview.progress.empty'),
  );
};

const waitingSection = (f: PageFrame, rows: readonly DigestWaiting[]): Html => {
  const t = f.t;
  const who = (w: DigestWaiting) =>
    join(
      w.who.map((x) => (x === null ? t('dashboard:overview.waiting.coach') : bdi(x))),
      ', ',
    );
  return table(
    t('dashboard:overview.waiting.caption'),
    [
      {
        head: t('dashboard:overview.waiting.newcomer'),
        cell: (w) => link(`/dashboard/newcomer/${encodeURIComponent(w.newcomerId)}`, bdi(w.newcomer)),
      },
      { head: t('dashboard:overview.waiting.who'), cell: who },
      { head: t('dashboard:overview.waiting.since'), cell: (w) => date(w.oldest) },
      { head: t('dashboard:overview.waiting.count'), cell: (w) => w.count, num: true },
      { head: t('dashboard:overview.waiting.hours'), cell: (w) => f.num(hoursOf(w.minutes)), num: true },
    ],
    rows,
    t('dashboard:overview.waiting.empty'),
  );
};

const tasksSection = (f: PageFrame, rows: readonly DueTask[]): Html => {
  const t = f.t;
  return table(
    t('dashboard:overview.tasks.caption'),
    [
      { head: t('dashboard:overview.tasks.kind'), cell: (r) => t(`coach:task.kind.${r.kind}`) },
      {
        head: t('dashboard:overview.tasks.newcomer'),
        cell: (r) => link(`/dashboard/newcomer/${encodeURIComponent(r.newcomerId)}`, bdi(r.newcomer)),
      },
      {
        head: t('dashboard:overview.tasks.buddy'),
        cell: (r) => (r.buddy ? bdi(r.buddy) : t('dashboard:none')),
      },
      {
        head: t('dashboard:overview.tasks.coach'),
        cell: (r) => (r.coach ? bdi(r.coach) : t('dashboard:none')),
      },
      { head: t('dashboard:overview.tasks.due'), cell: (r) => date(r.dueDate) },
      {
        head: t('dashboard:overview.tasks.late'),
        num: true,
        cell: (r) =>
          r.daysLate > 0 ? el('span', r.daysLate, 'class="late"') : t('dashboard:overview.tasks.due_today'),
      },
    ],
    rows,
    t('dashboard:overview.tasks.empty'),
  );
};

/**
 * The overview page: the gemeente filter, per newcomer a progress bar toward the 40 hours with the
 * numbers and the term's end, the hours waiting for a confirmation (who, since when), and the
 * opvolggesprekken and other tasks due today or overdue (days late).
 */
export const overviewPage = (f: PageFrame, o: DashboardOverview): string =>
  layout(
    f,
    f.t('dashboard:overview.heading'),
    join([
      el('p', tHtml(f.t, 'dashboard:overview.today', { date: date(o.today) })),
      gemeenteFilter(f, o.gemeenten),
      el('h2', f.t('dashboard:overview.progress.heading')),
      progressSection(f, o.newcomers),
      el('h2', f.t('dashboard:overview.waiting.heading')),
      waitingSection(f, o.waiting),
      el('h2', f.t('dashboard:overview.tasks.heading')),
      tasksSection(f, o.tasks),
    ]),
  );
