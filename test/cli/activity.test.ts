import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wetterenCli } from '../helpers/cli.js';

const FIXTURES = 'test/fixtures/activities';

/** A fresh data directory with the gemeenten Wetteren and Gent and Jan, contact person of the Bib. */
const setup = async () => {
  const { dir, env, run } = await wetterenCli('activity');
  return { dir, env, run };
};

const taalcafe = [
  'activity',
  'add',
  '--title',
  'Praattafel',
  '--description',
  'We praten Nederlands bij een koffie.',
  '--date',
  '2026-12-01',
  '--start',
  '14:00',
  '--end',
  '16:00',
  '--place',
  'Bibliotheek',
  '--address',
  'Markt 1, 9230 Wetteren',
  '--gemeente',
  'wetteren',
  '--price',
  '€ 2',
  '--organiser',
  'Bib Wetteren',
  '--tags',
  'kinderen,rolstoel',
  '--free',
  'nee',
  '--dutch-context',
  'ja',
  '--accessible',
  'ja',
];

describe('activity and group commands', () => {
  it('adds an activity, says why it is kept out, imports a sheet, lists the week, overrides, adds a group', async () => {
    const { run } = await setup();
    expect(
      (await run('person', 'add', '--name', 'Jan', '--role', 'contact', '--gemeente', 'wetteren')).code,
    ).toBe(0);

    const added = await run(...taalcafe);
    expect(added.code).toBe(0);
    const id = /\(id: (a_\w+)\)/.exec(added.out)?.[1] ?? '';
    expect(added.out).toBe(
      `Activiteit toegevoegd: Praattafel, di 1 dec 14:00-16:00 (id: ${id}).\n` +
        'Ze komt niet in het weekoverzicht: niet gratis.\n' +
        `Toch in het weekoverzicht? Gebruik: npm run cli -- activity override --id ${id} --reason "reden". Of zet --override "reden" bij activity add.\n`,
    );

    const kept = await run(
      ...taalcafe.map((a) => (a === 'Praattafel' ? 'Zwemmen' : a)),
      '--override',
      'Het OCMW betaalt de prijs terug',
    );
    expect(kept.code).toBe(0);
    expect(kept.out).toContain(
      'Zwemmen komt toch in het weekoverzicht. Reden: Het OCMW betaalt de prijs terug\n',
    );

    const imported = await run('activity', 'import', `${FIXTURES}/wetteren.csv`);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(
      new RegExp(
        '^3 activiteiten toegevoegd uit test/fixtures/activities/wetteren\\.csv\\.\\n' +
          'Rij 4: Samen koken \\(id: a_\\w+\\) komt niet in het weekoverzicht: niet gratis\\.\\n' +
          'Toch in het weekoverzicht\\? Gebruik: npm run cli -- activity override --id ID --reason "reden"\\n$',
      ),
    );

    const yaml = await run('activity', 'import', `${FIXTURES}/activities.yaml`, '--gemeente', 'wetteren');
    expect(yaml.code).toBe(1); // the Museum names Gent, which this instance does not serve
    expect(yaml.err).toContain(
      'test/fixtures/activities/activities.yaml:24:gemeente gemeente: Deze gemeente ken ik niet: gent.',
    );

    expect((await run('activity', 'override', '--id', 'praattafel', '--reason', 'Kinderen gratis')).out).toBe(
      'Praattafel komt toch in het weekoverzicht. Reden: Kinderen gratis\n',
    );

    const list = await run('activity', 'list', '--gemeente', 'Wetteren', '--week', '2026-12-03');
    expect(list.code).toBe(0);
    expect(list.out.replace(/\(id: a_\w+\)/g, '(id: …)').split('\n')).toEqual([
      'Activiteiten in de week van maandag 2026-11-30:',
      'di 1 dec 14:00-16:00  Praattafel · Bibliotheek · wetteren · toch in het weekoverzicht (Kinderen gratis) (id: …)',
      'di 1 dec 14:00-16:00  Zwemmen · Bibliotheek · wetteren · toch in het weekoverzicht (Het OCMW betaalt de prijs terug) (id: …)',
      'wo 2 dec 14:00-16:00  Taalcafé · Bibliotheek · wetteren · in het weekoverzicht (id: …)',
      'do 3 dec 18:00-21:00  Samen koken · Buurthuis De Linde · wetteren · niet in het weekoverzicht: niet gratis (id: …)',
      'za 5 dec 10:00-11:30  Wandeling · Park · wetteren · in het weekoverzicht (id: …)',
      '',
    ]);
    expect((await run('activity', 'list', '--week', '2027-01-04')).out).toBe(
      'Activiteiten in de week van maandag 2027-01-04:\nGeen activiteiten in deze week.\n',
    );

    const group = await run(
      'group',
      'add',
      '--gemeente',
      'wetteren',
      '--channel',
      'whatsapp',
      '--chat',
      '120363042@g.us',
      '--name',
      'Aanbod Wetteren',
    );
    expect(group.code).toBe(0);
    expect(group.out).toMatch(
      /^Gemeente-groep Aanbod Wetteren toegevoegd voor wetteren op whatsapp \(id: g_\w+\)\.\n$/,
    );
    expect((await run('group', 'list')).out).toMatch(
      /^wetteren · Aanbod Wetteren · whatsapp:120363042@g\.us \(id: g_\w+\)\n$/,
    );
  }, 90_000);

  it('names FILE:ROW:COLUMN for every problem of a bad file and imports nothing; exit 1 for input, 2 for usage', async () => {
    const { dir, run } = await setup();
    const bad = await run('activity', 'import', `${FIXTURES}/bad.csv`);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err.split('\n')).toEqual([
      'test/fixtures/activities/bad.csv:3:datum date: "31/11/2026" is geen datum. Oplossing: Schrijf JJJJ-MM-DD of DD/MM/JJJJ, bijvoorbeeld 2026-12-02.',
      'test/fixtures/activities/bad.csv:3:gemeente gemeente: Deze gemeente ken ik niet: Lede. Oplossing: Kijk de schrijfwijze na. Of voeg de gemeente toe: npm run cli -- municipality add.',
      'test/fixtures/activities/bad.csv:4:titel title: Dezelfde activiteit staat ook op rij 2. Oplossing: Verwijder een van de twee rijen.',
      'Niets geïmporteerd: er zijn 3 problemen. Verbeter het bestand en probeer opnieuw.',
      '',
    ]);
    const yaml = await run('activity', 'import', `${FIXTURES}/bad.yaml`);
    expect(yaml.code).toBe(1);
    expect(yaml.err).toContain(
      'test/fixtures/activities/bad.yaml:17:begin start: "25:00" is geen uur. Oplossing: Schrijf UU:MM, bijvoorbeeld 14:00.',
    );
    expect(yaml.err).toContain(
      'test/fixtures/activities/bad.yaml:24:kleur kleur: Deze kolom ken ik niet: kleur.',
    );
    expect(yaml.err).toContain(
      'test/fixtures/activities/bad.yaml:14:accessible_organisation accessible_organisation: Dit is leeg. Oplossing: Vul het in, bijvoorbeeld: ja.',
    );
    expect((await run('activity', 'list', '--week', '2026-12-02')).out).toContain(
      'Geen activiteiten in deze week.',
    );

    const text = join(dir, 'aanbod.txt');
    writeFileSync(text, 'x');
    const wrongKind = await run('activity', 'import', text);
    expect([wrongKind.code, wrongKind.err]).toEqual([
      2,
      `Dat soort bestand ken ik niet: ${text}. Gebruik een .csv-, .yaml- of .yml-bestand.\n`,
    ]);
    const gone = await run('activity', 'import', join(dir, 'weg.csv'));
    expect(gone.code).toBe(1);
    expect(gone.err).toMatch(/^Ik kan .*weg\.csv niet lezen\./);

    const invalid = await run(
      'activity',
      'add',
      '--title',
      'X',
      '--start',
      '16:00',
      '--end',
      '14:00',
      '--date',
      '2026-12-02',
    );
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(
      /^De activiteit is niet toegevoegd\. Verbeter dit:\n• --description: Dit is leeg\./,
    );
    expect(invalid.err).toContain(
      '• --end: Het einde (14:00) komt niet na het begin (16:00). Oplossing: Kies een later einde.',
    );
    expect(invalid.err).toContain('• --dutch-context: Dit is leeg. Oplossing: Vul het in, bijvoorbeeld: ja.');

    expect(
      (await run('group', 'add', '--gemeente', 'wetteren', '--channel', 'sms', '--chat', 'x', '--name', 'y'))
        .code,
    ).toBe(2);
    const noChat = await run(
      'group',
      'add',
      '--gemeente',
      'wetteren',
      '--channel',
      'telegram',
      '--name',
      'y',
    );
    expect([noChat.code, noChat.err]).toEqual([2, 'Geef --chat op.\n']);
    const override = await run('activity', 'override', '--id', 'Niets', '--reason', 'omdat het kan');
    expect([override.code, override.err]).toEqual([1, 'Die activiteit ken ik niet: Niets.\n']);
    const usage = await run('activity', 'frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/^Gebruik:\n {2}activity add --title T/);
  }, 90_000);
});
