import { afterEach, describe, expect, it } from 'vitest';
import { dashboardWorld, type DashboardWorld } from './dashboard-world.js';

let w: DashboardWorld;
afterEach(async () => w?.close());

const page = async (path: string) => {
  const r = await w.get(path);
  return { status: r.status, type: r.headers.get('content-type'), html: await r.text() };
};

/** The table row (<tr>…</tr>) that names `name`. */
const rowWith = (html: string, name: string): string =>
  html
    .split('<tr>')
    .find((r) => r.includes(`<bdi>${name}</bdi>`))
    ?.split('</tr>')[0] ?? '';

describe('dashboard pages', () => {
  it('overview: Amina’s bar with 12,5 of 40 hours, pending confirmations, the overdue and due tasks', async () => {
    w = await dashboardWorld();
    const { status, type, html } = await page('/dashboard');
    expect(status).toBe(200);
    expect(type).toBe('text/html; charset=utf-8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl" dir="ltr">/);
    expect(html).toContain('<h1>Overzicht</h1>');
    expect(html).toContain('<label for="gemeente">Gemeente</label>');

    const amina = rowWith(html, 'Amina');
    expect(amina).toContain('role="progressbar"');
    expect(amina).toContain('aria-valuenow="12.5"');
    expect(amina).toContain('aria-valuemax="40"');
    expect(amina).toContain('aria-valuetext="12,5 uur van 40 uur"');
    expect(amina).toMatch(
      /<th scope="row"><a href="\/dashboard\/newcomer\/[^"]+" id="n-[^"]+"><bdi>Amina<\/bdi><\/a><\/th>/,
    );
    expect(amina).toContain('<td class="num">12,5</td><td class="num">1,5</td>');
    expect(amina).toContain(
      '<td><time datetime="2027-09-24" dir="ltr">2027-09-24</time></td><td class="num">305</td>',
    );

    const waiting = html.slice(html.indexOf('<h2>Uren die wachten op bevestiging</h2>'));
    expect(rowWith(waiting, 'Amina')).toContain(
      '<td><bdi>Sara</bdi></td><td><time datetime="2026-11-16" dir="ltr">',
    );
    expect(rowWith(waiting, 'Yusuf')).toContain(
      '<td>de coach</td><td><time datetime="2026-11-18" dir="ltr">',
    );

    const tasks = html.slice(html.indexOf('<h2>Opvolggesprekken en taken</h2>'));
    const overdue = rowWith(tasks, 'Amina');
    expect(overdue).toContain('Bel de inburgeraar en de buddy');
    expect(overdue).toContain('<span class="late">3</span>');
    expect(rowWith(tasks, 'Yusuf')).toContain('vandaag');
    expect(tasks).not.toContain('Slotgesprek');
  });

  it('filters by gemeente; an unknown gemeente is a 404 page', async () => {
    w = await dashboardWorld();
    const wetteren = await page('/dashboard?gemeente=Wetteren');
    expect(wetteren.status).toBe(200);
    expect(wetteren.html).toContain('<option value="wetteren" selected>Wetteren</option>');
    expect(wetteren.html).toContain('href="/dashboard/activities?gemeente=wetteren"');
    expect(rowWith(wetteren.html, 'Amina')).toContain('aria-valuenow="12.5"');
    const none = await page('/dashboard?gemeente=nergens');
    expect(none.status).toBe(404);
    expect(none.html).not.toContain('Amina');
  });

  it('activities: upcoming first with RSVP counts and the three criteria, then past ones', async () => {
    w = await dashboardWorld();
    const { status, html } = await page('/dashboard/activities');
    expect(status).toBe(200);
    expect(html.indexOf('Praattafel')).toBeLessThan(html.indexOf('Wandeling'));
    expect(html.indexOf('Wandeling')).toBeLessThan(html.indexOf('Kookavond'));
    expect(html).toContain('<th scope="col">Gratis</th><th scope="col">Nederlandstalig</th>');
    expect(rowWith(html, 'Praattafel')).toContain(
      '<time datetime="2026-11-26T13:00:00Z" dir="ltr">2026-11-26 14:00–16:00</time>',
    );
    expect(rowWith(html, 'Praattafel')).toMatch(
      /<td>ja<\/td><td>ja<\/td><td>ja<\/td>.*<td class="num">2<\/td>$/,
    );
    expect(rowWith(html, 'Wandeling')).toMatch(
      /<td>nee<\/td><td>ja<\/td><td>ja<\/td>.*<td class="num">0<\/td>$/,
    );
    expect(rowWith(html, 'Kookavond')).toMatch(/<td class="num">1<\/td>$/);
  });

  it('broadcasts: delivery counts, status and when', async () => {
    w = await dashboardWorld();
    const { html } = await page('/dashboard/broadcasts');
    const row = html.split('<tr>').find((r) => r.includes('Weekoverzicht'))!;
    expect(row).toContain('2026-11-23 09:00');
    expect(row).toContain('<bdi>Praattafel</bdi>, <bdi>Wandeling</bdi>');
    expect(row).toContain('<td><bdi>Lotte</bdi></td><td>bezig</td>');
    expect(row).toContain('<td class="num">5</td><td class="num">7</td><td class="num">1</td>');
  });

  it('newcomer: entries, duo log and one proof link per proof; the view is in the audit log', async () => {
    w = await dashboardWorld();
    const { status, html } = await page(`/dashboard/newcomer/${w.amina.id}`);
    expect(status).toBe(200);
    expect(html).toContain('<h1><bdi>Amina</bdi></h1>');
    expect(html).toContain('Duo met <bdi>Sara</bdi> (duo_demo1): loopt.');
    expect(html).toContain('<bdi>Markt bezocht</bdi>');
    expect(html).toContain(`href="/dashboard/proof/${w.amina.id}/1.pdf" download`);
    expect(html).toContain(`href="/dashboard/proof/${w.amina.id}/2.pdf" download`);
    expect(html).toContain('Andere bevestigde uren: 1 uur.');
    const audit = await w.store.read((tx) => tx.list('audit'));
    expect(audit.map((a) => [a.actorId, a.action, a.what, a.subjectId, a.via])).toEqual([
      ['dashboard', 'view', 'hours', w.amina.id, 'web'],
      ['dashboard', 'view', 'duo_log', w.amina.id, 'web'],
    ]);
    expect((await page('/dashboard/newcomer/p_nobody')).status).toBe(404);
  });

  it('?gemeente= filters the overview and the lists only: an unknown one is a 404 there, the newcomer page ignores it', async () => {
    w = await dashboardWorld();
    for (const path of ['/dashboard', '/dashboard/activities', '/dashboard/broadcasts'])
      expect((await page(`${path}?gemeente=nergens`)).status, path).toBe(404);
    const newcomer = await page(`/dashboard/newcomer/${w.amina.id}?gemeente=nergens`);
    expect(newcomer.status).toBe(200);
    expect(newcomer.html).toContain('<h1><bdi>Amina</bdi></h1>');
    expect((await page('/dashboard/nope?gemeente=nergens')).status).toBe(404);
  });

  it('unknown paths under /dashboard get a 404 page; other paths are left to the next route', async () => {
    w = await dashboardWorld();
    const r = await page('/dashboard/nope');
    expect(r.status).toBe(404);
    expect(r.html).toContain('<h1>Deze pagina bestaat niet</h1>');
    expect(r.html).toContain('<nav aria-label="Menu">');
    expect((await w.get('/simulator')).status).toBe(418);
    expect((await w.get('/dashboardx')).status).toBe(418);
    expect((await fetch(`${w.base}/dashboard`, { method: 'POST' })).status).toBe(405);
  });

  it('escapes a name that is markup', async () => {
    w = await dashboardWorld();
    for (const path of ['/dashboard', `/dashboard/newcomer/${w.script.id}`]) {
      const { html } = await page(path);
      expect(html).toContain('<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>');
      expect(html).not.toContain('<script');
    }
  });

  it('speaks the configured language, right to left for Arabic', async () => {
    w = await dashboardWorld('ar');
    const { html } = await page('/dashboard');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('<h1>نظرة عامة</h1>');
    expect(rowWith(html, 'Amina')).toContain('aria-valuenow="12.5"');
  });
});
