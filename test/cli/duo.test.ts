import { describe, expect, it } from 'vitest';
import { wetterenCli } from '../helpers/cli.js';

/** A fresh data directory: gemeente Wetteren, coach Lotte, newcomer Amina Khaled, buddies Sara and Jan. */
const setup = async () => {
  const { run, person } = await wetterenCli('duo');
  await person('Lotte', 'coach');
  await person('Amina Khaled', 'newcomer', '--coach', 'Lotte');
  await person('Sara', 'buddy');
  return { run };
};

describe('duo and trajectory commands', () => {
  it('sets a term, matches a duo, pauses, resumes, records the first meeting, lists and ends it', async () => {
    const { run } = await setup();
    const amina = ['--newcomer', 'Amina Khaled'];
    const set = await run(
      'trajectory',
      'set',
      ...amina,
      '--start',
      '2026-11-01',
      '--end',
      '2027-10-31',
      '--offers',
      'buddy,vrijwilligerswerk',
      '--obligation',
      'nee',
    );
    expect(set.code).toBe(0);
    expect(set.out).toContain(
      'Traject van Amina Khaled\n  periode: 2026-11-01 tot 2027-10-31\n  verplicht: nee\n  status: intake\n  coach: Lotte\n  gemeente: wetteren\n  aanbod: buddy, vrijwilligerswerk',
    );

    const added = await run(
      'duo',
      'add',
      ...amina,
      '--buddy',
      'sara',
      '--rhythm',
      '3',
      '--months',
      '9',
      '--first-meeting',
      '2026-11-30',
    );
    expect(added.code).toBe(0);
    const id = /^Duo (\S+): Amina Khaled en Sara\. 3× per maand, 9 maanden\.$/m.exec(added.out)?.[1] ?? '';
    expect(id).not.toBe('');
    const shown = await run('trajectory', 'show', ...amina);
    expect(shown.out).toContain('status: matched');
    expect(shown.out).toContain(`duo's: ${id} (Sara, active)`);

    expect(await run('duo', 'pause', ...amina)).toMatchObject({
      code: 0,
      out: `Duo ${id} (Amina Khaled en Sara) staat op pauze.\n`,
    });
    expect(await run('duo', 'pause', '--duo', id)).toMatchObject({
      code: 1,
      err: `Dat lukt niet. Duo ${id} loopt niet nu. Status: paused.\n`,
    });
    expect((await run('duo', 'resume', '--duo', id)).out).toBe(
      `Duo ${id} (Amina Khaled en Sara) loopt weer. Dagen pauze in totaal: 0.\n`,
    );
    expect((await run('duo', 'first-meeting', '--duo', id, '--date', '2026-12-02')).out).toBe(
      `Duo ${id} (Amina Khaled en Sara): eerste ontmoeting op 2026-12-02.\n`,
    );
    const list = await run('duo', 'list', '--gemeente', 'Wetteren');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(
      new RegExp(
        `^${id}  Amina Khaled \\+ Sara  active  sinds \\d{4}-\\d\\d-\\d\\d  3× per maand  9 maanden  eerste ontmoeting: 2026-12-02\\n$`,
      ),
    );
    expect(await run('duo', 'end', ...amina, '--reason', 'verhuisd')).toMatchObject({
      code: 0,
      out: `Duo ${id} (Amina Khaled en Sara) is gestopt.\n`,
    });
    expect((await run('trajectory', 'show', ...amina)).out).toContain('status: intake');
    expect(await run('duo', 'end', ...amina)).toMatchObject({
      code: 1,
      err: 'Amina Khaled heeft geen lopend duo.\n',
    });
  }, 90_000);

  it('refuses a bad duo with exit 1 and says what is wrong', async () => {
    const { run } = await setup();
    const amina = ['--newcomer', 'Amina Khaled'];
    expect(await run('duo', 'add', ...amina, '--buddy', 'Sara', '--months', '12')).toMatchObject({
      code: 1,
      err: 'Dat lukt niet. Een duo duurt 3, 6 of 9 maanden.\n',
    });
    expect(await run('duo', 'add', ...amina, '--buddy', 'Sara', '--rhythm', 'veel')).toMatchObject({
      code: 1,
      err: 'Het ritme is een getal van 1 tot 8: zoveel keer per maand.\n',
    });
    expect(await run('duo', 'add', '--newcomer', 'Sara', '--buddy', 'Sara')).toMatchObject({
      code: 1,
      err: 'Dat lukt niet. --newcomer heeft de verkeerde rol: buddy.\n',
    });
    expect(await run('duo', 'add', '--newcomer', 'Karel', '--buddy', 'Sara')).toMatchObject({
      code: 1,
      err: 'Die persoon ken ik niet: Karel.\n',
    });
    expect((await run('duo', 'add', ...amina, '--buddy', 'Sara')).code).toBe(0);
    expect((await run('duo', 'add', ...amina, '--buddy', 'Sara')).err).toMatch(
      /^Dat lukt niet\. Die twee zijn al een duo: \S+\.\n$/,
    );
    expect((await run('duo', 'end', '--duo', 'd_nope')).err).toBe(
      'Dat lukt niet. Dat duo ken ik niet: d_nope.\n',
    );
    expect((await run('duo', 'list', '--gemeente', 'gent')).code).toBe(1);
  }, 90_000);

  it('refuses a bad term with exit 1; a missing option or unknown subcommand is exit 2 with the usage', async () => {
    const { run } = await setup();
    const amina = ['--newcomer', 'Amina Khaled'];
    expect((await run('trajectory', 'show', ...amina)).err).toContain('Amina Khaled heeft nog geen traject.');
    const term = ['trajectory', 'set', ...amina, '--start', '2026-11-01', '--end', '2027-10-31'];
    expect((await run(...term, '--status', 'klaar')).err).toContain('Die status ken ik niet: klaar.');
    expect((await run(...term, '--offers', 'sport')).err).toContain('Dat aanbod ken ik niet: sport.');
    expect((await run(...term, '--obligation', 'misschien')).err).toBe(
      'Schrijf --obligation ja of --obligation nee.\n',
    );
    expect((await run('trajectory', 'set', ...amina, '--start', '2026-11-01')).err).toContain(
      '--end is geen goede datum.',
    );
    const missing = await run('duo', 'add', ...amina);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Geef --buddy op.');
    expect((await run('duo', 'pause')).code).toBe(2);
    const unknown = await run('duo', 'dansen');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('duo add --newcomer NAAM --buddy NAAM');
  }, 90_000);

  it('refuses a --coach who may not follow up the newcomer (another gemeente, or no coach)', async () => {
    const { run } = await setup();
    expect((await run('municipality', 'add', '--id', 'laarne', '--name', 'Laarne')).code).toBe(0);
    expect(
      (await run('person', 'add', '--name', 'Lien', '--role', 'coach', '--gemeente', 'laarne')).code,
    ).toBe(0);
    const other = await run('duo', 'add', '--newcomer', 'Amina Khaled', '--buddy', 'Sara', '--coach', 'Lien');
    expect(other.code).toBe(1);
    expect(other.err).toContain('Lien mag niets doen voor Amina Khaled: geen coach van die gemeente.');
    const buddy = await run('trajectory', 'set', '--newcomer', 'Amina Khaled', '--coach', 'Sara');
    expect(buddy.code).toBe(1);
    expect(buddy.err).toContain('Sara mag niets doen voor Amina Khaled');
    const ok = await run('duo', 'add', '--newcomer', 'Amina Khaled', '--buddy', 'Sara', '--coach', 'Lotte');
    expect(ok.code).toBe(0);
  }, 90_000);
});
