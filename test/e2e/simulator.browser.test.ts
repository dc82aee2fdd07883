import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWeb, type TestWeb } from '../helpers/web.js';

// Debian's Chromium (.ci/run installs it when missing); never a downloaded browser.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
const absent = !existsSync(CHROMIUM);
if (absent && !process.env['CI'])
  console.warn(`simulator browser test skipped: ${CHROMIUM} is missing (sudo apt-get install chromium)`);

/** The last button with this label in a pane (older messages keep theirs). */
const press = async (pane: Locator, label: string) => {
  const button = pane.getByRole('button', { name: label, exact: true }).last();
  await button.waitFor();
  await button.click();
};

/** Waits until a pane shows a message containing `text`. */
const sees = (pane: Locator, text: string) => pane.locator('.log li', { hasText: text }).last().waitFor();

/** Waits until what `read` gives is `want` (playwright-core has no expect of its own). */
const settles = <T>(read: () => Promise<T>, want: T, timeout = 15_000) =>
  expect.poll(read, { timeout, interval: 50 }).toEqual(want);

describe.skipIf(absent && !process.env['CI'])('the simulator in a real browser', () => {
  let web: TestWeb;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    web = await startTestWeb();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(15_000);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('onboards Amina, her hours are confirmed by Sara, and a month later Lotte’s reminder button works', async () => {
    await page.goto(web.url);
    await page.locator('body[data-connected="true"]').waitFor();
    const amina = page.getByRole('region', { name: 'Inburgeraar' });
    const sara = page.getByRole('region', { name: 'Buddy' });
    const lotte = page.getByRole('region', { name: 'Coach' });

    // Onboarding: the code is filled in as a hint; the language and consent by button.
    const input = amina.getByRole('textbox', { name: 'Bericht van Amina' });
    await settles(() => input.inputValue(), web.code('Amina'));
    await amina.getByRole('button', { name: 'Verstuur' }).click();
    await sees(amina, 'Hallo Amina!');
    await press(amina, '1. Nederlands');
    await sees(amina, 'Ga je akkoord?');
    await press(amina, '1. Ja, akkoord');
    await sees(amina, 'Welkom bij Netwerkbot');

    // Hours, typed with the keyboard.
    await input.fill('gisteren 2u met Sara');
    await input.press('Enter');
    await sees(amina, 'Klopt dat?');
    await press(amina, '1. Ja, klopt');
    await sees(amina, 'Sara moet het nog bevestigen');

    // The buddy confirms in her pane.
    await sees(sara, 'Amina schreef: 2 uur');
    await press(sara, '1. Ja');
    await sees(amina, 'Sara bevestigde 2 uur');

    // A month on: the coach's digest with its button, hour by hour, in the coach's pane.
    const before = await page.locator('#now').textContent();
    await page.getByRole('button', { name: '+1 maand' }).click();
    await expect.poll(() => page.locator('#now').textContent()).not.toBe(before);
    await settles(() => page.locator('#status').textContent(), '', 30_000);
    expect(await page.locator('body').getAttribute('data-now')).toBe('2026-12-23T09:00:00.000Z');
    await sees(lotte, 'Amina en Sara zagen elkaar niet meer');
    await sees(sara, 'Hoe gaat het met jou en Amina?');
    await press(lotte, '1. Logboek');
    await sees(lotte, 'Logboek van Amina en Sara');

    for (const [name, pane] of [
      ['newcomer', amina],
      ['buddy', sara],
      ['coach', lotte],
    ] as const)
      await pane.screenshot({ path: `${ARTIFACTS}/simulator-${name}.png` });
    expect(existsSync(`${ARTIFACTS}/simulator-coach.png`)).toBe(true);
  }, 60_000);

  it('gives an Arabic pane right-to-left layout and resets to fresh demo data', async () => {
    await page.goto(web.url);
    await page.locator('body[data-connected="true"]').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    await settles(() => page.locator('#status').textContent(), 'Nieuwe demo-gegevens staan klaar.');
    const amina = page.getByRole('region', { name: 'Inburgeraar' });
    await settles(() => amina.locator('.log li').count(), 0);
    await settles(() => amina.getByRole('textbox').inputValue(), web.code('Amina'));
    // Keyboard only: Enter sends the code, Tab reaches the language buttons.
    await amina.getByRole('textbox').press('Enter');
    await press(amina, '4. العربية');
    await settles(() => amina.getByRole('log').getAttribute('dir'), 'rtl');
    await settles(() => amina.locator('.log li.bot .text').last().getAttribute('dir'), 'rtl');
  }, 30_000);
});
