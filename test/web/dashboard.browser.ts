import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REP_VISIBILITY_KEY } from '../../src/services/context.js';
import { launchBrowser, screenshot, signIn, type Browser } from '../support/browser.js';
import { openWebServer, PASSWORD, type WebServer } from '../support/web-server.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  // A 90-day active window makes some class A accounts (ranked on a year of revenue) inactive.
  [server, browser] = await Promise.all([openWebServer({ analyse: true, rules: { status: { activeWindowDays: 90 } } }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rows = '[role="row"][data-account-id]';
const chartIn = (page: Page, title: string) => page.getByRole('region', { name: title }).locator('.chart');

async function chartsDrawn(page: Page) {
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await expect.poll(() => page.locator('.chart[data-drawn="true"]').count(), { timeout: 20_000 }).toBe(6);
}

/** Clicks a chart at a point given in shares of its plot area (the grid inside the margins). */
async function clickPlot(page: Page, title: string, grid: { left: number; right: number; top: number; bottom: number }, x: number, y: number) {
  await chartIn(page, title).scrollIntoViewIfNeeded();
  const box = (await chartIn(page, title).boundingBox())!;
  await page.mouse.click(box.x + grid.left + x * (box.width - grid.left - grid.right), box.y + grid.top + y * (box.height - grid.top - grid.bottom));
}

describe('the dashboard', () => {
  it('draws every chart from the analysis, without loading the charting code before it is needed', async () => {
    const { page, errors } = await browser.open();
    const scripts: string[] = [];
    page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(request.url()); });
    await signIn(page, server.url, server.manager.email, PASSWORD, '/accounts');
    await page.locator(rows).first().waitFor();
    expect(scripts.some((url) => url.includes('dashboard-page'))).toBe(false);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await chartsDrawn(page);
    expect(scripts.some((url) => url.includes('dashboard-page'))).toBe(true);
    const overview = await (await fetch(`${server.url}/api/v1/analysis/overview`, { headers: { cookie: await cookieOf(page) } })).json() as { accounts: number };
    expect(await page.locator('.headline li').first().textContent()).toContain(String(overview.accounts));
    await page.getByRole('region', { name: /Pre-churn/ }).locator('tbody tr').first().waitFor();
    await page.setViewportSize({ width: 1280, height: 2200 });
    await page.waitForTimeout(300);
    await screenshot(page, 'dashboard');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the class A accounts when the A zone of the Pareto chart is clicked', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/');
    await chartsDrawn(page);
    await clickPlot(page, 'Pareto: who makes the revenue', { left: 56, right: 24, top: 24, bottom: 44 }, 0.05, 0.5);
    await expect.poll(() => page.url()).toBe(`${server.url}/accounts?abc=A&sort=-revenue`);
    await page.locator(rows).first().waitFor();
    const classes = await page.locator(`${rows} .cell-abc`).allTextContents();
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes)).toEqual(new Set(['A']));
    await screenshot(page, 'dashboard-pareto-to-list');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the accounts of a tier and frequency from their cell', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/');
    await chartsDrawn(page);
    // Rows from the top: very high, high, average, low; columns: one-time, occasional, regular, frequent.
    await clickPlot(page, 'Volume tier × purchase frequency', { left: 84, right: 16, top: 16, bottom: 72 }, 0.875, 0.125);
    await expect.poll(() => page.url()).toBe(`${server.url}/accounts?tier=very_high&frequency=frequent&sort=-revenue`);
    await page.locator(rows).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the accounts of a movement flow when it is clicked, asking the server for that flow alone', async () => {
    const { page, errors } = await browser.open();
    const asked: string[] = [];
    page.on('request', (request) => { if (request.url().includes('/analysis/movements')) asked.push(request.url()); });
    await signIn(page, server.url, server.manager.email, PASSWORD, '/');
    await chartsDrawn(page);
    const region = page.getByRole('region', { name: 'Movements between classes' });
    const heading = region.getByRole('heading', { name: /^From .+ to .+$/ });
    // Flows run across the middle of the chart; which one lies under a point depends on the data.
    for (let y = 0.05; y < 1 && (await heading.count()) === 0; y += 0.05) {
      await clickPlot(page, 'Movements between classes', { left: 8, right: 8, top: 8, bottom: 8 }, 0.5, y);
    }
    await heading.waitFor();
    await region.locator('.moved-list li a').first().waitFor();
    expect(asked[0]).toContain('limit=0');
    expect(asked.some((url) => url.includes('fromClass=') && url.includes('toClass='))).toBe(true);
    await screenshot(page, 'dashboard-movement-flow');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the list to class A accounts that are inactive, and opens one with its classes and reasons', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.manager.email, PASSWORD, '/accounts');
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByLabel('ABC class').selectOption('A');
    await filters.getByLabel('Status').selectOption('inactive');
    await expect.poll(() => page.url()).toContain('status=inactive');
    await page.locator(rows).first().waitFor();
    const activity = await page.locator(`${rows} .cell-activity`).allTextContents();
    expect(new Set(activity)).toEqual(new Set(['Inactive']));
    expect(new Set(await page.locator(`${rows} .cell-abc`).allTextContents())).toEqual(new Set(['A']));
    await screenshot(page, 'accounts-a-inactive');

    const first = page.locator(`${rows} .cell-name a`).first();
    const name = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const classes = page.locator('.class-list');
    await classes.waitFor();
    expect(await classes.textContent()).toContain('Inactive');
    expect(await page.locator('.figures').first().textContent()).toContain('Revenue, last 12 months');
    await page.locator('.clv-figures').waitFor({ timeout: 30_000 });
    expect(await page.locator('.clv-figures').textContent()).toMatch(/Probability still buying\d+ %/);
    await screenshot(page, 'profile-classes');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a rep limited to their portfolio only their own accounts in the figures', async () => {
    await server.store.settings.set(REP_VISIBILITY_KEY, 'own');
    try {
      const rep = server.reps[0]!;
      const own = (await server.store.accounts.list({ ownerId: rep.id, limit: 500 })).items.length;
      const { page, errors } = await browser.open();
      await signIn(page, server.url, rep.email, PASSWORD, '/');
      await page.locator('.headline li').first().waitFor();
      expect(await page.locator('.headline li').first().textContent()).toBe(`${own}Accounts`);
      expect(await page.getByRole('button', { name: 'Analyse the portfolio now' }).count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await server.store.settings.set(REP_VISIBILITY_KEY, 'all');
    }
  });
  it('lets an admin preview how many accounts a rule change moves, then save it', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.admin.email, PASSWORD, '/settings');
    const rules = page.getByRole('region', { name: 'Classification rules' });
    await rules.getByLabel('A: up to this share of revenue').fill('0.5');
    await rules.getByRole('button', { name: 'Preview the effect' }).click();
    const preview = rules.locator('.rules-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/ABC class: \d+ accounts move \(\d+ A → B/);
    await rules.getByLabel('A: up to this share of revenue').fill('two');
    await rules.getByRole('button', { name: 'Preview the effect' }).click();
    await rules.getByText('Must be a number.').waitFor();
    await rules.getByLabel('A: up to this share of revenue').fill('0.5');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByText('Rules saved. They apply from the next analysis.').waitFor();
    const saved = await (await fetch(`${server.url}/api/v1/settings/portfolio`, { headers: { cookie: await cookieOf(page) } })).json() as { abc: { aMaxShare: number }; status: { activeWindowDays: number } };
    expect(saved.abc.aMaxShare).toBe(0.5);
    expect(saved.status.activeWindowDays).toBe(90);
    await screenshot(page, 'settings-rules-preview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a goal an admin set, with its progress, once the portfolio is analysed again', async () => {
    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.admin.email, PASSWORD, '/settings');
    const goals = page.getByRole('region', { name: 'Goals' });
    await goals.getByRole('button', { name: 'Add a goal' }).click();
    await goals.getByLabel('Metric').selectOption('activeAccounts');
    await goals.getByLabel('Target').fill('40');
    // A revenue goal for one rep: its target is typed in the currency unit.
    await goals.getByRole('button', { name: 'Add a goal' }).click();
    await goals.getByLabel('Target (EUR)').fill('2500');
    await goals.getByLabel('Accounts of').nth(1).selectOption({ label: server.reps[0]!.name });
    await goals.getByRole('button', { name: 'Save goals' }).click();
    await goals.getByText('Goals saved.').waitFor();
    const saved = await (await fetch(`${server.url}/api/v1/settings/goals`, { headers: { cookie: await cookieOf(page) } })).json() as { goals: { target: unknown; ownerId: number | null }[] };
    expect(saved.goals.map((g) => [g.target, g.ownerId])).toEqual([[40, null], ['2500.00', server.reps[0]!.id]]);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'Analyse the portfolio now' }).click();
    const panel = page.getByRole('region', { name: 'Goals' });
    await panel.locator('.goal').nth(1).waitFor({ timeout: 30_000 });
    expect(await panel.locator('.goal-title').first().textContent()).toMatch(/Active accounts/i);
    expect(await panel.locator('.goal-title').nth(1).textContent()).toMatch(new RegExp(`^Revenue \\(${server.reps[0]!.name}\\): €[\\d,]+\\.\\d\\d against at least €2,500\\.00$`));
    expect(errors).toEqual([]);
    await page.close();
  });
});

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}
