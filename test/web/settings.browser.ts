// The settings page as an admin uses it: the rules grouped by what they decide, only the
// settings the chosen method reads, and the whole page on a phone without sideways scrolling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, type Browser } from '../support/browser.js';
import { openWebServer, PASSWORD, type WebServer } from '../support/web-server.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([openWebServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PHONE = { width: 390, height: 844 };
/** How far the page reaches beyond the screen's width; 0 means no horizontal scrolling. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the settings page', () => {
  it('groups the rules by what they decide and shows only the thresholds of the volume method chosen', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.admin.email, PASSWORD, '/settings');
    const rules = page.getByRole('region', { name: 'Classification rules' });
    await rules.getByRole('group', { name: 'Volume tier' }).waitFor();
    expect(await rules.locator('fieldset > legend').allTextContents())
      .toEqual(['Activity status', 'Value class (ABC)', 'Volume tier', 'Purchase frequency', 'Pre-churn signals']);
    const volume = rules.getByRole('group', { name: 'Volume tier' });
    expect(await volume.getByLabel('Very high from (× mean)').count()).toBe(1);
    expect(await volume.getByLabel('Very high from (quantile)').count()).toBe(0);
    expect(await rules.getByRole('group', { name: 'Value class (ABC)' }).getByLabel('Revenue ranked on').count()).toBe(1);

    await volume.getByLabel('Volume tiers by').selectOption('quantiles');
    expect(await volume.getByLabel('Very high from (× mean)').count()).toBe(0);
    await volume.getByLabel('Very high from (quantile)').fill('0.85');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Rules saved. They apply from the next analysis.').waitFor();
    const saved = await server.store.settings.get<{ volumeTier: { method: string; quantiles: { veryHigh: number }; meanMultiples: { veryHigh: number } } }>('portfolio.rules');
    // The hidden thresholds of the other method are kept as they were.
    expect(saved?.volumeTier).toMatchObject({ method: 'quantiles', quantiles: { veryHigh: 0.85 }, meanMultiples: { veryHigh: 3 } });
    await screenshot(page, 'settings-rules');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone 390 px wide, the users table included', async () => {
    const { page, errors } = await browser.open(PHONE);
    await signIn(page, server.url, server.admin.email, PASSWORD, '/settings');
    const users = page.getByRole('region', { name: 'Users and roles' });
    await users.getByLabel(`Role of ${server.admin.name}`).waitFor();
    await page.getByRole('region', { name: 'Classification rules' }).getByRole('group', { name: 'Volume tier' }).waitFor();
    expect(await overflow(page)).toBe(0);
    // Nothing inside scrolls sideways either: every table and card fits the screen.
    const wider = await page.evaluate(() => [...document.querySelectorAll('.table-wrap, .card')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className));
    expect(wider).toEqual([]);
    await screenshot(page, 'phone-settings');
    expect(errors).toEqual([]);
    await page.close();
  });
});
