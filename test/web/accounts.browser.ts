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

const rows = '[role="row"][data-account-id]';
const filters = (page: Page) => page.getByRole('group', { name: 'Filters' });

describe('the account list', () => {
  it('filters by status and country, then opens an account from the list', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD);
    await filters(page).getByLabel('Status').selectOption('customer');
    await filters(page).getByLabel('Country').selectOption('FR');
    await expect.poll(() => page.url()).toContain('status=customer');
    await expect.poll(async () => {
      const texts = await page.locator(`${rows} .cell-status`).allTextContents();
      return texts.length > 0 && texts.every((t) => t === 'Customer');
    }).toBe(true);
    const countries = await page.locator(`${rows} .cell-country`).allTextContents();
    expect(new Set(countries)).toEqual(new Set(['France']));
    const expected = await server.store.accounts.list({ status: 'customer', country: 'FR', limit: 500 });
    expect(expected.items.length).toBeLessThan(100);
    await page.getByText(`${expected.items.length} accounts`).waitFor();
    expect(await page.locator(`${rows} .cell-name`).first().textContent()).toBe(expected.items[0]!.name);
    await screenshot(page, 'accounts-filtered');

    const first = page.locator(`${rows} .cell-name a`).first();
    const name = await first.textContent();
    await first.click();
    await page.getByRole('heading', { level: 1, name: name! }).waitFor();
    expect(page.url()).toMatch(/\/accounts\/\d+$/);
    await page.goBack();
    await expect.poll(() => page.url()).toContain('country=FR');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads further pages while scrolling, keeping only the visible rows in the page', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD);
    await page.locator(rows).first().waitFor();
    // The whole portfolio's size, though only the first page of 100 rows is in.
    const total = await server.store.accounts.count({});
    expect(total).toBeGreaterThan(100);
    await page.locator('.page-title').getByText(`${total.toLocaleString('en-GB')} accounts`).waitFor();
    const scroller = page.locator('.table-scroller');
    for (let i = 0; i < 12; i++) {
      await scroller.evaluate((el) => el.scrollBy(0, 2000));
      await page.waitForTimeout(100);
    }
    await expect.poll(async () => Number(await page.locator(rows).last().getAttribute('aria-rowindex'))).toBe(301);
    expect(await page.locator(rows).count()).toBeLessThan(80);
    expect(await page.getByText('Loading more accounts…').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches, sorts by a column header, and keeps a saved view', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD);
    const some = (await server.store.accounts.list({ limit: 1, sort: '-name' })).items[0]!;
    await page.getByLabel('Search').fill(some.name);
    await page.getByLabel('Search').press('Enter');
    await expect.poll(() => page.locator(`${rows} .cell-name`).first().textContent()).toBe(some.name);

    await page.getByLabel('Search').fill('');
    await page.getByLabel('Search').press('Enter');
    await page.getByRole('button', { name: 'Name' }).click();
    await expect.poll(() => page.url()).toContain('sort=-name');
    await expect.poll(() => page.locator(`${rows} .cell-name`).first().textContent()).toBe(some.name);

    await filters(page).getByLabel('Size').selectOption('enterprise');
    await page.getByText('Saved views').click();
    await page.getByLabel('Save this view as').fill('Big ones, Z to A');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.url()).not.toContain('size=');
    await page.getByRole('button', { name: 'Big ones, Z to A', exact: true }).click();
    await expect.poll(() => page.url()).toContain('size=enterprise');
    expect(page.url()).toContain('sort=-name');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('assigns an owner and adds a tag to the selected accounts', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD);
    await page.locator(rows).first().waitFor();
    const ids = await page.locator(rows).evaluateAll((els) => els.slice(0, 3).map((el) => Number(el.getAttribute('data-account-id'))));
    for (const id of ids) await page.locator(`${rows}[data-account-id="${id}"] input[type="checkbox"]`).check();
    const rep = server.reps[0]!;
    await page.getByLabel('Owner', { exact: true }).last().selectOption(String(rep.id));
    await page.getByRole('button', { name: 'Assign owner' }).click();
    await page.getByText(`Owner set to ${rep.name} on 3 accounts.`).waitFor();
    await page.getByLabel('Tag', { exact: true }).fill('web-test');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Tag "web-test" added on 3 accounts.').waitFor();
    await screenshot(page, 'accounts-bulk');
    for (const id of ids) {
      const account = (await server.store.accounts.get(id))!;
      expect(account.ownerId).toBe(rep.id);
      expect(account.tags).toContain('web-test');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the segments, sectors and countries in use as choices, with their counts, and filters on the one picked', async () => {
    const inUse = await server.store.accountValues.inUse('segment', {}, 100);
    expect(inUse.length).toBeGreaterThan(1);
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD);
    const segment = filters(page).getByLabel('Segment');
    expect(await segment.evaluate((el) => el.tagName)).toBe('SELECT');
    const offered = () => segment.locator('option').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    await expect.poll(async () => (await offered()).length).toBe(inUse.length + 1);
    expect((await offered())[0]).toEqual(['', 'Any']);
    expect(new Set((await offered()).slice(1))).toEqual(new Set(inUse.map((v) => [v.value, `${v.value} (${v.count.toLocaleString('en-GB')})`])));
    const sectors = await server.store.accountValues.inUse('sector', {}, 100);
    await expect.poll(() => filters(page).getByLabel('Sector').locator('option').count()).toBe(sectors.length + 1);
    // The countries offered are the ones in use, not every country in the world.
    const countries = await server.store.accountValues.inUse('country', {}, 300);
    expect(await filters(page).getByLabel('Country').locator('option').count()).toBe(countries.length + 1);

    const picked = inUse[inUse.length - 1]!;
    await segment.selectOption(picked.value);
    await expect.poll(() => page.url()).toContain(`segment=${encodeURIComponent(picked.value).replace(/%20/g, '+')}`);
    await page.getByText(`${picked.count} accounts`).waitFor();
    expect(new Set(await page.locator(`${rows} .cell-segment`).allTextContents())).toEqual(new Set([picked.value]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('suggests the segments in use when editing an account, and a new one typed there becomes a choice of the list', async () => {
    const account = (await server.store.accounts.list({ status: 'lead', limit: 1 })).items[0]!;
    const inUse = await server.store.accountValues.inUse('segment', {}, 100);
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, `/accounts/${account.id}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const segment = page.getByLabel('Segment', { exact: true });
    const listId = await segment.getAttribute('list');
    const suggested = page.locator(`datalist[id="${listId}"] option`);
    await expect.poll(() => suggested.count()).toBe(inUse.length);
    expect(new Set(await suggested.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)))).toEqual(new Set(inUse.map((v) => v.value)));
    await page.getByText('Pick one in use or type a new one.').first().waitFor();

    await segment.fill('Museums');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Details saved.').waitFor();
    expect((await server.store.accounts.get(account.id))!.segment).toBe('Museums');
    await page.getByRole('link', { name: 'Accounts', exact: true }).first().click();
    const filter = filters(page).getByLabel('Segment');
    await expect.poll(() => filter.locator('option', { hasText: 'Museums (1)' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the filtered list as an export that holds exactly those accounts', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/accounts?status=lead');
    await page.getByText('Export', { exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const text = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    const leads = await server.store.accounts.list({ status: 'lead', limit: 500 });
    expect(text.trim().split('\n').length - 1).toBe(leads.items.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});
