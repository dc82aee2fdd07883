import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/store/index.js';
import { createSeededIds } from '../../../src/core/clock.js';
import { authorize, PERMISSIONS, type Subject } from '../../../src/domain/access/policy.js';
import { addMunicipality } from '../../../src/domain/municipalities.js';
import { createPerson } from '../../../src/domain/people.js';
import {
  COLLECTIONS,
  DATA_VERSION,
  MIGRATIONS,
  type DataSchema,
  type Person,
} from '../../../src/domain/schema.js';
import type { LedgerEntry } from '../../../src/domain/ledger/types.js';
import type { WriteTx } from '../../../src/core/store.js';
import { DEFAULT_HOURS } from '../../../src/app.js';
import { createDomainActions } from '../../../src/domain/actions/index.js';
import { correctEntry } from '../../../src/domain/ledger/index.js';
import { addressKey } from '../../../src/core/messages.js';
import { createTestBot, type TestBot } from '../../helpers/bot.js';

/**
 * The whole role x permission x subject matrix of the access policy, as one table. Actors: the
 * newcomer Nora, her buddy Bram, the contact person Chris (Bib Wetteren), coach Wim of Wetteren,
 * coach Lien of Laarne, an admin of Laarne, and someone the bot does not know. Subjects: none,
 * the actor themselves, Nora, another newcomer of Wetteren (Omar, no duo with Bram), the gemeente
 * Wetteren, an entry of Nora that Chris must confirm, one that Bram must confirm, the duo
 * Nora + Bram, and an id that does not exist.
 *
 * Y allowed, R refused for the role, S refused for the scope, L not linked.
 */
