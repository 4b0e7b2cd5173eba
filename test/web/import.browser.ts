import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/services/accounts.js';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { launchBrowser, screenshot, signIn, type Browser } from '../support/browser.js';
import { shopExportCsv, shopExportLines } from '../support/shop-export.js';
import { expectedFrom } from '../support/shop-export-figures.js';
import { openWebServer, PASSWORD, type WebServer } from '../support/web-server.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([openWebServer({ accounts: 120 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PHONE = { width: 390, height: 844 };
/** How far the page reaches beyond the screen's width; 0 means no horizontal scrolling. */
const overflow = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const csv = (text: string, name = 'clients.csv') => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('importing through the page', () => {
  it('checks a small CSV, shows the columns it recognised, then imports it', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/import');
    await page.getByLabel('File to import').setInputFiles(csv('Code client;Nom;Pays;Ville\nWEB-1;Atelier Web Un;FR;Lyon\nWEB-2;Atelier Web Deux;ES;Sevilla\n'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Checked; nothing was written.').waitFor();
    const mapping = page.getByRole('region', { name: 'Columns recognised' });
    expect(await mapping.getByRole('row', { name: 'Nom Name' }).count()).toBe(1);
    expect(await mapping.getByRole('row', { name: 'Code client External ID' }).count()).toBe(1);
    expect((await server.store.accounts.list({ q: 'Atelier Web', limit: 10 })).items).toEqual([]);
    await screenshot(page, 'import-checked');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.success-banner').getByText(/Imported\. 2 rows read, 2 added, 0 updated, 0 unchanged/).waitFor();
    const imported = await server.store.accounts.list({ q: 'Atelier Web', limit: 10 });
    expect(imported.items.map((a) => a.externalId).sort()).toEqual(['WEB-1', 'WEB-2']);
    await screenshot(page, 'import-done');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the problems of a bad file, imports the good rows without a second check, and warns of the rejected ones, on a phone', async () => {
    const { page, errors } = await browser.open(PHONE);
    await signIn(page, server.url, server.manager.email, PASSWORD, '/import');
    await page.getByLabel('File to import').setInputFiles(csv('id,name,country\nMIX-1,Kept Row,FR\nMIX-2,Bad Row,XX\n', 'mixed.csv'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    const problems = page.getByRole('region', { name: /Problems/ });
    await problems.waitFor();
    expect(await problems.getByRole('row', { name: /3 country XX country is not a country code or name/ }).count()).toBe(1);
    // A check that found problems is no green light.
    expect(await page.locator('.import-result .warning-banner').getByText('Checked; nothing was written.').count()).toBe(1);
    expect(await page.locator('.success-banner').count()).toBe(0);
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);

    // Setting the bad rows aside needs no second check: the check already found them.
    await page.getByLabel(/Import the good rows/).check();
    expect(await importButton.isEnabled()).toBe(true);
    expect(await page.getByText('Checked; nothing was written.').count()).toBe(1);
    await importButton.click();
    const outcome = page.locator('.import-result [role="alert"]').filter({ hasText: /Imported.*2 rows read, 1 added.*1 rejected/ });
    await outcome.waitFor();
    expect(await outcome.getAttribute('class')).toBe('warning-banner');
    expect(await page.locator('.success-banner').count()).toBe(0);
    expect(await overflow(page)).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the rejected rows (CSV)' }).click()]);
    expect(await readFile((await download.path())!, 'utf8')).toBe('id,name,country,Import problem\nMIX-2,Bad Row,XX,country is not a country code or name\n');
    expect((await server.store.accounts.list({ q: 'Kept Row', limit: 5 })).items).toHaveLength(1);
    expect((await server.store.accounts.list({ q: 'Bad Row', limit: 5 })).items).toHaveLength(0);
    await screenshot(page, 'import-rejected');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what a shop export\'s check found before its rows: accounts to create, guests, places, credit notes', async () => {
    const content = shopExportCsv(shopExportLines({ seed: 33, invoices: 150, customers: 25 }));
    const expected = expectedFrom(content);
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/import');
    await page.getByLabel('What the file holds').selectOption('order-lines');
    await page.getByLabel('Lines with no customer (guests)').selectOption('leave-out');
    await page.getByLabel('File to import').setInputFiles(csv(content, 'online-retail.csv'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    const summary = page.getByRole('region', { name: 'Summary' });
    await summary.waitFor();
    const figure = async (term: string) => (await summary.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent())?.trim();
    expect(await figure('Accounts to create')).toBe(String(expected.customers));
    expect(await figure('Guest lines')).toMatch(new RegExp(`^${expected.guestLines.toLocaleString('en-GB')} lines worth €[\\d,.]+, to leave out$`));
    expect(await figure('Credit notes')).toMatch(new RegExp(`^${expected.credits - expected.guestCredits} worth -€`));
    // The summary comes before the first records.
    const order = await page.locator('section[aria-labelledby="summary-title"], section[aria-labelledby="preview-title"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
    expect(order).toEqual(['summary-title', 'preview-title']);
    await screenshot(page, 'import-shop-export-checked');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves the import and duplicates pages out of a rep\'s menu', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.reps[0]!.email, PASSWORD, '/accounts');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Dashboard', 'Accounts', 'Settings']);
    await page.goto(`${server.url}/import`);
    await page.getByText(/Imports are for managers and admins/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the duplicates review', () => {
  it('shows a likely pair with its reasons and merges it after confirmation', async () => {
    const ctx = { store: server.store, actor: SYSTEM_ACTOR };
    const keep = await createAccount(ctx, { name: 'Zephyr Robotics SARL', email: 'lea.moreau@zephyr-robotics.example', city: 'Nantes', country: 'FR' });
    const gone = await createAccount(ctx, { name: 'ZEPHYR ROBOTICS', email: 'lea.moreau@zephyr-robotics.example', city: 'Nantes', country: 'FR' });
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/duplicates');
    const pair = page.locator('.duplicate-pair', { hasText: 'Zephyr Robotics SARL' });
    await pair.waitFor();
    expect(await pair.textContent()).toContain('same email');
    await pair.getByRole('button', { name: `Keep #${keep.id}, merge #${gone.id} into it` }).click();
    await pair.getByRole('button', { name: 'Confirm merge' }).click();
    await page.getByText(`ZEPHYR ROBOTICS (#${gone.id}) merged into Zephyr Robotics SARL (#${keep.id}).`).waitFor();
    await screenshot(page, 'duplicates-merged');
    expect(await server.store.accounts.get(gone.id)).toBeUndefined();
    expect(await server.store.accounts.get(keep.id)).toBeDefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a pair as not a duplicate for good, and takes it back with Undo', async () => {
    const ctx = { store: server.store, actor: SYSTEM_ACTOR };
    const a = await createAccount(ctx, { name: 'Quasar Optique SA', city: 'Rennes', country: 'FR' });
    const b = await createAccount(ctx, { name: 'Quasar Optique SARL', city: 'Rennes', country: 'FR' });
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/duplicates');
    const pair = page.locator('.duplicate-pair', { hasText: 'Quasar Optique SA' });
    await pair.waitFor();
    await pair.getByRole('button', { name: 'Not a duplicate' }).click();
    const banner = page.getByRole('status').filter({ hasText: `Quasar Optique SA (#${a.id}) and Quasar Optique SARL (#${b.id}) marked as not a duplicate` });
    await banner.waitFor();
    await expect.poll(() => pair.count()).toBe(0);
    expect(await server.store.duplicates.dismissedPair('account', a.id, b.id)).toMatchObject({ a: a.id, b: b.id, dismissedBy: server.manager.id });
    await banner.getByRole('button', { name: 'Undo' }).click();
    await pair.waitFor();
    expect(await server.store.duplicates.dismissedPair('account', a.id, b.id)).toBeUndefined();

    await pair.getByRole('button', { name: 'Not a duplicate' }).click();
    await banner.waitFor();
    // Still left out after a reload: the decision is stored, not kept in the page.
    await page.reload();
    await page.getByText(/1 pair marked as not duplicates left out\./).waitFor();
    expect(await pair.count()).toBe(0);
    await screenshot(page, 'duplicates-dismissed');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('settings', () => {
  it('lets an admin add a user and change their role, and anyone create and revoke a token', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.admin.email, PASSWORD, '/settings');
    const addUser = page.getByRole('form', { name: 'Add a user' });
    await addUser.getByLabel('Email').fill('new.rep@example.com');
    await addUser.getByLabel('Name').fill('Nina Newrep');
    await addUser.getByLabel('First password').fill('short');
    await addUser.getByRole('button', { name: 'Add user' }).click();
    await addUser.getByText('At least 10 characters.').waitFor();
    await addUser.getByLabel('First password').fill('a fine first password');
    await addUser.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('Nina Newrep added as Sales rep.').waitFor();
    await page.getByLabel('Role of Nina Newrep').selectOption('manager');
    await page.getByText('Nina Newrep: role set to Manager.').waitFor();
    expect((await server.store.users.getByEmail('new.rep@example.com'))!.role).toBe('manager');

    await page.getByLabel("New token's name").fill('nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByLabel('Your new token').inputValue();
    expect(token).toMatch(/^clt_/);
    const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    await screenshot(page, 'settings');
    await page.getByRole('button', { name: 'Revoke token nightly export' }).click();
    await page.getByText('You have no token.').waitFor();
    expect((await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(errors).toEqual([]);
    await page.close();
  });
});
