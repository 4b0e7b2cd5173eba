// Figures in the account list read as figures: right-aligned in digits of one width, and whole,
// never cut with an ellipsis, on a desktop screen and on a phone.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runAnalysis } from '../../src/services/analysis/run-analysis.js';
import { orders } from '../../src/services/orders.js';
import { launchBrowser, screenshot, signIn, type Browser } from '../support/browser.js';
import { openWebServer, PASSWORD, type WebServer } from '../support/web-server.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([openWebServer(), launchBrowser()]);
  // One account far above the rest: an amount longer than any column's default width.
  const system = { store: server.store, actor: SYSTEM_ACTOR };
  const whale = (await server.store.accounts.list({ status: 'customer', limit: 1 })).items[0]!;
  await orders.create(system, { accountId: whale.id, number: 'WHALE-1', orderedAt: '2025-11-20T10:00:00Z', total: '987654321.00' });
  await runAnalysis(system, { asOf: '2025-07-01', kind: 'snapshot' });
  await runAnalysis(system, { asOf: '2026-01-01', kind: 'run' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rows = '[role="row"][data-account-id]';

/** Where a cell's text sits in its box, and whether any of it is hidden. */
function placement(cell: Locator) {
  return cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      text: el.textContent ?? '',
      align: style.textAlign,
      digits: style.fontVariantNumeric,
      clipped: el.scrollWidth > el.clientWidth,
      /** From the text's right edge to the box's inner right edge. */
      rightGap: box.right - parseFloat(style.paddingRight) - text.right,
      leftGap: text.left - box.left - parseFloat(style.paddingLeft),
    };
  });
}

/** The list sorted by revenue, largest first: the longest amounts at the top. */
async function openByRevenue(page: Page) {
  await signIn(page, server.url, server.manager.email, PASSWORD, '/accounts?sort=-revenue');
  await page.locator(rows).first().waitFor();
}

describe('figures in the account list', () => {
  it('at 1280 px: amounts are right-aligned in tabular figures and shown whole, as is their heading', async () => {
    const { page, errors } = await browser.open({ width: 1280, height: 800 });
    await openByRevenue(page);
    const cells = page.locator(`${rows} .cell-revenue`);
    await expect.poll(() => cells.first().textContent()).toMatch(/^€9\d\d,\d{3},\d{3}$/);
    const count = Math.min(await cells.count(), 10);
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i += 1) {
      const cell = await placement(cells.nth(i));
      expect(cell.align, cell.text).toBe('right');
      expect(cell.digits).toContain('tabular-nums');
      expect(cell.clipped, cell.text).toBe(false);
      expect(Math.abs(cell.rightGap), cell.text).toBeLessThan(1.5);
      expect(cell.leftGap, cell.text).toBeGreaterThanOrEqual(0);
    }
    const heading = await placement(page.locator('[role="columnheader"].cell-revenue'));
    expect(heading.align).toBe('right');
    expect(heading.clipped).toBe(false);
    // Text columns may still truncate: the name column keeps its ellipsis.
    expect(await page.locator(`${rows} .cell-name`).first().evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
    await screenshot(page, 'figures-1280');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 1280 px: a figure column narrower than its amounts widens to show them whole', async () => {
    const { page, errors } = await browser.open({ width: 1280, height: 800 });
    await openByRevenue(page);
    // The figures a person adds from the column chooser; CLV's column starts at 6.5rem.
    await page.getByText('Columns', { exact: true }).click();
    const chooser = page.getByRole('group', { name: 'Columns to show' });
    for (const name of ['CLV', 'Value (ABC)', 'P(alive)']) await chooser.getByLabel(name, { exact: true }).check();
    await page.getByText('Columns', { exact: true }).click();
    for (const key of ['revenue', 'clv', 'value', 'pAlive']) {
      const cells = page.locator(`${rows} .cell-${key}`);
      await expect.poll(() => cells.count()).toBeGreaterThan(5);
      const placed = await Promise.all(Array.from({ length: 8 }, (_, i) => placement(cells.nth(i))));
      expect(placed.filter((c) => c.clipped).map((c) => c.text), key).toEqual([]);
      expect(new Set(placed.map((c) => c.align))).toEqual(new Set(['right']));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 390 px: each card shows the revenue whole, at the right of the name', async () => {
    const { page, errors } = await browser.open({ width: 390, height: 844 });
    await openByRevenue(page);
    const figures = page.locator(`${rows} .card-revenue`);
    await expect.poll(() => figures.first().textContent()).toMatch(/^Revenue: €9\d\d,\d{3},\d{3}$/);
    for (let i = 0; i < 6; i += 1) {
      const card = page.locator(rows).nth(i);
      const [figure, row, top] = await Promise.all([
        card.locator('.card-revenue').boundingBox(), card.boundingBox(), card.locator('.card-top').evaluate((el) => el.scrollWidth <= el.clientWidth),
      ]);
      expect(top).toBe(true);
      expect(figure!.x + figure!.width).toBeLessThanOrEqual(row!.x + row!.width);
      expect(figure!.x + figure!.width).toBeGreaterThan(row!.x + row!.width - 24);
      expect(await card.locator('.card-revenue').evaluate((el) => getComputedStyle(el).fontVariantNumeric)).toContain('tabular-nums');
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await screenshot(page, 'figures-390');
    expect(errors).toEqual([]);
    await page.close();
  });
});
