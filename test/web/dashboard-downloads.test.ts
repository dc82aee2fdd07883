import { PDFParse } from 'pdf-parse';
import { afterEach, describe, expect, it } from 'vitest';
import { HOURS_COLUMNS } from '../../src/domain/reports/hours.js';
import { TB_COLUMNS } from '../../src/domain/reports/tb-rows.js';
import { dashboardWorld, type DashboardWorld } from './dashboard-world.js';

let w: DashboardWorld;
afterEach(async () => w?.close());

const textOf = async (data: Buffer) => (await new PDFParse({ data: new Uint8Array(data) }).getText()).text;

const audit = () =>
  w.store.read((tx) =>
    tx.list('audit').map((a) => [a.actorId, a.action, a.what, a.subjectId, a.count, a.via]),
  );

describe('dashboard downloads', () => {
  it('hours.csv: the CLI export’s columns and rows, formulas neutralised, as an attachment; audited', async () => {
    w = await dashboardWorld();
    const r = await w.get('/dashboard/export/hours.csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="uren_alle_2026-11-23\.csv"/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const lines = (await r.text()).trimEnd().split('\n');
    expect(lines[0]).toBe(HOURS_COLUMNS.join(';'));
    expect(lines.slice(1).map((l) => l.split(';').slice(0, 2).join(';'))).toEqual([
      'le_1;Amina',
      'le_2;Amina',
      'le_3;Amina',
      'le_4;Amina',
      'le_5;Yusuf',
    ]);
    expect(lines[5]).toContain(`;"'=HYPERLINK(""http://x"")";pending;`);
    expect(await audit()).toEqual([['dashboard', 'export', 'export_hours', null, 5, 'web']]);

    const filtered = await w.get('/dashboard/export/hours.csv?gemeente=wetteren');
    expect(filtered.headers.get('content-disposition')).toMatch(/filename="uren_wetteren_2026-11-23\.csv"/);
  });

  it('tb.csv: the TB report’s columns, a row per newcomer; a bad date is a 400 page; audited', async () => {
    w = await dashboardWorld();
    const r = await w.get('/dashboard/report/tb.csv?from=2026-11-01&to=2026-11-30');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rapport_tb_alle_2026-11-23\.csv"/,
    );
    const [header, ...rows] = (await r.text()).trimEnd().split('\n');
    expect(header).toBe(TB_COLUMNS.join(';'));
    const amina = rows.find((l) => l.split(';')[1] === 'Amina')!.split(';');
    expect(amina[TB_COLUMNS.indexOf('confirmed_hours')]).toBe('12.5');
    expect(amina[TB_COLUMNS.indexOf('pending_hours')]).toBe('1.5');
    expect(await audit()).toEqual([['dashboard', 'export', 'report_tb', null, rows.length, 'web']]);
    expect((await w.get('/dashboard/report/tb.csv?from=2026-02-30')).status).toBe(400);
    expect((await w.get('/dashboard/report/tb.csv?from=2026-12-01&to=2026-11-01')).status).toBe(400);
  });

  it('proof PDFs: one per proof; the bare link redirects to the choice when there are several; audited', async () => {
    w = await dashboardWorld();
    const bare = await w.get(`/dashboard/proof/${w.amina.id}.pdf`);
    expect(bare.status).toBe(303);
    expect(bare.headers.get('location')).toBe(`/dashboard/newcomer/${w.amina.id}#proofs`);

    const r = await w.get(`/dashboard/proof/${w.amina.id}/1.pdf`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(
      /^attachment; filename="bewijs_amina_01_buddy_sara\.pdf"/,
    );
    const pdf = Buffer.from(await r.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('Amina');
    expect(text).toContain('Sara');

    const second = await w.get(`/dashboard/proof/${w.amina.id}/2.pdf`);
    expect(second.headers.get('content-disposition')).toMatch(
      /filename="bewijs_amina_02_vrijwilligerswerk_kringwinkel\.pdf"/,
    );
    expect(await audit()).toEqual([
      ['dashboard', 'export', 'proof', w.amina.id, 1, 'web'],
      ['dashboard', 'export', 'proof', w.amina.id, 1, 'web'],
    ]);
  });

  it('the bare link gives the only proof of a newcomer with one', async () => {
    w = await dashboardWorld();
    await w.store.transact((tx) => {
      const e = tx.get('ledger', 'le_5')!;
      tx.put('ledger', e.id, { ...e, status: 'confirmed' });
    });
    const r = await w.get(`/dashboard/proof/${w.yusuf.id}.pdf`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(
      /filename="bewijs_yusuf_01_vrijwilligerswerk_kringwinkel\.pdf"/,
    );
    expect(await textOf(Buffer.from(await r.arrayBuffer()))).toContain('Yusuf');
  });

  it('no proof (nothing confirmed, an unknown person, a number too high) is a 404 page, not audited', async () => {
    w = await dashboardWorld();
    for (const path of [
      `/dashboard/proof/${w.yusuf.id}.pdf`,
      '/dashboard/proof/p_nobody.pdf',
      `/dashboard/proof/${w.amina.id}/3.pdf`,
      '/dashboard/proof/%E0%A4%A.pdf',
    ]) {
      const r = await w.get(path);
      expect(r.status, path).toBe(404);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    expect(await audit()).toEqual([]);
  });

  it('?gemeente= filters the CSV downloads only: an unknown one is a 404 there, a proof ignores it', async () => {
    w = await dashboardWorld();
    for (const path of ['/dashboard/export/hours.csv', '/dashboard/report/tb.csv'])
      expect((await w.get(`${path}?gemeente=nergens`)).status, path).toBe(404);
    const proof = await w.get(`/dashboard/proof/${w.amina.id}/1.pdf?gemeente=nergens`);
    expect(proof.status).toBe(200);
    expect(proof.headers.get('content-type')).toBe('application/pdf');
  });
});
