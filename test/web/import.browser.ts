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

const csv = (text: string, name = 'clients.csv') => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('importing through the page', () => {
  it('checks a small CSV, shows the columns it recognised, then imports it', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/import');
    await page.getByLabel('File to import').setInputFiles(csv('Code client;Nom;Pays;Ville\nWEB-1;Atelier Web Un;FR;Lyon\nWEB-2;Atelier Web Deux;ES;Sevilla\n'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Checked; nothing was written.').waitFor();
    const mapping = page.getByRole('region', { name: 'Columns recognised' });
    expect(await mapping.getByRole('row', { name: 'Nom name' }).count()).toBe(1);
    expect(await mapping.getByRole('row', { name: 'Code client externalId' }).count()).toBe(1);
    expect((await server.store.accounts.list({ q: 'Atelier Web', limit: 10 })).items).toEqual([]);
    await screenshot(page, 'import-checked');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported\. 2 rows read, 2 added, 0 updated, 0 unchanged/).waitFor();
    const imported = await server.store.accounts.list({ q: 'Atelier Web', limit: 10 });
    expect(imported.items.map((a) => a.externalId).sort()).toEqual(['WEB-1', 'WEB-2']);
    await screenshot(page, 'import-done');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the problems of a bad file, imports the good rows on request and hands back the rejected ones', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/import');
    await page.getByLabel('File to import').setInputFiles(csv('id,name,country\nMIX-1,Kept Row,FR\nMIX-2,Bad Row,XX\n', 'mixed.csv'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    const problems = page.getByRole('region', { name: /Problems/ });
    await problems.waitFor();
    expect(await problems.getByRole('row', { name: /3 country XX country is not a country code or name/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await page.getByLabel(/Import the good rows/).check();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Checked; nothing was written.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported\. 2 rows read, 1 added.*1 rejected/).waitFor();
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
    const keep = await createAccount(ctx, { name: 'Zephyr Robotics SARL', email: 'contact@zephyr-robotics.example', city: 'Nantes', country: 'FR' });
    const gone = await createAccount(ctx, { name: 'ZEPHYR ROBOTICS', email: 'contact@zephyr-robotics.example', city: 'Nantes', country: 'FR' });
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
