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

describe('signing in and out', () => {
  it('signs in, lands on the page asked for, and signs out', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/accounts');
    await expect.poll(() => page.locator('[role="row"][data-account-id]').count()).toBeGreaterThan(5);
    expect(page.url()).toBe(`${server.url}/accounts`);
    await expect.poll(() => page.getByText(server.manager.name).count()).toBeGreaterThan(0);
    await screenshot(page, 'sign-in-accounts');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByText('You are signed out.').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in words why a sign-in failed and stays on the form', async () => {
    const { page, errors } = await browser.open();
    await page.goto(server.url);
    await page.getByLabel('Email').fill(server.manager.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/email or password/i);
    await screenshot(page, 'sign-in-failed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the app for any address outside the API, so a reload keeps the page', async () => {
    const response = await fetch(`${server.url}/accounts/12345`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    const api = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
