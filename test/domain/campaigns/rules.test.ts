import { describe, expect, it } from 'vitest';
import { buddyMeeting as meeting } from '../../helpers/ledger.js';
import { world } from './world.js';

const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });

const CHECKIN = 'Hoe gaat het met jou en Amina?';

describe('campaign events: skipped when their purpose is met', () => {
  it('no one-month check-in after a meeting in the last 14 days', async () => {
    const w = await world('vgc');
    const { demo } = w.bot;
    await w.bot.store.transact((tx) =>
      tx.put('ledger', 'le_x', meeting('2026-12-20', demo.invited[0]!.person.id, demo.buddy.id)),
    );
    await w.until('2026-12-24T12:00:00Z');
    expect(await w.marks()).toContain('2026-12-23 10:00 month1_checkin skipped (met_recently)');
    expect(w.log.join('\n')).not.toContain(CHECKIN);
  });

  it('a meeting longer ago does not count: the check-in goes out', async () => {
    const w = await world('vgc');
    const { demo } = w.bot;
    await w.bot.store.transact((tx) =>
      tx.put('ledger', 'le_x', meeting('2026-12-08', demo.invited[0]!.person.id, demo.buddy.id)),
    );
    await w.until('2026-12-24T12:00:00Z');
    expect(await w.marks()).toContain('2026-12-23 10:00 month1_checkin sent');
    expect(w.log.join('\n')).toContain(`2026-12-23 10:00 sara: 👋 ${CHECKIN}`);
  });

  it('no three-month call task when the coach already called (a done call task)', async () => {
    const w = await world('vgc');
    await w.bot.store.transact((tx) =>
      tx.put('tasks', 't_hand', {
        v: 1,
        id: 't_hand',
        coachId: w.bot.demo.coach.id,
        newcomerId: w.bot.demo.invited[0]!.person.id,
        duoId: 'duo_demo1',
        kind: 'call_newcomer',
        dueDate: '2027-02-01',
        status: 'done',
        createdAt: '2027-02-01T10:00:00.000Z',
        source: 'coach',
      }),
    );
    await w.bot.clock.set('2027-02-22T08:00:00Z');
    await w.until('2027-02-24T08:00:00Z');
    const marks = await w.marks();
    expect(marks).toContain('2027-02-23 09:00 month3_call skipped (task_done)');
    // Events missed by more than a week (the clock jumped) are skipped, not sent late.
    expect(marks).toContain('2026-12-23 10:00 month1_checkin skipped (too_late)');
    expect(await w.tasks()).toEqual(['2027-02-01 call_newcomer coach done']);
  });

  it('a check-in answered "question" gives the coach a task and a message', async () => {
    const w = await world('vgc');
    await w.until('2026-11-23T10:00:00Z');
    const sara = w.bot.user('sara');
    await sara.says('1'); // the match confirmation
    await w.until('2026-12-23T10:00:00Z');
    expect(sara.lastReply).toContain(CHECKIN);
    await sara.says('3');
    expect(sara.replies).toEqual(['Oké. Je coach belt je binnenkort.']);
    expect(w.bot.user('lotte').lastReply).toContain('Sara heeft een vraag over het duo met Amina');
    expect(await w.tasks()).toEqual(['2026-12-23 call_buddy question:month1_checkin open']);
    expect(await w.marks()).toContain('2026-12-23 10:00 month1_checkin sent answer=question');
  });
});

