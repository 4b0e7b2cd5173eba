import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, type Browser } from '../support/browser.js';
import { openWebServer, PASSWORD, type WebServer } from '../support/web-server.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([openWebServer({ analyse: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PHONE = { width: 390, height: 844 };

/** How far the page reaches beyond the screen's width; 0 means no horizontal scrolling. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('on a phone 390 px wide', () => {
  it('shows the account list as cards without horizontal scrolling, and filters it', async () => {
    const { page, errors } = await browser.open(PHONE);
    await signIn(page, server.url, server.reps[0]!.email, PASSWORD, '/accounts');
    const card = page.locator('[role="row"][data-account-id] .card-name').first();
    await card.waitFor();
    expect(await overflow(page)).toBe(0);
    expect(await page.getByRole('group', { name: 'Filters' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('group', { name: 'Filters' }).getByLabel('Status').selectOption('customer');
    await expect.poll(() => page.url()).toContain('status=customer');
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'phone-accounts');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the profile and logs a visit from the quick actions without horizontal scrolling', async () => {
    const account = (await server.store.accounts.list({ status: 'customer', limit: 1 })).items[0]!;
    const { page, errors } = await browser.open(PHONE);
    await signIn(page, server.url, server.reps[0]!.email, PASSWORD, `/accounts/${account.id}`);
    await page.getByRole('heading', { level: 1, name: account.name }).waitFor();
    await page.locator('.class-list').waitFor();
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'phone-profile');
    await page.getByRole('button', { name: 'Log a visit' }).click();
    await page.getByLabel('Subject').fill('Visited the warehouse');
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'phone-quick-action');
    await page.getByRole('button', { name: 'Save visit' }).click();
    await page.getByText('Visit logged.').waitFor();
    await page.getByText('visit: Visited the warehouse').waitFor();
    expect(await overflow(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits the dashboard to the screen', async () => {
    const { page, errors } = await browser.open(PHONE);
    await signIn(page, server.url, server.manager.email, PASSWORD, '/');
    await expect.poll(() => page.locator('.chart[data-drawn="true"]').count(), { timeout: 20_000 }).toBe(6);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'phone-dashboard');
    expect(errors).toEqual([]);
    await page.close();
  });
});
