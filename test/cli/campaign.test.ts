import { describe, expect, it } from 'vitest';
import { wetterenCli } from '../helpers/cli.js';

describe('municipality campaign', () => {
  it('chooses a gemeente follow-up campaign; a wrong id or name says what exists (exit 1), missing options exit 2', async () => {
    const { run } = await wetterenCli('campaign', { DEFAULT_CAMPAIGN: 'vgc' });
    const usage = await run('municipality', 'campaign', '--id', 'wetteren');
    expect(usage).toMatchObject({ code: 2 });
    expect(usage.err).toContain('Campagnes: vgc, wetteren, none, default.');
    const wrong = await run('municipality', 'campaign', '--id', 'wetteren', '--campaign', 'vcg');
    expect(wrong).toMatchObject({ code: 1 });
    expect(wrong.err).toContain('Campagne "vcg" bestaat niet. Kies uit: vgc, wetteren, none, default.');
    expect((await run('municipality', 'campaign', '--id', 'mol', '--campaign', 'vgc')).err).toContain(
      'Gemeente "mol" bestaat niet.',
    );
    const set = await run('municipality', 'campaign', '--id', 'wetteren', '--campaign', 'wetteren');
    expect(set).toMatchObject({ code: 0, out: "De duo's van Wetteren volgen nu de campagne: wetteren\n" });
    const back = await run('municipality', 'campaign', '--id', 'wetteren', '--campaign', 'default');
    expect(back.out).toBe("De duo's van Wetteren volgen nu de campagne: vgc (DEFAULT_CAMPAIGN)\n");
  }, 60_000);
});
