// The web app under its own Content-Security-Policy and its anti-CSRF token, in Chromium:
// every page loads with no policy violation, and changes made in the app carry the token.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  return async () => [...logged, ...await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])];
}

describe('the web app under its Content-Security-Policy', () => {
  it('loads every page, charts and the API reference with no violation', async () => {
    const { page, errors } = await browser.open();
    const violations = await watchViolations(page);
    const found: string[] = [];
    const visit = async (path: string, ready: () => Promise<unknown>) => {
      await page.goto(`${server.url}${path}`);
      await ready();
      found.push(...(await violations()).map((v) => `${path}: ${v}`));
    };
    await visit('/', () => page.getByRole('button', { name: 'Sign in' }).waitFor());
    await signIn(page, server.url, server.admin.email, PASSWORD, '/');
    await visit('/', () => page.locator('.chart canvas').first().waitFor());
    // A chart's tooltip is HTML with inline styles: hovering it must not break the policy either.
    const chart = page.locator('.chart').first();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    found.push(...(await violations()).map((v) => `/ (tooltip): ${v}`));
    await visit('/accounts', () => page.locator('[role="row"][data-account-id]').first().waitFor());
    const id = await page.locator('[role="row"][data-account-id]').first().getAttribute('data-account-id');
    await visit(`/accounts/${id}`, () => page.getByRole('heading', { level: 1 }).waitFor());
    await visit('/import', () => page.getByRole('heading', { level: 1 }).waitFor());
    await visit('/duplicates', () => page.getByRole('heading', { level: 1 }).waitFor());
    await visit('/settings', () => page.getByRole('heading', { name: 'Your password' }).waitFor());
    await visit('/api/docs', () => page.locator('.swagger-ui .info').waitFor());
    expect(found).toEqual([]);
    expect(errors.filter((e) => !/Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  });
});

describe('the anti-CSRF token in the web app', () => {
  it('sends the token with its changes, and the API refuses a change made without it', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.admin.email, PASSWORD, '/settings');
    const post = (withToken: boolean) => page.evaluate(async (send) => {
      const token = document.cookie.split('; ').find((c) => c.startsWith('clientele_csrf='))?.slice('clientele_csrf='.length);
      const response = await fetch('/api/v1/accounts', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...(send && token ? { 'x-csrf-token': token } : {}) },
        body: JSON.stringify({ name: send ? 'Made With Token' : 'Made Without Token', kind: 'company' }),
      });
      return response.status;
    }, withToken);
    expect(await post(false)).toBe(403);
    expect(await post(true)).toBe(201);

    // Changing one's password in the settings ends every session but hands this page a new one.
    await page.getByLabel('New password', { exact: true }).fill('quartz pelican meadow');
    await page.getByLabel('New password again').fill('quartz pelican meadow');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    await page.goto(`${server.url}/accounts`);
    await page.locator('[role="row"][data-account-id]').first().waitFor();
    expect(await post(true)).toBe(201);
    expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
    await page.close();
  });
});