const COLUMNS = ['newcomer', 'buddy', 'contact', 'coachSame', 'coachOther', 'admin', 'unlinked'] as const;
// prettier-ignore
const MATRIX = [
  'trajectory.view   none          Y S R Y Y Y L',
  'trajectory.view   self          Y S R Y Y Y L',
  'trajectory.view   newcomer      Y Y R Y S Y L',
  'trajectory.view   other         S S R Y S Y L',
  'trajectory.view   gemeente      S S R Y S Y L',
  'trajectory.view   entry_contact S S S Y S Y L',
  'trajectory.view   entry_buddy   S S S Y S Y L',
  'trajectory.view   duo           Y Y R Y S Y L',
  'trajectory.view   unknown       S S S S S Y L',
  'trajectory.manage none          R R R Y Y Y L',
  'trajectory.manage self          R R R Y Y Y L',
  'trajectory.manage newcomer      R R R Y S Y L',
  'trajectory.manage other         R R R Y S Y L',
  'trajectory.manage gemeente      R R R Y S Y L',
  'trajectory.manage entry_contact R R R Y S Y L',
  'trajectory.manage entry_buddy   R R R Y S Y L',
  'trajectory.manage duo           R R R Y S Y L',
  'trajectory.manage unknown       S S S S S Y L',
  'hours.report      none          Y S R Y Y Y L',
  'hours.report      self          Y S R Y Y Y L',
  'hours.report      newcomer      Y Y R Y S Y L',
  'hours.report      other         S S R Y S Y L',
  'hours.report      gemeente      S S R Y S Y L',
  'hours.report      entry_contact S S S Y S Y L',
  'hours.report      entry_buddy   S S S Y S Y L',
  'hours.report      duo           Y Y R Y S Y L',
  'hours.report      unknown       S S S S S Y L',
  'hours.confirm     none          R S S Y Y Y L',
  'hours.confirm     self          R S S Y Y Y L',
  'hours.confirm     newcomer      R S S Y S Y L',
  'hours.confirm     other         R S S Y S Y L',
  'hours.confirm     gemeente      R S S Y S Y L',
  'hours.confirm     entry_contact R S Y Y S Y L',
  'hours.confirm     entry_buddy   R Y S Y S Y L',
  'hours.confirm     duo           R S S Y S Y L',
  'hours.confirm     unknown       S S S S S Y L',
  'hours.correct     none          R R R Y Y Y L',
  'hours.correct     self          R R R Y Y Y L',
  'hours.correct     newcomer      R R R Y S Y L',
  'hours.correct     other         R R R Y S Y L',
  'hours.correct     gemeente      R R R Y S Y L',
  'hours.correct     entry_contact R R R Y S Y L',
  'hours.correct     entry_buddy   R R R Y S Y L',
  'hours.correct     duo           R R R Y S Y L',
  'hours.correct     unknown       S S S S S Y L',
  'aanbod.manage     none          R R R Y Y Y L',
  'aanbod.manage     self          R R R Y Y Y L',
  'aanbod.manage     newcomer      R R R Y S Y L',
  'aanbod.manage     other         R R R Y S Y L',
  'aanbod.manage     gemeente      R R R Y S Y L',
  'aanbod.manage     entry_contact R R R Y S Y L',
  'aanbod.manage     entry_buddy   R R R Y S Y L',
  'aanbod.manage     duo           R R R Y S Y L',
  'aanbod.manage     unknown       S S S S S Y L',
  'aanbod.rsvp       none          Y Y Y Y Y Y L',
  'aanbod.rsvp       self          Y Y Y Y Y Y L',
  'aanbod.rsvp       newcomer      Y S S Y S Y L',
  'aanbod.rsvp       other         S S S Y S Y L',
  'aanbod.rsvp       gemeente      S S S Y S Y L',
  'aanbod.rsvp       entry_contact S S S Y S Y L',
  'aanbod.rsvp       entry_buddy   S S S Y S Y L',
  'aanbod.rsvp       duo           S S S Y S Y L',
  'aanbod.rsvp       unknown       S S S S S Y L',
  'duo.pause         none          S R R Y Y Y L',
  'duo.pause         self          S R R Y Y Y L',
  'duo.pause         newcomer      S R R Y S Y L',
  'duo.pause         other         S R R Y S Y L',
  'duo.pause         gemeente      S R R Y S Y L',
  'duo.pause         entry_contact S R R Y S Y L',
  'duo.pause         entry_buddy   S R R Y S Y L',
  'duo.pause         duo           Y R R Y S Y L',
  'duo.pause         unknown       S S S S S Y L',
  'duo.respond       none          S S R Y Y Y L',
  'duo.respond       self          S S R Y Y Y L',
  'duo.respond       newcomer      S S R Y S Y L',
  'duo.respond       other         S S R Y S Y L',
  'duo.respond       gemeente      S S R Y S Y L',
  'duo.respond       entry_contact S S R Y S Y L',
  'duo.respond       entry_buddy   S S R Y S Y L',
  'duo.respond       duo           Y Y R Y S Y L',
  'duo.respond       unknown       S S S S S Y L',
  'data.export       none          R R R Y Y Y L',
  'data.export       self          R R R Y Y Y L',
  'data.export       newcomer      R R R Y S Y L',
  'data.export       other         R R R Y S Y L',
  'data.export       gemeente      R R R Y S Y L',
  'data.export       entry_contact R R R Y S Y L',
  'data.export       entry_buddy   R R R Y S Y L',
  'data.export       duo           R R R Y S Y L',
  'data.export       unknown       S S S S S Y L',
  'privacy.own       none          Y Y Y Y Y Y L',
  'privacy.own       self          Y Y Y Y Y Y L',
  'privacy.own       newcomer      Y S S Y S Y L',
  'privacy.own       other         S S S Y S Y L',
  'privacy.own       gemeente      S S S Y S Y L',
  'privacy.own       entry_contact S S S Y S Y L',
  'privacy.own       entry_buddy   S S S Y S Y L',
  'privacy.own       duo           S S S Y S Y L',
  'privacy.own       unknown       S S S S S Y L',
  'privacy.erase     none          R R R Y Y Y L',
  'privacy.erase     self          R R R Y Y Y L',
  'privacy.erase     newcomer      R R R Y S Y L',
  'privacy.erase     other         R R R Y S Y L',
  'privacy.erase     gemeente      R R R Y S Y L',
  'privacy.erase     entry_contact R R R Y S Y L',
  'privacy.erase     entry_buddy   R R R Y S Y L',
  'privacy.erase     duo           R R R Y S Y L',
  'privacy.erase     unknown       S S S S S Y L',
  'handover.reply    none          R R R Y Y Y L',
  'handover.reply    self          R R R Y Y Y L',
  'handover.reply    newcomer      R R R Y S Y L',
  'handover.reply    other         R R R Y S Y L',
  'handover.reply    gemeente      R R R Y S Y L',
  'handover.reply    entry_contact R R R Y S Y L',
  'handover.reply    entry_buddy   R R R Y S Y L',
  'handover.reply    duo           R R R Y S Y L',
  'handover.reply    unknown       S S S S S Y L',
] as const;

