import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REP_VISIBILITY_KEY } from '../../src/services/context.js';
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

async function someAccount(filter: { ownerId?: number } = {}) {
  return (await server.store.accounts.list({ status: 'customer', limit: 1, ...filter })).items[0]!;
}

describe('the account profile', () => {
  it('shows the account with its contacts and timeline', async () => {
    const account = await someAccount();
    const contacts = await server.store.contacts.list({ accountId: account.id, limit: 50 });
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, `/accounts/${account.id}`);
    await page.getByRole('heading', { level: 1, name: account.name }).waitFor();
    const contactList = page.getByRole('region', { name: /Contacts/ });
    await expect.poll(() => contactList.locator('.contact').count()).toBe(contacts.items.length);
    await expect.poll(() => page.locator('.timeline-entry').count()).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'Timeline' }).getByLabel('Orders').uncheck();
    await expect.poll(() => page.locator('.timeline-entry.kind-order').count()).toBe(0);
    await screenshot(page, 'profile');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the timeline a page at a time, "Show older" adding the next page until the whole history is there', async () => {
    const account = (await server.store.accounts.list({ status: 'prospect', limit: 1 })).items[0]!;
    // A history of more than two pages of 25: notes a day apart, on top of what the demo holds.
    for (let i = 0; i < 55; i += 1) {
      await server.store.interactions.insert({ accountId: account.id, type: 'note', subject: `Note ${i}`, occurredAt: new Date(Date.UTC(2024, 0, 1 + i, 10)).toISOString() });
    }
    const whole = await server.store.timeline.page(account.id, { limit: 200 });
    expect(whole.nextCursor).toBeNull();
    const expected = whole.items.map((e) => `${e.kind}-${e.id}`);
    expect(expected.length).toBeGreaterThan(50);

    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, `/accounts/${account.id}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const shown = () => timeline.locator('.timeline-entry').evaluateAll((items) => items.map((li) => li.getAttribute('data-entry')));
    await expect.poll(async () => (await shown()).length).toBe(25);
    const older = timeline.getByRole('button', { name: 'Show older' });
    await older.click();
    await expect.poll(async () => (await shown()).length).toBe(50);
    // The first entry of the page just added holds the focus the button had.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-entry'))).toBe(expected[25]);
    await older.click();
    await expect.poll(async () => (await shown()).length).toBe(expected.length);
    expect(await shown()).toEqual(expected);
    expect(await older.count()).toBe(0);
    await screenshot(page, 'profile-timeline-older');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('logs a call and shows it at the top of the timeline', async () => {
    const account = await someAccount();
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, `/accounts/${account.id}`);
    await page.getByRole('button', { name: 'Log a call' }).click();
    await page.getByRole('button', { name: 'Save call' }).click();
    const subject = page.getByLabel('Subject');
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Say what the call was about.').waitFor();

    await subject.fill('Called about the spring order');
    await page.getByLabel('Outcome').fill('Will order 40 units');
    await page.getByLabel('Notes').fill('Wants delivery before April.');
    await page.getByRole('button', { name: 'Save call' }).click();
    await page.getByText('Call logged.').waitFor();
    const top = page.locator('.timeline-entry').first();
    await expect.poll(() => top.locator('.timeline-title').textContent()).toBe('Call: Called about the spring order');
    expect(await top.textContent()).toContain(server.manager.name);
    await screenshot(page, 'profile-call-logged');

    const logged = await server.store.interactions.list({ accountId: account.id, type: 'call', limit: 200 });
    expect(logged.items.some((i) => i.subject === 'Called about the spring order' && i.outcome === 'Will order 40 units')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds a task and changes the status, both seen on the timeline', async () => {
    const account = await someAccount();
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, `/accounts/${account.id}`);
    await page.getByRole('button', { name: 'Add a task' }).click();
    await page.getByLabel('Task', { exact: true }).fill('Send the new catalogue');
    await page.getByRole('button', { name: 'Save task' }).click();
    await page.getByText('Task added.').waitFor();
    await page.getByText('Task: Send the new catalogue').waitFor();

    await page.getByRole('button', { name: 'Owner or status' }).click();
    await page.getByRole('form', { name: 'Owner and status' }).getByLabel('Status').selectOption('ex_customer');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Status changed to Ex-customer.').waitFor();
    await page.getByText('Status: Customer → Ex-customer').waitFor();
    expect(await page.locator('.profile-header .badge').first().textContent()).toBe('Ex-customer');
    expect((await server.store.accounts.get(account.id))!.status).toBe('ex_customer');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the API\'s validation message beside the field it concerns', async () => {
    const account = await someAccount();
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, `/accounts/${account.id}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Email', { exact: true }).fill('not an address');
    await page.getByRole('button', { name: 'Save details' }).click();
    const email = page.getByLabel('Email', { exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Must be a valid email address.');
    await screenshot(page, 'profile-validation');
    expect((await server.store.accounts.get(account.id))!.email).toBe(account.email);

    await email.fill('orders@example.com');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Details saved.').waitFor();
    expect((await server.store.accounts.get(account.id))!.email).toBe('orders@example.com');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells a rep limited to their portfolio that another rep\'s account is out of reach', async () => {
    await server.store.settings.set(REP_VISIBILITY_KEY, 'own');
    try {
      const [rep, other] = server.reps;
      const foreign = await someAccount({ ownerId: other!.id });
      const own = await someAccount({ ownerId: rep!.id });
      const { page, errors } = await browser.open();
      await signIn(page, server.url, rep!.email, PASSWORD, `/accounts/${foreign.id}`);
      await page.getByRole('heading', { name: 'Account not available' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toBe(`Account ${foreign.id} does not exist or is not visible to you.`);
      expect(await page.getByText(foreign.name).count()).toBe(0);
      await screenshot(page, 'profile-out-of-reach');

      await page.getByRole('link', { name: 'Back to the accounts' }).click();
      await page.locator('[role="row"][data-account-id]').first().waitFor();
      const owners = await page.locator('[role="row"][data-account-id] .cell-owner').allTextContents();
      expect(new Set(owners)).toEqual(new Set([rep!.name]));
      await page.goto(`${server.url}/accounts/${own.id}`);
      await page.getByRole('heading', { level: 1, name: own.name }).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await server.store.settings.set(REP_VISIBILITY_KEY, 'all');
    }
  });
});
