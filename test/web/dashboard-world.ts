import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadContent } from '../../src/app.js';
import { createSeededIds, ManualClock } from '../../src/core/clock.js';
import type { Store } from '../../src/core/store.js';
import type { Broadcast, DataSchema, DemoResult, LedgerEntry, Person } from '../../src/domain/index.js';
import { seedDemo } from '../../src/domain/index.js';
import { createTask } from '../../src/domain/followup/tasks.js';
import { dashboardRoutes } from '../../src/web/dashboard/index.js';
import type { WebContext } from '../../src/web/types.js';
import { activity } from '../helpers/activities.js';
import { buddyMeeting } from '../helpers/ledger.js';
import { memoryStore } from '../helpers/store.js';

const content = loadContent();

/** The demo data plus hours, tasks, activities, RSVPs and broadcasts, behind the dashboard alone. */
export interface DashboardWorld {
  readonly store: Store<DataSchema>;
  readonly clock: ManualClock;
  readonly demo: DemoResult;
  readonly amina: Person;
  readonly yusuf: Person;
  /** A newcomer whose name is markup. */
  readonly script: Person;
  readonly base: string;
  get(path: string): Promise<Response>;
  close(): Promise<void>;
}

const NOW = '2026-11-23T09:00:00Z';

/**
 * A memory store with the demo data (Lotte, Sara, Amina, Yusuf, duo_demo1) on 2026-11-23, and:
 * Amina 12,5 confirmed hours with Sara (two proofs: buddy and a volunteer place) and 1,5 h
 * waiting for Sara since 2026-11-16; Yusuf 2 h at the Kringwinkel waiting for the coach, with a
 * formula as description; an overdue task (3 days) about the duo, one due today for Yusuf and one
 * due next week; an upcoming and a past activity with RSVPs; a broadcast half sent. The
 * dashboard route alone runs on a node:http server on a free port (`language` for its pages).
 */
export const dashboardWorld = async (language = 'nl'): Promise<DashboardWorld> => {
  const store = memoryStore();
  const clock = new ManualClock(NOW);
  const seeded = createSeededIds(11);
  const ids = { ...seeded, next: (p: string) => seeded.next(`${p}w`) };
  const demo = await store.transact((tx) => seedDemo(tx, clock.now(), content.i18n.languages));
  const [amina, yusuf] = demo.invited.map((i) => i.person) as [Person, Person];
  const sara = demo.buddy;
  const script: Person = { ...yusuf, id: 'p_script', name: '<script>alert(1)</script>' };
  await store.transact((tx) => {
    const confirmed = (e: LedgerEntry): LedgerEntry => ({
      ...e,
      history: [
        {
          at: `${e.date}T18:00:00.000Z`,
          by: sara.id,
          action: 'confirmed',
          via: { channel: 'whatsapp', messageId: `m_${e.id}` },
        },
      ],
    });
    tx.put(
      'ledger',
      'le_1',
      confirmed(buddyMeeting('2026-11-02', amina.id, sara.id, { id: 'le_1', minutes: 600 })),
    );
    tx.put('ledger', 'le_2', {
      ...confirmed(buddyMeeting('2026-11-09', amina.id, sara.id, { id: 'le_2', minutes: 60 })),
      offerType: 'vrijwilligerswerk',
      organisation: 'Kringwinkel',
      contactId: null,
    });
    tx.put(
      'ledger',
      'le_3',
      confirmed(buddyMeeting('2026-11-12', amina.id, sara.id, { id: 'le_3', minutes: 90 })),
    );
    tx.put('ledger', 'le_4', {
      ...buddyMeeting('2026-11-16', amina.id, sara.id, { id: 'le_4', minutes: 90 }),
      status: 'pending',
      description: 'Markt bezocht',
    });
    tx.put('ledger', 'le_5', {
      ...buddyMeeting('2026-11-18', yusuf.id, sara.id, { id: 'le_5', minutes: 120 }),
      offerType: 'vrijwilligerswerk',
      organisation: 'Kringwinkel',
      contactId: null,
      reportedBy: yusuf.id,
      status: 'pending',
      description: '=HYPERLINK("http://x")',
    });
    tx.put('people', script.id, script);
    const o = { now: clock.now(), ids };
    createTask(
      tx,
      {
        newcomerId: amina.id,
        duoId: 'duo_demo1',
        kind: 'call_both',
        dueDate: '2026-11-20',
        source: 'vgc:m1',
      },
      o,
    );
    createTask(
      tx,
      { newcomerId: yusuf.id, kind: 'call_newcomer', dueDate: '2026-11-23', source: 'outreach' },
      o,
    );
    createTask(
      tx,
      { newcomerId: yusuf.id, kind: 'closing_conversation', dueDate: '2026-11-30', source: 'coach' },
      o,
    );
    tx.put('activities', 'a_soon', activity('a_soon', 'Praattafel', '2026-11-26T13:00:00Z'));
    tx.put(
      'activities',
      'a_later',
      activity('a_later', 'Wandeling', '2026-12-03T09:00:00Z', {
        criteria: { free: false, dutchContext: true, accessibleOrganisation: true },
        free: false,
        priceCents: 300,
      }),
    );
    tx.put('activities', 'a_past', activity('a_past', 'Kookavond', '2026-11-10T17:00:00Z'));
    const rsvp = (activityId: string, personId: string, status: 'coming' | 'cancelled') =>
      tx.put('rsvps', `${activityId}:${personId}`, {
        v: 1,
        id: `${activityId}:${personId}`,
        activityId,
        personId,
        status,
        at: NOW,
        remindedAt: null,
        askedAt: null,
        entryId: null,
      });
    rsvp('a_soon', amina.id, 'coming');
    rsvp('a_soon', sara.id, 'coming');
    rsvp('a_soon', yusuf.id, 'cancelled');
    rsvp('a_past', yusuf.id, 'coming');
    const broadcast: Broadcast = {
      v: 1,
      id: 'b_1',
      kind: 'digest',
      municipalities: ['wetteren'],
      activityIds: ['a_soon', 'a_later'],
      sendAt: '2026-11-23T08:00:00Z',
      quietOverride: false,
      createdBy: demo.coach.id,
      createdAt: NOW,
      status: 'sending',
      total: 7,
      sent: 5,
      failed: 1,
      statusMessage: null,
    };
    tx.put('broadcasts', broadcast.id, broadcast);
  });
  const ctx: WebContext = { store, clock, ids, content, timeZone: 'Europe/Brussels', language };
  const route = dashboardRoutes(ctx);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    route(req, res, url).then(
      (handled) => {
        if (!handled) {
          res.writeHead(418);
          res.end('not mine');
        }
      },
      (err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    store,
    clock,
    demo,
    amina,
    yusuf,
    script,
    base,
    get: (path) => fetch(`${base}${path}`, { redirect: 'manual' }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};