type Column = (typeof COLUMNS)[number];
const SUBJECTS = [
  'none',
  'self',
  'newcomer',
  'other',
  'gemeente',
  'entry_contact',
  'entry_buddy',
  'duo',
  'unknown',
] as const;

const entry = (id: string, newcomerId: string, contactId: string): LedgerEntry => ({
  v: 1,
  id,
  newcomerId,
  minutes: 60,
  date: '2026-11-20',
  offerType: 'vrijwilligerswerk',
  organisation: null,
  contactId,
  description: null,
  reportedBy: newcomerId,
  via: null,
  status: 'pending',
  createdAt: '2026-11-20T10:00:00.000Z',
  history: [],
});

/** The people of the matrix, in a fresh store. */
const world = async () => {
  const store = createMemoryStore<DataSchema>({
    schemaVersion: DATA_VERSION,
    migrations: MIGRATIONS,
    collections: COLLECTIONS,
  });
  const now = new Date('2026-11-23T09:00:00Z');
  const people = await store.transact((tx: WriteTx<DataSchema>) => {
    const ctx = { now, ids: createSeededIds(3), actor: 'test', inviteTtlDays: 14, languages: ['nl'] };
    addMunicipality(tx, { id: 'wetteren', name: 'Wetteren' });
    addMunicipality(tx, { id: 'laarne', name: 'Laarne' });
    const make = (name: string, role: Person['role'], municipality: string, extra = {}): Person => {
      const r = createPerson(tx, { name, role, municipality, lang: 'nl', ...extra }, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.person;
    };
    const p = {
      newcomer: make('Nora', 'newcomer', 'wetteren'),
      other: make('Omar', 'newcomer', 'wetteren'),
      buddy: make('Bram', 'buddy', 'wetteren'),
      contact: make('Chris', 'contact', 'wetteren', { organisation: 'Bib Wetteren' }),
      coachSame: make('Wim', 'coach', 'wetteren'),
      coachOther: make('Lien', 'coach', 'laarne'),
      admin: make('Ada', 'admin', 'laarne'),
    };
    tx.put('duos', 'duo1', {
      v: 1,
      id: 'duo1',
      newcomerId: p.newcomer.id,
      buddyId: p.buddy.id,
      coachId: p.coachSame.id,
      status: 'active',
      matchedAt: now.toISOString(),
    });
    tx.put('ledger', 'e_contact', entry('e_contact', p.newcomer.id, p.contact.id));
    tx.put('ledger', 'e_buddy', entry('e_buddy', p.newcomer.id, p.buddy.id));
    return p;
  });
  return { store, people };
};

type World = Awaited<ReturnType<typeof world>>['people'];

const subjectOf = (kind: (typeof SUBJECTS)[number], actor: Person | undefined, p: World): Subject => {
  switch (kind) {
    case 'none':
      return {};
    case 'self':
      return actor ? { personId: actor.id } : {};
    case 'newcomer':
      return { personId: p.newcomer.id };
    case 'other':
      return { personId: p.other.id };
    case 'gemeente':
      return { municipality: 'wetteren' };
    case 'entry_contact':
      return { entryId: 'e_contact' };
    case 'entry_buddy':
      return { entryId: 'e_buddy' };
    case 'duo':
      return { duoId: 'duo1' };
    case 'unknown':
      return { personId: 'p_nobody' };
  }
};

const CODE = { role: 'R', scope: 'S', not_linked: 'L' } as const;

describe('the access policy, role x permission x subject', () => {
  it('has one row per permission and subject kind', () => {
    const rows = MATRIX.map((r) => r.split(/\s+/).slice(0, 2).join(' '));
    expect(rows).toEqual(PERMISSIONS.flatMap((perm) => SUBJECTS.map((s) => `${perm} ${s}`)));
  });

  it('decides every cell as the table says', async () => {
    const { store, people } = await world();
    const got = await store.read((tx) =>
      MATRIX.map((row) => {
        const [permission, kind] = row.split(/\s+/) as [
          (typeof PERMISSIONS)[number],
          (typeof SUBJECTS)[number],
        ];
        const cells = COLUMNS.map((c: Column) => {
          const actor = c === 'unlinked' ? undefined : people[c];
          const d = authorize(tx, actor, permission, subjectOf(kind, actor, people));
          return d.ok ? 'Y' : CODE[d.reason];
        });
        return `${permission.padEnd(17)} ${kind.padEnd(13)} ${cells.join(' ')}`;
      }),
    );
    expect(got).toEqual(MATRIX.map((r) => r));
  });
});

// ---------------------------------------------------------------------------------------------
// The real commands and actions over the test bot, one representative per permission: who does
// what, and the reply (a command or message) or the outcome (a domain action) they get.

/** The demo (Lotte, Sara, Amina, Yusuf in Wetteren) plus Laarne's coach Lien, an admin Ada of Laarne, contact Chris and a buddy Bo without a duo. */
const botWorld = async () => {
  const bot = await createTestBot();
  const amina = bot.user('amina');
  await bot.onboard(amina);
  const ids = await bot.store.transact((tx) => {
    const now = bot.clock.now();
    // Own id letter: the demo's ids count from p_000001 too.
    const seeded = createSeededIds(11);
    const ids = { ...seeded, next: (prefix: string) => seeded.next(`${prefix}x`) };
    const ctx = { now, ids, actor: 'test', inviteTtlDays: 14, languages: ['nl'] };
    addMunicipality(tx, { id: 'laarne', name: 'Laarne' });
    const linked = (name: string, role: Person['role'], municipality: string, extra = {}) => {
      const r = createPerson(tx, { name, role, municipality, lang: 'nl', ...extra }, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      const address = { channel: 'console', chat: name.toLowerCase(), user: name.toLowerCase() };
      tx.put('identities', addressKey(address), {
        v: 1,
        address,
        personId: r.person.id,
        linkedAt: now.toISOString(),
      });
      tx.put('people', r.person.id, {
        ...r.person,
        consent: { given: true, at: now.toISOString(), privacyVersion: 1 },
      });
      return r.person.id;
    };
    linked('Lien', 'coach', 'laarne');
    linked('Ada', 'admin', 'laarne');
    linked('Chris', 'contact', 'wetteren', { organisation: 'Bib Wetteren' });
    linked('Bo', 'buddy', 'wetteren');
    const amina = bot.demo.invited[0]!.person.id;
    tx.put('ledger', 'e_sara', entry('e_sara', amina, bot.demo.buddy.id));
    return { amina };
  });
  return { bot, ...ids };
};

const staff = (args: string) => ({ kind: 'command' as const, command: 'netwerkbot', args });
const actions = createDomainActions({ ...DEFAULT_HOURS, languages: ['nl'] });

/** Runs a domain action as `name` would in their chat; its outcome. */
const act = (bot: TestBot, name: string, action: string, args: Record<string, string>) =>
  bot.store.transact((tx) => {
    const address = { channel: 'console', chat: name, user: name };
    const personId = tx.get('identities', addressKey(address))?.personId ?? null;
    const ctx = {
      tx,
      now: bot.clock.now(),
      ids: createSeededIds(5),
      personId,
      address,
      messageId: null,
      vars: {},
    };
    return actions[action]!(ctx, args).outcome;
  });

type Do =
  | { readonly staff: string }
  | { readonly says: string }
  | { readonly action: string; readonly args: Record<string, string> }
  | { readonly correct: string };

/** [permission, who, what they do, the reply it contains or the outcome]. */
// prettier-ignore
const CASES: readonly (readonly [string, string, Do, string])[] = [
  ['trajectory.view',   'sara',  { staff: 'hours Amina' },       'Dit commando is alleen voor coaches en beheerders.'],
  ['trajectory.view',   'lien',  { staff: 'hours Amina' },       'Ik vind geen inburgeraar met de naam Amina in jouw gemeente.'],
  ['trajectory.view',   'lotte', { staff: 'hours Amina' },       'Uren van Amina'],
  ['trajectory.view',   'ada',   { staff: 'hours Amina' },       'Uren van Amina'],
  ['trajectory.view',   'lien',  { staff: 'log duo_demo1' },     'Ik vind geen inburgeraar of duo duo_demo1 in jouw gemeente.'],
  ['trajectory.view',   'chris', { action: 'hours_summary', args: {} }, 'not_allowed'],
  ['trajectory.view',   'sara',  { action: 'hours_summary', args: {} }, 'ok'],
  ['trajectory.manage', 'lien',  { staff: 'duo pause Amina' },   'Ik vind geen inburgeraar met de naam Amina in jouw gemeente.'],
  ['trajectory.manage', 'lien',  { staff: 'person add newcomer Karim gemeente=wetteren' }, 'Je kan niemand toevoegen in wetteren.'],
  ['trajectory.manage', 'lien',  { staff: 'task add Amina' },    'Ik vind geen inburgeraar met de naam Amina in jouw gemeente.'],
  ['trajectory.manage', 'lotte', { staff: 'task add Amina' },    'Amina'],
  ['aanbod.manage',     'lien',  { staff: 'activity add title="Wandeling" gemeente=wetteren' }, 'Je kan niemand toevoegen in wetteren.'],
  ['aanbod.manage',     'sara',  { staff: 'broadcast Wandeling' }, 'Dit commando is alleen voor coaches en beheerders.'],
  ['hours.report',      'bo',    { says: 'gisteren 2 uur met Amina' }, 'Uren doorgeven kan alleen voor een inburgeraar of een buddy met een duo.'],
  ['hours.report',      'sara',  { action: 'hours_pick_newcomer', args: { id: 'YUSUF' } }, 'not_allowed'],
  ['hours.report',      'sara',  { action: 'hours_pick_newcomer', args: { id: 'AMINA' } }, 'ok'],
  ['hours.confirm',     'chris', { action: 'hours_confirm', args: { entry: 'e_sara' } }, 'not_allowed'],
  ['hours.confirm',     'chris', { action: 'hours_dispute', args: { entry: 'e_sara' } }, 'not_allowed'],
  ['hours.confirm',     'amina', { action: 'hours_confirm', args: { entry: 'e_sara' } }, 'not_allowed'],
  ['hours.confirm',     'lien',  { action: 'hours_confirm', args: { entry: 'e_sara' } }, 'not_allowed'],
  ['hours.confirm',     'ada',   { action: 'hours_confirm', args: { entry: 'e_sara' } }, 'ok'],
  ['hours.confirm',     'sara',  { action: 'hours_confirm', args: { entry: 'e_sara' } }, 'ok'],
  ['hours.correct',     'lien',  { correct: 'e_sara' },          'not_allowed'],
  ['hours.correct',     'sara',  { correct: 'e_sara' },          'not_allowed'],
  ['hours.correct',     'ada',   { correct: 'e_sara' },          'ok'],
  ['duo.pause',         'sara',  { action: 'duo_pause', args: {} }, 'none'],
  ['duo.pause',         'amina', { action: 'duo_pause', args: {} }, 'ok'],
  ['duo.pause',         'lien',  { staff: 'duo resume Amina' },  'Ik vind geen inburgeraar met de naam Amina in jouw gemeente.'],
  ['duo.respond',       'yusuf', { action: 'followup_context', args: { duo: 'duo_demo1' } }, 'gone'],
  ['duo.respond',       'chris', { action: 'survey_start', args: { moment: 'end', duo: 'duo_demo1' } }, 'not_in_duo'],
  ['duo.respond',       'sara',  { action: 'survey_start', args: { moment: 'end', duo: 'duo_demo1' } }, 'buddy'],
  ['privacy.own',       'chris', { action: 'set_broadcasts', args: {} }, 'ok'],
];

describe('the policy in the real commands and actions', () => {
  it.each(CASES.map((c, i) => [i, ...c] as const))('%i: %s, %s', async (_i, _perm, who, what, expected) => {
    const { bot, amina } = await botWorld();
    const yusuf = bot.demo.invited[1]!.person.id;
    const resolve = (v: string) => (v === 'AMINA' ? amina : v === 'YUSUF' ? yusuf : v);
    if ('staff' in what || 'says' in what) {
      const user = bot.user(who);
      if ('staff' in what) await user.sends(staff(what.staff));
      else await user.says(what.says);
      expect(user.replies.join('\n')).toContain(expected);
    } else if ('action' in what) {
      const args = Object.fromEntries(Object.entries(what.args).map(([k, v]) => [k, resolve(v)]));
      expect(await act(bot, who, what.action, args)).toBe(expected);
    } else {
      const r = await bot.store.transact((tx) => {
        const address = { channel: 'console', chat: who, user: who };
        const personId = tx.get('identities', addressKey(address))?.personId ?? '';
        return correctEntry(
          tx,
          what.correct,
          { minutes: 90 },
          { personId, via: null },
          { now: bot.clock.now() },
        );
      });
      expect(r.ok ? 'ok' : r.reason).toBe(expected);
    }
  });

  it('leaves an entry a refused contact tried to confirm pending', async () => {
    const { bot } = await botWorld();
    expect(await act(bot, 'chris', 'hours_confirm', { entry: 'e_sara' })).toBe('not_allowed');
    expect((await bot.store.read((tx) => tx.get('ledger', 'e_sara')))?.status).toBe('pending');
  });
});
