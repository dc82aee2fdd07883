import { describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { loadContent } from '../../src/app.js';
import { confirmEntry, createPerson } from '../../src/domain/index.js';
import { proofDocuments } from '../../src/domain/proof/index.js';
import { proofFileName, proofRows } from '../../src/documents/proof-files.js';
import { renderProofPdf } from '../../src/documents/proof-pdf.js';
import { at, HOUR, NOW, report, via, world } from '../domain/ledger/world.js';

const { i18n } = loadContent();
const t = (key: string, params: Readonly<Record<string, string | number>> = {}) =>
  i18n.t('nl', `proof:${key}`, params);
const textOf = async (data: Buffer) => (await new PDFParse({ data: new Uint8Array(data) }).getText()).text;

/** Amina's world plus a newcomer with an Arabic name and a contact with a Cyrillic name. */
const setup = async () => {
  const w = await world();
  const extra = await w.store.transact((tx) => {
    const o = { now: NOW, ids: w.ids, actor: 'cli', inviteTtlDays: 14, languages: ['nl'] };
    const mk = (name: string, role: 'newcomer' | 'contact', organisation?: string) => {
      const r = createPerson(
        tx,
        { name, role, municipality: 'gent', ...(organisation ? { organisation } : {}) },
        o,
      );
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.person;
    };
    return { fatima: mk('فاطمة', 'newcomer'), olena: mk('Олена Коваленко', 'contact', 'Бібліотека') };
  });
  return { ...w, ...extra };
};

describe('proof PDF', () => {
  it('shows the ledger: name, offer type, organisation, contact, each day, the total and the trail', async () => {
    const w = await setup();
    const base = {
      newcomerId: w.fatima.id,
      offerType: 'vrijwilligerswerk' as const,
      organisation: 'Kringwinkel',
    };
    const a = await report(
      w,
      { ...base, minutes: 90, date: '2026-11-02', contactId: w.olena.id, description: 'sorteren' },
      w.fatima,
    );
    const b = await report(
      w,
      { ...base, minutes: 60, date: '2026-11-05', contactId: w.olena.id, description: 'kassa' },
      w.fatima,
    );
    const p = await report(
      w,
      { ...base, minutes: 120, date: '2026-11-09', contactId: w.olena.id, description: 'rekken' },
      w.fatima,
    );
    await w.store.transact((tx) => {
      confirmEntry(tx, a.id, { personId: w.olena.id, via }, { now: at(HOUR) });
      confirmEntry(tx, b.id, { personId: w.coach.id, via: null }, { now: at(2 * HOUR) });
    });
    const set = await w.store.read((tx) =>
      proofDocuments(tx, w.fatima.id, { now: NOW, timeZone: 'Europe/Brussels' }),
    );
    expect(set.documents).toHaveLength(1);
    const d = set.documents[0]!;
    expect(d.pending.map((l) => l.entryId)).toEqual([p.id]);
    const text = await textOf(renderProofPdf(d, t));
    const lines = text.split('\n').map((l) => l.trim());
    const flat = text.replace(/\s+/g, ' ');
    expect(lines).toContain('Bewijs van deelname');
    expect(lines).toContain('Inburgeraar: فاطمة');
    expect(lines).toContain('Contactpersoon: Олена Коваленко');
    expect(lines).toContain('Organisatie: Kringwinkel');
    expect(lines).toContain('Soort aanbod: Vrijwilligerswerk');
    expect(lines).toContain('Traject: geen termijn gekend');
    expect(text).toMatch(/02\/11\/2026\s+1,5 uur\s+sorteren/);
    expect(text).toMatch(/05\/11\/2026\s+1 uur\s+kassa/);
    expect(lines).toContain('Totaal: 2,5 uur');
    expect(flat).toContain(
      '02/11/2026, 1,5 uur: bevestigd door Олена Коваленко (contactpersoon) op 23/11/2026 12:00, via WhatsApp.',
    );
    expect(text).toContain(
      '05/11/2026, 1 uur: bevestigd door Lotte (coach) op 23/11/2026 13:00, via Netwerkbot, door',
    );
    expect(text).toContain('Wacht op bevestiging (telt nog niet mee)');
    expect(text).toContain('09/11/2026, 2 uur: rekken');
    // The pending 2 hours are not in the total.
    expect(text).not.toContain('4,5 uur');
    expect(proofFileName(d, 1)).toBe(`bewijs_${w.fatima.id.replaceAll('_', '-')}_01_vrijwilligerswerk.pdf`);
    expect(proofRows(d, 1).map((r) => [r.date, r.hours, r.status, r.confirmed_by, r.channel])).toEqual([
      ['2026-11-02', 1.5, 'confirmed', 'Олена Коваленко', 'whatsapp'],
      ['2026-11-05', 1, 'confirmed', 'Lotte', 'cli'],
      ['2026-11-09', 2, 'pending', '', ''],
    ]);
  });

  it('writes a right-to-left name of two words from right to left; each word comes out in logical order', async () => {
    const w = await setup();
    await w.store.transact((tx) => tx.put('people', w.fatima.id, { ...w.fatima, name: 'فاطمة الزهراء' }));
    await report(
      w,
      {
        newcomerId: w.fatima.id,
        offerType: 'buddy',
        minutes: 60,
        date: '2026-11-03',
        contactId: w.buddy.id,
        description: 'wandeling',
      },
      w.buddy,
    );
    const set = await w.store.read((tx) =>
      proofDocuments(tx, w.fatima.id, { now: NOW, timeZone: 'Europe/Brussels' }),
    );
    const text = await textOf(renderProofPdf(set.documents[0]!, t));
    // The words are placed right to left (visual order); an extractor reads them left to right.
    expect(text).toContain('Inburgeraar: الزهراء فاطمة');
  });
});
