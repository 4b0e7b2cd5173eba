// Orders in several currencies as a user brings them (a rates file, then an orders file): the
// profile shows each order's amount in its own currency with the rate it was converted at, and
// a rate the admin enters in Settings converts the orders it concerns again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { importRatesFile } from '../../src/services/exchange-rates.js';
import { runImport } from '../../src/services/import/run-import.js';
import { launchBrowser, screenshot, signIn, type Browser } from '../support/browser.js';
import { ordersCsv, RATES_CSV } from '../support/currency-files.js';
import { tempFolder } from '../support/temp-files.js';
import { openWebServer, PASSWORD, type WebServer } from '../support/web-server.js';

let server: WebServer;
let browser: Browser;
let files: Awaited<ReturnType<typeof tempFolder>>;

beforeAll(async () => {
  files = await tempFolder('currency-browser');
  const rates = await files.write('rates.csv', RATES_CSV);
  const orders = await files.write('orders.csv', ordersCsv());
  [server, browser] = await Promise.all([openWebServer({
    load: async (store) => {
      await importRatesFile({ store, actor: SYSTEM_ACTOR }, rates);
      const report = await runImport(store, { target: 'orders', path: orders, actor: SYSTEM_ACTOR, mapping: { createAccounts: { name: 'Customer {accountExternalId}' } } });
      if (report.status !== 'committed') throw new Error(`the orders file did not import: ${JSON.stringify(report.problems)}`);
    },
  }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await files?.remove();
});

describe('orders in another currency', () => {
  it('show on the profile in their currency, converted at the rate used, and follow a rate the admin enters', async () => {
    // FX-56: 2024-06-01 in USD, the day a USD rate of 0.9402 was published.
    const order = (await server.store.orders.getByNumber('FX-56'))!;
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.admin.email, PASSWORD, `/accounts/${order.accountId}`);
    const entry = page.locator('.timeline-entry.kind-order').filter({ hasText: 'Order FX-56 (' });
    const amount = entry.locator('.timeline-amount');
    await expect.poll(() => amount.textContent()).toMatch(/\(USD\) = €[\d,]+\.\d\d at 0\.9402 EUR per USD, rate of 1 Jun 2024/);
    expect(await amount.textContent()).toContain(`${order.baseTotal.replace(/\B(?=(\d{3})+\.)/g, ',')}`);
    // An order in euros shows its amount alone.
    const euro = (await server.store.orders.list({ accountId: order.accountId, limit: 100 })).items.find((o) => o.currency === null)!;
    await expect.poll(() => page.locator('.timeline-entry.kind-order').filter({ hasText: `Order ${euro.number} (` }).locator('.timeline-amount').textContent()).toMatch(/^€[\d,]+\.\d\d$/);
    await screenshot(page, 'profile-order-currency');

    await page.goto(`${server.url}/settings`);
    const section = page.getByRole('region', { name: 'Exchange rates' });
    const form = section.getByRole('form', { name: 'Enter a rate' });
    await form.getByLabel('Currency').selectOption('USD');
    await form.getByLabel('From').fill('2024-06-01');
    await form.getByLabel('Rate (EUR for 1 USD)').fill('0.95');
    await form.getByRole('button', { name: 'Save rate' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/1 rate saved \(0 new, 1 changed\); [1-9]\d* orders? converted again/);
    await expect.poll(() => section.getByRole('row').filter({ hasText: '0.95' }).count()).toBe(1);

    await page.goto(`${server.url}/accounts/${order.accountId}`);
    await expect.poll(() => page.locator('.timeline-entry.kind-order').filter({ hasText: 'FX-56' }).locator('.timeline-amount').textContent())
      .toMatch(/at 0\.95 EUR per USD, rate of 1 Jun 2024/);
    expect((await server.store.orders.getByNumber('FX-56'))!.exchangeRate).toBe('0.95');
    expect(errors).toEqual([]);
    await page.close();
  });
});