describe('campaign events: pause, resume and end', () => {
  it('nothing goes out while paused; resuming shifts the rest by the paused days', async () => {
    const w = await world('vgc');
    const lotte = w.bot.user('lotte');
    await w.until('2026-12-20T09:00:00Z');
    await lotte.sends(staff('duo pause Amina'));
    await w.until('2026-12-30T09:00:00Z');
    expect(w.log.filter((l) => l > '2026-12-20')).toEqual([]);
    await lotte.sends(staff('duo resume Amina'));
    await w.until('2027-03-06T12:00:00Z');
    const marks = await w.marks();
    // Due 23 December, shifted by the 10 days of the pause.
    expect(marks).toContain('2027-01-02 10:00 month1_checkin sent');
    expect(marks).toContain('2027-03-05 09:00 month3_call sent');
    expect(w.log.join('\n')).toContain(`2027-01-02 10:00 sara: 👋 ${CHECKIN}`);
    expect(await w.tasks()).toEqual(['2027-03-05 call_newcomer campaign:vgc:month3_call open']);
  });

  it('a duo that ends cancels everything still to come, at once', async () => {
    const w = await world('vgc');
    await w.until('2027-01-15T09:00:00Z');
    await w.bot.user('lotte').sends(staff('duo end Amina reden="verhuisd"'));
    await w.until('2027-06-01T09:00:00Z');
    expect(await w.marks()).toEqual([
      '2026-11-23 10:00 confirm_match sent',
      '2026-12-23 10:00 month1_checkin sent',
      '2027-02-23 09:00 month3_call cancelled (duo_ended)',
      '2027-02-23 18:00 month3_survey cancelled (duo_ended)',
      '2027-05-09 10:00 end_soon_buddy cancelled (duo_ended)',
      '2027-05-09 10:00 end_soon_newcomer cancelled (duo_ended)',
      '2027-05-23 10:00 closing cancelled (duo_ended)',
    ]);
    expect(w.log.filter((l) => l > '2027-01-15')).toEqual([]);
    expect(await w.tasks()).toEqual([]);
  });

  it('an ended duo gets one closing mark (<duo>:*) that the planner passes by', async () => {
    const w = await world('vgc');
    await w.until('2027-01-15T09:00:00Z');
    await w.bot.user('lotte').sends(staff('duo end Amina reden="verhuisd"'));
    await w.until('2027-01-15T11:00:00Z');
    const closed = await w.bot.store.read((tx) => tx.get('followups', 'duo_demo1:*'));
    expect(closed).toEqual({
      v: 1,
      id: 'duo_demo1:*',
      duoId: 'duo_demo1',
      campaign: 'vgc',
      eventId: '*',
      dueAt: closed?.at,
      status: 'cancelled',
      at: expect.stringMatching(/^2027-01-15T/) as unknown as string,
      reason: 'duo_ended',
    });
  });

  it('an ended trajectory cancels the campaign too', async () => {
    const w = await world('wetteren');
    await w.bot.store.transact((tx) => {
      const t = tx.list('trajectories', (x) => x.newcomerId === w.bot.demo.invited[0]!.person.id)[0]!;
      tx.put('trajectories', t.id, { ...t, status: 'ended' });
    });
    await w.until('2026-11-23T12:00:00Z');
    expect(await w.marks()).toEqual([
      '2027-05-09 10:00 end_soon_buddy cancelled (trajectory_ended)',
      '2027-05-09 10:00 end_soon_newcomer cancelled (trajectory_ended)',
      '2027-05-23 10:00 closing cancelled (trajectory_ended)',
    ]);
  });

  it('a gemeente can choose another campaign or none', async () => {
    const w = await world('vgc');
    const { setCampaign } = await import('../../../src/domain/index.js');
    const gemeente = w.bot.demo.coach.municipality;
    expect(
      await w.bot.store.transact((tx) => setCampaign(tx, gemeente, 'nope', ['vgc', 'wetteren'])),
    ).toEqual({ ok: false, problem: 'unknown_campaign' });
    await w.bot.store.transact((tx) => setCampaign(tx, gemeente, 'none', ['vgc', 'wetteren']));
    await w.until('2026-12-24T12:00:00Z');
    expect(await w.marks()).toEqual([]);
  });
});

describe('campaign tasks', () => {
  it('have one id per duo and event (t_<duo>_<event>), not one from the id counter', async () => {
    const w = await world('vgc');
    await w.bot.clock.set('2027-02-22T08:00:00Z');
    await w.until('2027-02-24T08:00:00Z');
    const tasks = await w.bot.store.read((tx) => tx.list('tasks', (t) => t.source.startsWith('campaign:')));
    expect(tasks.map((t) => [t.id, t.kind, t.source])).toEqual([
      ['t_duo_demo1_month3_call', 'call_newcomer', 'campaign:vgc:month3_call'],
    ]);
  });
});
