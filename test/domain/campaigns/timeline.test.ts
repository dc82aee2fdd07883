import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/app.js';
import { campaignTimeline, type Anchors } from '../../../src/domain/campaigns/timeline.js';
import { loadCampaigns, parseCampaign } from '../../../src/flows/campaign-loader.js';

const TZ = 'Europe/Brussels';
const campaigns = loadCampaigns(`${ROOT}flows/campaigns`);
const vgc = campaigns.get('vgc')!;
const wetteren = campaigns.get('wetteren')!;

/** A duo matched on Monday 23 November 2026 at 10:00 Brussels, six months. */
const anchors = (o: Partial<Anchors> = {}): Anchors => ({
  matchedAt: new Date('2026-11-23T09:00:00Z'),
  match: '2026-11-23',
  firstMeeting: null,
  end: '2027-05-23',
  pausedDays: 0,
  resumedOn: null,
  ...o,
});

const brussels = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, dateStyle: 'short', timeStyle: 'short' }).format(d);
const show = (c = vgc, a = anchors()) =>
  campaignTimeline(c, a, TZ).map((o) => `${brussels(o.dueAt)} ${o.key}`);

describe('campaign timelines', () => {
  it('VGC: confirm at the match, 1 and 3 months, two weeks before the end, the end', () => {
    expect(show()).toEqual([
      '2026-11-23 10:00 confirm_match',
      '2026-12-23 10:00 month1_checkin',
      '2027-02-23 09:00 month3_call',
      '2027-02-23 18:00 month3_survey',
      '2027-05-09 10:00 end_soon_buddy',
      '2027-05-09 10:00 end_soon_newcomer',
      '2027-05-23 10:00 closing',
    ]);
  });

  it('an event due before the match goes at the match (right after matching)', () => {
    const late = anchors({ matchedAt: new Date('2026-11-23T15:30:00Z') });
    expect(campaignTimeline(vgc, late, TZ)[0]).toMatchObject({
      key: 'confirm_match',
      dueAt: new Date('2026-11-23T15:30:00Z'),
    });
  });

  it('first-meeting events appear once the first meeting is known', () => {
    expect(show(vgc, anchors({ firstMeeting: '2026-11-28' }))).toContain(
      '2026-11-29 18:00 first_meeting_survey',
    );
  });

  it('Wetteren: a call after the first activity, then monthly until two weeks before the end', () => {
    expect(show(wetteren)).toEqual([
      '2027-05-09 10:00 end_soon_buddy',
      '2027-05-09 10:00 end_soon_newcomer',
      '2027-05-23 10:00 closing',
    ]);
    expect(show(wetteren, anchors({ firstMeeting: '2026-11-30' }))).toEqual([
      '2026-12-01 09:00 first_activity_call',
      '2026-12-01 18:00 first_meeting_survey',
      '2026-12-30 10:00 monthly_checkin',
      '2027-01-30 10:00 monthly_checkin#2',
      '2027-02-28 10:00 monthly_checkin#3',
      '2027-03-30 10:00 monthly_checkin#4',
      '2027-04-30 10:00 monthly_checkin#5',
      '2027-05-09 10:00 end_soon_buddy',
      '2027-05-09 10:00 end_soon_newcomer',
      '2027-05-23 10:00 closing',
    ]);
  });

  it('pauses shift the events by the paused days, at the same local time across clock changes', () => {
    const paused = show(vgc, anchors({ pausedDays: 10, resumedOn: '2026-12-20' }));
    expect(paused).toContain('2027-03-05 09:00 month3_call');
    // 10:00 in winter and in summer time (the clocks go forward on 28 March 2027).
    expect(paused).toContain('2027-06-02 10:00 closing');
    expect(
      campaignTimeline(vgc, anchors({ pausedDays: 10 }), TZ)
        .at(-1)
        ?.dueAt.toISOString(),
    ).toBe('2027-06-02T08:00:00.000Z');
  });

  it('a first meeting after the last resume is not shifted by the pause before it', () => {
    const a = anchors({ firstMeeting: '2027-01-10', pausedDays: 7, resumedOn: '2027-01-05' });
    expect(show(vgc, a)).toContain('2027-01-11 18:00 first_meeting_survey');
    expect(show(vgc, a)).toContain('2027-03-02 09:00 month3_call');
  });
});

describe('campaign files', () => {
  const file = (events: string) => `id: test\nversion: 1\nevents:\n${events}`;

  it('reports a wrong field with file, line and path', () => {
    const r = parseCampaign(
      'x.yaml',
      file('  - id: a\n    anchor: birthday\n    do: { type: task, task: call_both }\n'),
    );
    expect(r.problems.join('\n')).toMatch(/^x\.yaml:5:13 events\.0\.anchor: /);
  });

  it('reports an unknown text key, an unknown flow and a twice-used id', () => {
    const r = parseCampaign(
      'x.yaml',
      file(
        '  - { id: a, anchor: match, do: { type: message, to: buddy, text: "followup:nope" } }\n' +
          '  - { id: a, anchor: match, do: { type: flow, to: buddy, flow: ghost } }\n',
      ),
      { knownKey: () => false, knownFlow: () => false },
    );
    expect(r.problems).toEqual([
      expect.stringMatching(/x\.yaml:4:\d+ events\.0\.do\.text: i18n key "followup:nope" is missing/),
      expect.stringMatching(/x\.yaml:5:\d+ events\.1\.id: event id "a" is used twice/),
      expect.stringMatching(/x\.yaml:5:\d+ events\.1\.do\.flow: flow "ghost" does not exist/),
    ]);
  });

  it('keeps flows/campaign.schema.json in step with the schema (npm run schema)', async () => {
    const { campaignJsonSchema } = await import('../../../src/flows/campaign-loader.js');
    const committed = JSON.parse(readFileSync(`${ROOT}flows/campaign.schema.json`, 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(campaignJsonSchema())));
  });
});
