import { describe, expect, it } from 'vitest';
import type { JobHandler } from '../../../src/scheduler/types.js';
import { seedDemo, type DataSchema, type Job } from '../../../src/domain/index.js';
import { createSeededIds } from '../../../src/core/clock.js';
import {
  closeHandover,
  HOLD_KIND,
  holdDuringHandover,
  openHandover,
} from '../../../src/domain/handover/index.js';
import { memoryStore } from '../../helpers/store.js';

const now = new Date('2026-11-23T09:00:00Z');
const later = (min: number) => new Date(now.getTime() + min * 60_000);

const job = (id: string, kind: string, dueAt = now): Job => ({
  v: 1,
  id,
  kind,
  dueAt: dueAt.toISOString(),
  payload: {},
  status: 'due',
  doneAt: null,
});

const setup = async () => {
  const store = memoryStore();
  const ids = createSeededIds(3);
  // Demo data: coach Lotte linked on the console, newcomer Amina with Lotte as coach.
  const people = await store.transact((tx) => {
    const d = seedDemo(tx, now, ['nl']);
    return { coach: d.coach, amina: d.invited[0]!.person };
  });
  const start = { personId: people.amina.id, flow: 'checkin', vars: { duo: 'duo_1' } };
  const checkin: JobHandler<DataSchema, Job> = () => ({ start });
  const handlers = holdDuringHandover({ checkin });
  const run = (j: Job, at: Date) =>
    store.transact((tx) => {
      const h = handlers[j.kind]!;
      return typeof h === 'function' ? h(tx, j, at) : h.run(tx, j, at);
    });
  return { store, ids, people, start, run };
};

describe('scheduled flows during a handover', () => {
  it('go ahead when no handover is open', async () => {
    const { run, start } = await setup();
    expect(await run(job('c1', 'checkin'), now)).toEqual({ start });
  });

  it('are held while it is open, checked every 15 minutes, and start after the coach closed it', async () => {
    const { store, ids, people, run, start } = await setup();
    const h = await store.transact((tx) => {
      const r = openHandover(tx, { ids, now }, people.amina, 'asked');
      if (r.outcome !== 'ok') throw new Error(r.outcome);
      return r.handover;
    });
    expect(await run(job('c1', 'checkin'), now)).toEqual({});
    const held = await store.read((tx) => tx.list('jobs'));
    expect(held).toMatchObject([
      { id: 'hold:c1:1', kind: HOLD_KIND, dueAt: later(15).toISOString(), payload: { flow: 'checkin' } },
    ]);
    // Still open at the check: held again.
    expect(await run(held[0]!, later(15))).toEqual({});
    const again = await store.read((tx) => tx.get('jobs', 'hold:c1:2'));
    expect(again?.dueAt).toBe(later(30).toISOString());
    // Closed: the flow starts, with its variables.
    await store.transact((tx) => closeHandover(tx, tx.get('handovers', h.id)!, later(20)));
    expect(await run(again!, later(30))).toEqual({ start });
  });
});
