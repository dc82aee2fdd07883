import { describe, expect, it } from 'vitest';
import { createApp, loadContent } from '../../src/app.js';
import { createMemoryChannel, readable, textFrom } from '../../src/channels/memory/index.js';
import { createSeededIds, ManualClock } from '../../src/core/clock.js';
import { silentLog } from '../../src/core/log.js';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS, seedDemo, type DataSchema } from '../../src/domain/index.js';
import { importPeople } from '../../src/domain/people-import/index.js';
import { createMemoryStore } from '../../src/store/index.js';

const content = loadContent();
const DAY = 86_400_000;

/** The demo bot (Lotte, Sara, Amina, Yusuf on the console) plus a WhatsApp channel, and a sheet imported with --send. */
const setup = async () => {
  const clock = new ManualClock('2026-11-23T09:00:00Z'); // Monday 10:00 in Brussels
  const store = createMemoryStore<DataSchema>({
    schemaVersion: DATA_VERSION,
    migrations: MIGRATIONS,
    collections: COLLECTIONS,
  });
  await store.transact((tx) => seedDemo(tx, clock.now(), content.i18n.languages, 'console'));
  const console_ = createMemoryChannel({ name: 'console' });
  const whatsapp = createMemoryChannel({ name: 'whatsapp' });
  const seeded = createSeededIds(7);
  const ids = { ...seeded, next: (prefix: string) => seeded.next(`${prefix}b`) };
  const app = createApp({ store, channels: [console_, whatsapp], clock, ids, log: silentLog, content });
  await app.start();
  const sheet = [
    'Voornaam;Achternaam;Rol;Gemeente;Taal;GSM;Coach',
    'Amal;Haddad;inburgeraar;Wetteren;Arabisch;0470 12 34 56;Lotte',
    'Oleksandr;Petrenko;inburgeraar;Wetteren;uk;0471 23 45 67;Lotte',
    'Piet;Janssens;inburgeraar;Wetteren;nl;0472 34 56 78;',
  ].join('\n');
  const importIds = createSeededIds(9);
  const imported = await store.transact((tx) =>
    importPeople(tx, sheet, {
      now: clock.now(),
      ids: { ...importIds, next: (prefix: string) => importIds.next(`${prefix}i`) },
      actor: 'cli',
      inviteTtlDays: 14,
      languages: content.i18n.languages,
      defaultLanguage: 'nl',
      outreachWaitDays: 3,
      send: true,
    }),
  );
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  const chat = (number: string) => `${number}@c.us`;
  const to = (number: string) =>
    whatsapp.sent.filter((s) => s.to.chat === chat(number)).map((s) => readable(s.message));
  let seq = 0;
  const says = async (number: string, text: string) => {
    await whatsapp.receive(textFrom('whatsapp', chat(number), text, `w${++seq}`, clock.now()));
    await app.idle();
  };
  const tick = async () => {
    await app.tick();
    await app.idle();
  };
  const later = async (ms: number) => {
    clock.advance(ms);
    await tick();
  };
  return { app, store, clock, whatsapp, imported, to, says, tick, later };
};

const AMAL = '32470123456';
const OLEKSANDR = '32471234567';
const PIET = '32472345678';

describe('outreach to imported newcomers (the Mol practice)', () => {
  it('writes first in the contact language with Dutch under it, saying who writes and why', async () => {
    const t = await setup();
    await t.tick();
    const [amal] = t.to(AMAL);
    expect(t.to(AMAL)).toHaveLength(1);
    expect(amal).toContain('Amal');
    expect(amal).not.toContain('Haddad');
    expect(amal).toContain('Lotte');
    expect(amal).toContain('Wetteren');
    expect(amal).toMatch(/[\u0600-\u06FF]/);
    expect(amal).toContain('40 uur');
    expect(amal).toContain('Antwoord met een woord. Of stuur je code.');
    expect(t.to(OLEKSANDR)[0]).toContain('40 годин');
    expect(t.to(PIET)).toEqual([
      'Hallo Piet 👋\nIk ben Netwerkbot. Ik schrijf voor de netwerkcoach van Wetteren.\n' +
        'Je doet het netwerktraject: 40 uur mensen leren kennen en meedoen. In het Nederlands.\n' +
        'Ik help je daarbij.\nAntwoord met een woord. Of stuur je code.',
    ]);
    await t.store.read((tx) => {
      expect(tx.list('outreach').every((o) => o.firstAt === t.clock.now().toISOString())).toBe(true);
    });
    // A second tick sends nothing again.
    await t.tick();
    expect(t.to(AMAL)).toHaveLength(1);
  });

  it('an answer (any word) starts the onboarding and stops the follow-ups', async () => {
    const t = await setup();
    await t.tick();
    await t.later(DAY);
    await t.says(AMAL, 'مرحبا');
    const reply = t.to(AMAL).slice(1).join('\n');
    expect(reply).toContain('1. Nederlands');
    expect(reply).toContain('4. العربية');
    await t.store.read((tx) => {
      const amal = t.imported.ok ? t.imported.created[0]?.person.id : undefined;
      const o = tx.list('outreach').find((x) => x.personId === amal);
      expect(o?.answeredAt).toBe(t.clock.now().toISOString());
    });
    await t.says(AMAL, '4');
    expect(t.to(AMAL).at(-1)).toMatch(/[\u0600-\u06FF]/);

    await t.later(3 * DAY);
    // Amal answered: nothing more. The others: the second message and a task to call.
    expect(t.to(AMAL).join('\n')).not.toContain('📞');
    expect(t.to(OLEKSANDR).at(-1)).toContain('Lotte');
    expect(t.to(OLEKSANDR).at(-1)).toContain('📞');
    expect(t.to(PIET).at(-1)).toBe(
      'Hallo Piet. Ik stuurde je een bericht over het netwerktraject. Ik kreeg nog geen antwoord.\n' +
        'De netwerkcoach van Wetteren belt je binnenkort. 📞\nWil je liever schrijven? Antwoord met een woord.',
    );
    await t.store.read((tx) => {
      const tasks = tx.list('tasks', (x) => x.source === 'outreach');
      expect(tasks.map((x) => [tx.get('people', x.newcomerId)?.name, x.kind, x.dueDate])).toEqual([
        ['Oleksandr Petrenko', 'call_newcomer', '2026-11-27'],
        ['Piet Janssens', 'call_newcomer', '2026-11-27'],
      ]);
      expect(tasks[0]?.coachId).toBe(tx.list('people', (p) => p.name === 'Lotte')[0]?.id);
      expect(tasks[0]?.detail).toContain('Oleksandr Petrenko');
      const oleksandr = tx.list('outreach').find((o) => o.taskId === tasks[0]?.id);
      expect(oleksandr?.secondAt).toBe(t.clock.now().toISOString());
    });
    const sent = t.whatsapp.sent.length;
    await t.later(7 * DAY);
    expect(t.whatsapp.sent.length).toBe(sent);

    // Piet answers after the second message: onboarding starts all the same.
    await t.says(PIET, 'ok');
    expect(t.to(PIET).at(-1)).toContain('1. Nederlands');
  });

  it('a message sent during quiet hours waits for the morning', async () => {
    const t = await setup();
    t.clock.advance(12 * 3_600_000); // 22:00 in Brussels
    await t.tick();
    expect(t.to(AMAL)).toEqual([]);
    await t.later(10 * 3_600_000); // 08:00
    expect(t.to(AMAL)).toHaveLength(1);
  });
});
