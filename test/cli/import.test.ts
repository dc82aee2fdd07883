import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS, type DataSchema } from '../../src/domain/index.js';
import { openFileStore } from '../../src/store/index.js';
import { wetterenCli } from '../helpers/cli.js';

const MESSY = 'test/fixtures/people/messy.csv';

describe('import people (CLI)', () => {
  it('names every wrong row and imports nothing; --skip-invalid --send imports the rest once', async () => {
    const { run, person } = await wetterenCli('import');
    await person('Lotte', 'coach');

    const refused = await run('import', 'people', MESSY);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err.split('\n').filter(Boolean)).toEqual([
      `${MESSY}:7:6 GSM: Deze persoon staat al op rij 2 (zelfde nummer of id). Oplossing: Verwijder een van de twee rijen (rij 2 blijft).`,
      `${MESSY}:8:6 GSM: "0470 12 34" is geen geldig telefoonnummer. Oplossing: Schrijf een gsm-nummer zoals 0470 12 34 56. Een buitenlands nummer met landcode: +31 6 12345678.`,
      `${MESSY}:9:4 Gemeente: Onbekende gemeente "Lede". Oplossing: Gebruik een van deze gemeenten: wetteren. Of voeg ze toe: npm run cli -- municipality add --id ID --name NAAM.`,
      'Niets geïmporteerd: 3 problemen. Verbeter het bestand. Of gebruik --skip-invalid: dan komen alleen de goede rijen erin.',
    ]);

    const done = await run('import', 'people', MESSY, '--skip-invalid', '--send');
    expect(done.code).toBe(0);
    expect(done.err).toContain('Overgeslagen rijen: 3');
    expect(done.err).toContain('Niet gelezen kolommen: Opmerking.');
    const lines = done.out.split('\n');
    expect(lines[0]).toBe(`Geïmporteerd uit ${MESSY}: 5 personen.`);
    expect(lines[1]).toMatch(/^rij\s+naam\s+rol\s+gemeente\s+code\s+WhatsApp\s+eerste bericht$/);
    expect(lines[2]).toMatch(
      /^2\s+Amal Haddad\s+newcomer\s+wetteren\s+[A-Z2-9]{4}-[A-Z2-9]{4}\s+ja\s+gepland$/,
    );
    expect(lines[6]).toMatch(/^10\s+Samir\s+newcomer\s+wetteren\s+[A-Z2-9]{4}-[A-Z2-9]{4}\s+nee\s+-$/);
    expect(done.out).toContain('Eerste bericht gepland voor 3 inburgeraars (WhatsApp).');
    // Phone numbers are never printed back.
    expect(done.out).not.toMatch(/0470|\+32/);

    const again = await run('import', 'people', MESSY, '--skip-invalid', '--send');
    expect(again.code).toBe(0);
    expect(again.out).toContain(`${MESSY}:2 Amal Haddad bestaat al (zelfde telefoonnummer).`);
    expect(again.out).toContain(`${MESSY}:10 Samir bestaat al (zelfde extern id).`);
    expect(again.out).toContain(`Geïmporteerd uit ${MESSY}: 0 personen.`);

    const usage = await run('import', 'people');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('import people BESTAND.csv');
  }, 120_000);

  it('puts people on the WhatsApp number named by --whatsapp-account or WHATSAPP_ACCOUNT', async () => {
    const { run, person, dir } = await wetterenCli('import-account', { WHATSAPP_ACCOUNT: 'gent' });
    await person('Lotte', 'coach');
    expect(
      await run('import', 'people', MESSY, '--skip-invalid', '--whatsapp-account', 'Aalst'),
    ).toMatchObject({
      code: 0,
    });
    const bad = await run('import', 'people', MESSY, '--whatsapp-account', 'aalst west');
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.err).toContain(
      '--whatsapp-account aalst west kan niet. Oplossing: 1 tot 20 kleine letters of cijfers',
    );
    // The same phone on another number is the same person: not added twice.
    const again = await run('import', 'people', MESSY, '--skip-invalid');
    expect(again.out).toContain(`${MESSY}:2 Amal Haddad bestaat al (zelfde telefoonnummer).`);
    const store = await openFileStore<DataSchema>({
      dir,
      schemaVersion: DATA_VERSION,
      migrations: MIGRATIONS,
      collections: COLLECTIONS,
      backupOnStart: false,
    });
    const channels = await store.read((tx) => tx.list('identities').map((i) => i.address.channel));
    await store.close();
    expect(new Set(channels)).toEqual(new Set(['whatsapp-aalst']));
    expect(channels).toHaveLength(4);
  }, 120_000);

  it('an unknown language names every shipped language code as the fix', async () => {
    const { run, person, dir } = await wetterenCli('import-lang');
    await person('Lotte', 'coach');
    const file = join(dir, 'klingon.csv');
    writeFileSync(file, 'Voornaam;Rol;Gemeente;Contacttaal\nWorf;inburgeraar;Wetteren;Klingon\n');
    const r = await run('import', 'people', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Schrijf een taalcode (nl, en, fr, ar, uk, ru, tr, fa) of een naam');
  }, 120_000);
});
