import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, loadContent, type App } from '../../src/app.js';
import { createSeededIds, ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import type { Store } from '../../src/core/store.js';
import {
  createPerson,
  formatInviteCode,
  issueInvite,
  seedDemo,
  type DataSchema,
  type DemoResult,
} from '../../src/domain/index.js';
import type { ChannelHarness } from '../fakes/harness.js';
import { slashCommand } from '../fakes/slack/payloads.js';
import { createSlackHarness, type SlackHarness } from '../fakes/slack/harness.js';
import { createTelegramHarness } from '../fakes/telegram/harness.js';
import { createWhatsAppHarness } from '../fakes/whatsapp/harness.js';
import { fileStore } from '../helpers/store.js';

const content = loadContent();
const open = fileStore;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

interface World {
  readonly app: App;
  readonly dir: string;
  readonly store: Store<DataSchema>;
  readonly demo: DemoResult;
  readonly telegram: ChannelHarness;
  readonly whatsapp: ChannelHarness;
  readonly slack: SlackHarness;
  /** Waits until every platform handed over what it got and every reply went out. */
  settle(): Promise<void>;
  /** A fresh invite code for a demo person (to link another channel). */
  invite(name: string): Promise<string>;
}

/** The real engine over the file store, with Telegram, WhatsApp and Slack each behind its fake. */
const world = async (): Promise<World> => {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkbot-e2e-'));
  const store = await open(dir);
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const demo = await store.transact((tx) => seedDemo(tx, clock.now(), content.i18n.languages, 'console'));
  const [telegram, whatsapp, slack] = await Promise.all([
    createTelegramHarness(),
    createWhatsAppHarness(),
    createSlackHarness(),
  ]);
  const app = createApp({
    store,
    channels: [telegram.channel, whatsapp.channel, slack.channel],
    clock,
    ids: createSeededIds(11),
    log: silentLog,
    content,
  });
  expect(await app.start()).toEqual(['telegram', 'whatsapp', 'slack']);
  cleanup.push(async () => {
    await app.stop();
    await Promise.all([telegram.close(), whatsapp.close(), slack.close()]);
    await store.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await Promise.all([telegram.settle(), whatsapp.settle(), slack.settle()]);
      await app.idle();
    }
  };
  const invite = (name: string) =>
    store.transact((tx) => {
      const p = tx.list('people', (x) => x.name === name)[0]!;
      const inv = issueInvite(tx, p.id, {
        now: clock.now(),
        ids: createSeededIds(99),
        actor: 'test',
        inviteTtlDays: 14,
      });
      return formatInviteCode(inv.code);
    });
  return { app, dir, store, demo, telegram, whatsapp, slack, settle, invite };
};

const last = (h: ChannelHarness, name: string) => h.sent(h.privateAddress(name).chat).at(-1)!;

describe('end to end over Telegram, WhatsApp and Slack', () => {
  it('a newcomer onboards and reports on Telegram, the buddy confirms on WhatsApp, the coach checks in Slack and presses a button', async () => {
    const w = await world();
    const { telegram: tg, whatsapp: wa, slack } = w;

    // Sara (buddy) links WhatsApp and Lotte (coach) links Slack with a new code each.
    await wa.userSays('sara', await w.invite('Sara'));
    await slack.userSays('lotte', await w.invite('Lotte'));
    await w.settle();
    expect(last(wa, 'sara').text).toBeTruthy();
    expect(last(slack, 'lotte').text).toBeTruthy();

    // Amina onboards on Telegram through the deep link /start <code>.
    const code = w.demo.invited.find((i) => i.person.name === 'Amina')!.code;
    await tg.userSays('amina', `/start ${code.replace('-', '')}`);
    await w.settle();
    expect(last(tg, 'amina').buttons).toContain('Nederlands');
    await tg.userPicks('amina', 0);
    await w.settle();
    expect(last(tg, 'amina').text).toContain('Ga je akkoord?');
    await tg.userPicks('amina', 0);
    await w.settle();
    expect(
      tg
        .sent(tg.privateAddress('amina').chat)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('Welkom bij Netwerkbot');

    // She reports a meeting with her buddy; Sara gets the question on WhatsApp, numbered.
    await tg.userSays('amina', 'gisteren 2u met Sara');
    await w.settle();
    expect(last(tg, 'amina').buttons).toEqual(['Ja, klopt', 'Wijzigen']);
    await tg.userPicks('amina', 0);
    await w.settle();
    const ask = last(wa, 'sara');
    expect(ask.text).toMatch(/Amina/);
    expect(ask.text).toMatch(/\n1\. /);
    expect(ask.buttons).toEqual([]);
    await wa.userSays('sara', '1');
    await w.settle();

    // And an afternoon at the library, which the coach confirms (no contact person known).
    await tg.userSays('amina', 'vandaag 1u30 bib');
    await w.settle();
    await tg.userPicks('amina', 1); // Vrije tijd
    await w.settle();
    await tg.userPicks('amina', 0); // Ja, klopt
    await w.settle();
    const coachAsk = last(slack, 'lotte');
    expect(coachAsk.text).toContain('Amina');
    expect(coachAsk.buttons.length).toBeGreaterThan(1);

    // The coach looks Amina up with the slash command: 2 hours confirmed, 1.5 waiting for her.
    await slack.post(
      {
        kind: 'command',
        fields: slashCommand(slack.workspace, {
          user: slack.userId('lotte'),
          channel: slack.dmOf('lotte'),
          command: '/netwerkbot',
          text: 'hours Amina',
        }),
      },
      { handled: true },
    );
    await w.settle();
    const overview = slack
      .sent(slack.privateAddress('lotte').chat)
      .slice(-2)
      .map((m) => m.text)
      .join('\n');
    expect(overview).toContain('2 uur van 40 uur bevestigd');
    expect(overview).toContain('Wacht op de coach');

    // She presses "Ja, klopt" on the confirmation request: the message updates in place.
    const requests = slack.sent(slack.privateAddress('lotte').chat).filter((m) => m.buttons.length > 0);
    const request = requests.at(-1)!;
    await slack.userPicks('lotte', 0);
    await w.settle();
    const updated = slack
      .sent(slack.privateAddress('lotte').chat)
      .find((m) => m.platformId === request.platformId)!;
    expect(updated.buttons).toEqual([]);
    expect(updated.text).toContain('→');

    const entries = await w.store.read((tx) => tx.list('ledger'));
    expect(entries.map((e) => [e.minutes, e.status]).sort()).toEqual(
      [
        [120, 'confirmed'],
        [90, 'confirmed'],
      ].sort(),
    );
    // Amina heard about both confirmations on Telegram.
    expect(
      tg
        .sent(tg.privateAddress('amina').chat)
        .map((m) => m.text)
        .join('\n'),
    ).toMatch(/3,5 uur/);

    // Everything is in the file store: reopened, the ledger and the links are still there.
    await w.app.stop();
    await w.store.close();
    const reopened = await open(w.dir);
    const after = await reopened.read((tx) => ({
      confirmed: tx.list('ledger', (e) => e.status === 'confirmed').length,
      channels: tx.list('identities').map((i) => i.address.channel),
    }));
    await reopened.close();
    expect(after.confirmed).toBe(2);
    expect(after.channels).toEqual(expect.arrayContaining(['telegram', 'whatsapp', 'slack']));
  });

  it("an organisation's contact person who uses Slack confirms with a button", async () => {
    const w = await world();
    const { telegram: tg, slack } = w;
    const els = await w.store.transact((tx) => {
      const r = createPerson(
        tx,
        { name: 'Els', role: 'contact', municipality: 'wetteren', organisation: 'Bib Wetteren' },
        {
          now: new Date('2026-11-23T09:00:00Z'),
          ids: { ...createSeededIds(5), next: (prefix: string) => `${prefix}_els` },
          actor: 'test',
          inviteTtlDays: 14,
          languages: content.i18n.languages,
        },
      );
      if (!r.ok) throw new Error('person not created');
      return r.printableCode;
    });
    // Els links her Slack user with her code and goes through the short onboarding with buttons.
    await slack.userSays('els', els);
    await w.settle();
    await slack.userPicks('els', 0); // Nederlands
    await w.settle();
    await slack.userPicks('els', 0); // Ja, akkoord
    await w.settle();

    const code = w.demo.invited.find((i) => i.person.name === 'Amina')!.code;
    await tg.userSays('amina', `/start ${code}`);
    await w.settle();
    await tg.userPicks('amina', 0);
    await w.settle();
    await tg.userPicks('amina', 0);
    await w.settle();
    await tg.userSays('amina', 'gisteren 3 uur vrijwilligerswerk in de Bib Wetteren');
    await w.settle();
    if (last(tg, 'amina').buttons.includes('Vrijwilligerswerk')) {
      await tg.userPicks('amina', last(tg, 'amina').buttons.indexOf('Vrijwilligerswerk'));
      await w.settle();
    }
    expect(last(tg, 'amina').buttons).toEqual(['Ja, klopt', 'Wijzigen']);
    await tg.userPicks('amina', 0);
    await w.settle();

    const ask = last(slack, 'els');
    expect(ask.text).toContain('Amina');
    expect(ask.buttons.length).toBeGreaterThan(1);
    await slack.userPicks('els', 0);
    await w.settle();
    const [entry] = await w.store.read((tx) => tx.list('ledger'));
    expect(entry).toMatchObject({
      minutes: 180,
      status: 'confirmed',
      organisation: expect.stringMatching(/bib wetteren/i),
    });
    expect(
      slack.sent(slack.privateAddress('els').chat).find((m) => m.platformId === ask.platformId)!.buttons,
    ).toEqual([]);
  });
});
