import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/app.js';
import { addressKey } from '../../../src/core/messages.js';
import { previousQuarter, TB_REPORT_CRON, tbReportJobs } from '../../../src/domain/reports/jobs.js';
import { renderTemplate } from '../../../src/i18n/index.js';
import { world } from '../ledger/world.js';

const { i18n } = loadContent();
const render = (t: Parameters<typeof renderTemplate>[1], lng: string) => renderTemplate(i18n, t, lng);

describe('TB report reminder', () => {
  it('is planned for 09:00 Brussels on 1 January, April, July and October only', async () => {
    const w = await world();
    const jobs = tbReportJobs({ timeZone: 'Europe/Brussels', cron: TB_REPORT_CRON, render });
    const due: string[] = [];
    let now = new Date('2026-11-23T10:00:00Z');
    for (let i = 0; i < 5; i++) {
      await w.store.transact((tx) => jobs.plan(tx, now));
      const next = (await w.store.read((tx) => tx.list('jobs')))
        .map((j) => j.dueAt)
        .sort()
        .at(-1)!;
      due.push(next);
      now = new Date(Date.parse(next) + 1000);
    }
    expect(due).toEqual([
      '2027-01-01T08:00:00.000Z',
      '2027-04-01T07:00:00.000Z',
      '2027-07-01T07:00:00.000Z',
      '2027-10-01T07:00:00.000Z',
      '2028-01-01T08:00:00.000Z',
    ]);
    // Planning again before it is due adds nothing.
    await w.store.transact((tx) => jobs.plan(tx, new Date('2027-12-31T12:00:00Z')));
    expect(await w.store.read((tx) => tx.list('jobs').length)).toBe(5);
  });

  it('tells each coach with a chat, in their language, which quarter to report', async () => {
    const w = await world();
    const address = { channel: 'slack', chat: 'ULOTTE', user: 'ULOTTE' };
    await w.store.transact((tx) =>
      tx.put('identities', addressKey(address), { v: 1, address, personId: w.coach.id, linkedAt: 'x' }),
    );
    const jobs = tbReportJobs({ timeZone: 'Europe/Brussels', cron: TB_REPORT_CRON, render });
    const job = {
      v: 1 as const,
      id: 'tb-report:2027-01-01',
      kind: 'tb_report_reminder',
      dueAt: '2027-01-01T08:00:00.000Z',
      payload: { date: '2027-01-01' },
      status: 'due' as const,
      doneAt: null,
    };
    const run = jobs.handlers['tb_report_reminder'] as (tx: never, j: typeof job, now: Date) => void;
    await w.store.transact((tx) => run(tx as never, job, new Date('2027-01-01T08:00:00Z')));
    await w.store.transact((tx) => run(tx as never, job, new Date('2027-01-01T08:00:05Z')));
    const out = await w.store.read((tx) => tx.list('outbox'));
    expect(out.map((r) => [r.id, r.to.chat, r.message.text])).toEqual([
      [
        `tb-report:${w.coach.id}:2027-01-01`,
        'ULOTTE',
        '📅 Een nieuw kwartaal. Stuur het rapport naar de trajectbegeleider. Maak het met: npm run cli -- report tb --from 2026-10-01 --to 2026-12-31',
      ],
    ]);
    expect(previousQuarter('2027-04-01')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(previousQuarter('2026-07-01')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
});
