import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { launchBrowser, signIn, type Browser } from '../support/browser.js';
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

describe('accessibility (axe-core)', () => {
  it('catches a serious violation when there is one, so a clean result means something', async () => {
    const { page } = await browser.open();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.evaluate(() => document.querySelector('form')!.insertAdjacentHTML('beforeend', '<input type="text"><img src="data:,">'));
    const found = await seriousViolations(page);
    expect(found.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['label', 'image-alt']));
    await page.close();
  });

  it('finds no serious violation on the sign-in page', async () => {
    const { page } = await browser.open();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds no serious violation on the main pages, on a desk and on a phone', async () => {
    const account = (await server.store.accounts.list({ status: 'customer', limit: 1 })).items[0]!;
    for (const size of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const { page, errors } = await browser.open(size);
      await signIn(page, server.url, server.admin.email, PASSWORD, '/accounts');
      await page.locator('[role="row"][data-account-id]').first().waitFor();
      const found: Record<string, string[]> = { accounts: await seriousViolations(page) };

      await page.goto(`${server.url}/accounts/${account.id}`);
      await page.locator('.class-list').waitFor();
      await page.getByRole('button', { name: 'Log a call' }).click();
      found.profile = await seriousViolations(page);

      await page.goto(`${server.url}/`);
      await page.locator('.chart[data-drawn="true"]').nth(5).waitFor({ timeout: 20_000 });
      found.dashboard = await seriousViolations(page);

      for (const path of ['/import', '/duplicates', '/settings']) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        found[path] = await seriousViolations(page);
      }
      expect(found).toEqual({ accounts: [], profile: [], dashboard: [], '/import': [], '/duplicates': [], '/settings': [] });
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
