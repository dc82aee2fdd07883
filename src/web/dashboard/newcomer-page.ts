import type { NewcomerDetail } from '../../domain/dashboard/index.js';
import type { LogFollowUp } from '../../domain/followup/log.js';
import { OFFER_TYPES } from '../../domain/ledger/types.js';
import { hoursOf } from '../../domain/reports/hours.js';
import { bdi, date, el, join, link, progressBar, raw, table, tHtml, type Html } from './html.js';
import { layout, type PageFrame } from './layout.js';
import { CHECKIN_ANSWERS } from '../../domain/followup/types.js';

/** Check-in answers with a text of their own in the coach's log. */
const ANSWERS = new Set<string>(CHECKIN_ANSWERS);

const progressPart = (f: PageFrame, d: NewcomerDetail): Html => {
  const t = f.t;
  const p = d.progress;
  const types = OFFER_TYPES.filter((o) => p.byOfferType[o].confirmed || p.byOfferType[o].pending);
  return join([
    el('h2', t('dashboard:newcomer.progress'), 'id="progress"'),
    el(
      'p',
      progressBar({
        value: hoursOf(p.confirmedMinutes),
        max: hoursOf(p.targetMinutes),
        text: t('dashboard:overview.progress.bar_text', {
          confirmed: p.confirmedMinutes,
          target: p.targetMinutes,
        }),
        labelledBy: 'progress',
      }),
    ),
    el(
      'p',
      d.term
        ? tHtml(t, 'dashboard:newcomer.term', { start: date(d.term.start), end: date(d.term.end) })
        : t('dashboard:newcomer.no_term'),
    ),
    table(
      t('dashboard:newcomer.by_type'),
      [
        { head: t('dashboard:newcomer.type'), cell: (o) => t(`proof:offer.${o}`) },
        {
          head: t('dashboard:overview.progress.confirmed'),
          cell: (o) => f.num(hoursOf(p.byOfferType[o].confirmed)),
          num: true,
        },
        {
          head: t('dashboard:overview.progress.pending'),
          cell: (o) => f.num(hoursOf(p.byOfferType[o].pending)),
          num: true,
        },
      ],
      types,
      t('dashboard:newcomer.no_hours'),
    ),
  ]);
};

const proofsPart = (f: PageFrame, d: NewcomerDetail): Html => {
  const t = f.t;
  const items = d.proofs.map((p) => {
    const href = `/dashboard/proof/${encodeURIComponent(d.id)}/${p.n}.pdf`;
    const text = tHtml(t, 'dashboard:newcomer.proof_link', {
      n: p.n,
      type: t(`proof:offer.${p.offerType}`),
      who: p.who ? bdi(p.who) : t('dashboard:none'),
      minutes: p.totalMinutes,
    });
    return `<li>${link(href, text, 'download').html}</li>`;
  });
  return join([
    el('h2', t('dashboard:newcomer.proofs'), 'id="proofs"'),
    items.length
      ? raw(`<ul>${items.join('')}</ul>`)
      : el('p', t('dashboard:newcomer.no_proofs'), 'class="empty"'),
  ]);
};

const entriesPart = (f: PageFrame, d: NewcomerDetail): Html => {
  const t = f.t;
  return join([
    el('h2', t('dashboard:newcomer.entries')),
    table(
      t('dashboard:newcomer.entries_caption'),
      [
        { head: t('dashboard:newcomer.date'), cell: (e) => date(e.date) },
        { head: t('dashboard:newcomer.hours'), cell: (e) => f.num(hoursOf(e.minutes)), num: true },
        { head: t('dashboard:newcomer.type'), cell: (e) => t(`proof:offer.${e.offerType}`) },
        { head: t('dashboard:newcomer.where'), cell: (e) => (e.where ? bdi(e.where) : t('dashboard:none')) },
        {
          head: t('dashboard:newcomer.what'),
          cell: (e) => (e.description ? bdi(e.description) : t('dashboard:none')),
        },
        { head: t('dashboard:newcomer.status'), cell: (e) => t(`coach:log.status.${e.status}`) },
      ],
      d.entries,
      t('dashboard:newcomer.no_hours'),
    ),
  ]);
};

const followUpText = (f: PageFrame, x: LogFollowUp): Html | string =>
  x.type === 'task'
    ? join([f.t(`coach:task.kind.${x.kind}`), ...(x.note ? [': ', bdi(x.note)] : [])])
    : tHtml(f.t, 'dashboard:newcomer.answer', {
        answer: ANSWERS.has(x.answer) ? f.t(`coach:log.answer.${x.answer}`) : bdi(x.answer),
      });

const logPart = (f: PageFrame, d: NewcomerDetail): Html => {
  const t = f.t;
  const l = d.log;
  return join([
    el('h2', t('dashboard:newcomer.log')),
    el(
      'p',
      l.duo
        ? tHtml(t, 'dashboard:newcomer.duo', {
            buddy: bdi(l.buddy ?? ''),
            id: l.duo.id,
            status: t(`staff:duo.status.${l.duo.status}`),
          })
        : t('dashboard:newcomer.no_duo'),
    ),
    table(
      t('dashboard:newcomer.meetings'),
      [
        { head: t('dashboard:newcomer.date'), cell: (m) => date(m.date) },
        { head: t('dashboard:newcomer.hours'), cell: (m) => f.num(hoursOf(m.minutes)), num: true },
        {
          head: t('dashboard:newcomer.what'),
          cell: (m) => (m.description ? bdi(m.description) : t('dashboard:none')),
        },
        { head: t('dashboard:newcomer.status'), cell: (m) => t(`coach:log.status.${m.status}`) },
      ],
      l.meetings,
      t('dashboard:newcomer.no_meetings'),
    ),
    ...(l.otherConfirmedMinutes
      ? [el('p', t('dashboard:newcomer.other_hours', { minutes: l.otherConfirmedMinutes }))]
      : []),
    table(
      t('dashboard:newcomer.followups'),
      [
        { head: t('dashboard:newcomer.date'), cell: (x) => date(x.date) },
        { head: t('dashboard:newcomer.followup'), cell: (x) => followUpText(f, x) },
      ],
      l.followUps,
      t('dashboard:newcomer.no_followups'),
    ),
  ]);
};

/**
 * One newcomer's page: progress toward the 40 hours (per offer type too) and the term, the proofs
 * to download (one link per bewijs van deelname), every hours entry with its status, and the duo
 * log (meetings, follow-ups with the coach's notes and check-in answers).
 */
export const newcomerPage = (f: PageFrame, d: NewcomerDetail): string =>
  layout(
    f,
    bdi(d.name),
    join([
      el('p', tHtml(f.t, 'dashboard:newcomer.gemeente', { gemeente: bdi(d.gemeente) })),
      progressPart(f, d),
      proofsPart(f, d),
      entriesPart(f, d),
      logPart(f, d),
    ]),
  );
