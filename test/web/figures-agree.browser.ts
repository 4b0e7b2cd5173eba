// The figures shown in more than one place read one number through the API, the CLI and the
// web app (docs/figures.md). A small demo portfolio is loaded, analysed and exported with the
// real `clientele` command, as a user would; then the server opens the same data directory for
// the API and the browser. Where the raw export allows it, the number is also computed from it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORTFOLIO_SETTINGS } from '../../src/domain/portfolio/settings.js';
import { buildApp, type App } from '../../src/api/app.js';
import { WEB_DIST } from '../../src/api/web-app.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { launchBrowser, signIn, type Browser } from '../support/browser.js';
import { cliEnv, runCli } from '../support/cli.js';

const AS_OF = '2026-01-01';
const PASSWORD = 'a long enough password';
const PURCHASE_STATUSES = new Set(['confirmed', 'shipped', 'invoiced']);

let root: string;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let store: Store | undefined;
let app: App | undefined;
let url: string;
let browser: Browser;
let manager: string;
/** What `clientele analyze` and `clientele duplicates` printed for people. */
const printed = { analyze: '', duplicates: '' };
/** The demo's raw records, as `clientele export` writes them. */
let orders: Record<string, string>[];
let accounts: Record<string, string>[];

async function cli(...args: string[]): Promise<string> {
  const result = await runCli(args, env);
  expect(result.code, `clientele ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function exported(target: string): Promise<Record<string, string>[]> {
  const file = join(root, `${target}.csv`);
  await cli('export', target, file);
  return parse(await readFile(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
}

/** Each account's purchase days (confirmed, shipped or invoiced orders, one per UTC day) through the as-of day, sorted. */
function purchaseDays(): Map<string, string[]> {
  const days = new Map<string, Set<string>>();
  for (const order of orders) {
    const day = order.orderedAt!.slice(0, 10);
    if (!PURCHASE_STATUSES.has(order.status!) || day > AS_OF) continue;
    const set = days.get(order.accountExternalId!) ?? new Set<string>();
    days.set(order.accountExternalId!, set.add(day));
  }
  return new Map([...days].map(([id, set]) => [id, [...set].sort()]));
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

function gapsOf(days: string[]): number[] {
  return days.slice(1).map((day, i) => dayNumber(day) - dayNumber(days[i]!));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function api<T>(path: string): Promise<T> {
  const cookie = await session();
  const response = await app!.inject({ method: 'GET', url: `/api/v1${path}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

let cookie: string | undefined;
async function session(): Promise<string> {
  if (cookie) return cookie;
  const response = await app!.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: manager, password: PASSWORD } });
  expect(response.statusCode, response.body).toBe(200);
  const set = response.headers['set-cookie'];
  cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
  return cookie;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'clientele-figures-'));
  dataDir = join(root, 'data');
  env = cliEnv(dataDir);
  const demo = await cli('demo', '--seed', '11', '--accounts', '150', '--years', '3', '--end-date', AS_OF, '--password', PASSWORD);
  manager = demo.match(/Demo team: manager (\S+);/)![1]!;
  printed.analyze = await cli('analyze', '--as-of', AS_OF);
  printed.duplicates = await cli('duplicates');
  [orders, accounts] = [await exported('orders'), await exported('accounts')];
  browser = await launchBrowser();
}, 240_000);

/** Opens the server on the data directory the CLI used (after the CLI is done with it). */
async function openServer() {
  if (app) return;
  store = await openStore({ dataDir }, 'figures test server');
  app = await buildApp({ store, logger: false, webRoot: WEB_DIST });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function closeServer() {
  await app?.close();
  await store?.connection.close();
  app = undefined;
  store = undefined;
  cookie = undefined;
}

afterAll(async () => {
  await browser?.close();
  await closeServer();
  if (root) await rm(root, { recursive: true, force: true });
});

/** "57 shown" once every page of the list is loaded; scrolls the table to its end until then. */
async function listedCount(page: Page): Promise<number> {
  const shown = page.locator('.page-title .muted');
  await expect.poll(() => shown.textContent(), { timeout: 20_000 }).toMatch(/shown$/);
  for (let i = 0; i < 50 && (await shown.textContent())!.includes('+'); i++) {
    await page.locator('.table-scroller').evaluate((el) => el.scrollBy(0, 5000));
    await page.waitForTimeout(100);
  }
  const text = (await shown.textContent())!;
  expect(text).toMatch(/^\d[\d,]* shown$/);
  return Number(text.replace(/[^\d]/g, ''));
}

describe('figures that agree', () => {
  it('counts the same accounts buying now in the CLI, the API, the dashboard and the account list it opens', async () => {
    // Independently, from the export: accounts that are not ex-customers and bought within the active window.
    const windowStart = new Date(Date.parse(`${AS_OF}T00:00:00Z`) - DEFAULT_PORTFOLIO_SETTINGS.status.activeWindowDays * 86_400_000).toISOString().slice(0, 10);
    const exCustomers = new Set(accounts.filter((a) => a.status === 'ex_customer').map((a) => a.externalId));
    const days = purchaseDays();
    const expected = [...days].filter(([id, list]) => !exCustomers.has(id) && list.some((day) => day > windowStart)).length;
    expect(expected).toBeGreaterThan(0);

    const cliCount = Number(printed.analyze.match(/^\s+Accounts buying now\s+(\d+)$/m)?.[1]);
    expect(cliCount).toBe(expected);

    await openServer();
    const overview = await api<{ buyingNow: { accounts: number } }>('/analysis/overview');
    expect(overview.buyingNow.accounts).toBe(expected);

    const { page, errors } = await browser.open();
    await signIn(page, url, manager, PASSWORD, '/');
    const figure = page.getByRole('link', { name: /Accounts buying now$/ });
    expect(await figure.textContent()).toBe(`${expected}Accounts buying now`);
    await figure.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('buying_now');
    expect(await listedCount(page)).toBe(expected);
    // The filter the link set reads as a person would choose it.
    expect(await page.getByRole('group', { name: 'Filters' }).getByLabel('Status').locator('option:checked').textContent()).toBe('Buying now (current or active)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives an account the same median time between purchases on its profile, in its frequency rule, in the API and in the CLI', async () => {
    // The account whose mean gap lies furthest from its median, so a mean shown anywhere would not pass.
    const [externalId, days, meanOffMedian] = [...purchaseDays()].filter(([, list]) => list.length >= 3)
      .map(([id, list]) => [id, list, Math.abs(gapsOf(list).reduce((n, g) => n + g, 0) / (list.length - 1) - median(gapsOf(list)))] as const)
      .sort((x, y) => y[2] - x[2])[0]!;
    expect(meanOffMedian).toBeGreaterThan(1);
    const expected = median(gapsOf(days));
    const words = `${expected.toLocaleString('en-GB', { maximumFractionDigits: 1 })} days`;
    await closeServer();
    const listed = JSON.parse(await cli('account', 'list', '--q', externalId, '--format', 'json')) as { items: { id: number; externalId: string }[] };
    const id = listed.items.find((a) => a.externalId === externalId)!.id;
    const shown = await cli('account', 'show', String(id));
    expect(shown).toMatch(new RegExp(`^\\s+Time between purchases \\(median\\)\\s+${escape(words)}$`, 'm'));
    expect(shown).toContain(`Buys every ${words} (median time between purchases, over ${days.length - 1} gaps)`);

    await openServer();
    const classes = await api<{ summary: { medianGapDays: number }; frequency: { rule: string } }>(`/accounts/${id}/classes`);
    expect(classes.summary.medianGapDays).toBe(expected);
    expect(classes.frequency.rule).toContain(`Buys every ${words} (median time between purchases`);

    const { page, errors } = await browser.open();
    await signIn(page, url, manager, PASSWORD, `/accounts/${id}`);
    const figure = page.locator('.figures > div').filter({ has: page.getByText('Time between purchases (median)', { exact: true }) });
    expect(await figure.locator('dd').textContent()).toBe(words);
    await expect.poll(() => page.locator('.class-rule').allTextContents()).toContainEqual(expect.stringContaining(`Buys every ${words} (median time between purchases`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts the same likely duplicate pairs of accounts in the CLI, the API and the duplicates page', async () => {
    const cliCount = Number(printed.duplicates.match(/^(\d+) likely duplicate pairs? of accounts/)?.[1]);
    expect(cliCount).toBeGreaterThan(0);
    await openServer();
    const listed = await api<{ items: { kind: string }[]; pairs: { account?: number; contact?: number } }>('/duplicates?kind=account&limit=500');
    expect(listed.pairs).toEqual({ account: listed.items.length });
    expect(listed.pairs.account).toBe(cliCount);
    // Contacts are counted apart, never added to the accounts' pairs.
    const both = await api<{ pairs: { account?: number; contact?: number } }>('/duplicates');
    expect(both.pairs.account).toBe(cliCount);
    expect(printed.duplicates).toMatch(new RegExp(`^${cliCount} likely duplicate pairs? of accounts, ${both.pairs.contact} likely duplicate pairs? of contacts \\(scoring 60 or more\\)\\.$`, 'm'));

    const { page, errors } = await browser.open();
    await signIn(page, url, manager, PASSWORD, '/duplicates');
    await expect.poll(() => page.getByText(/likely duplicate pairs? of accounts/).textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^${cliCount} likely duplicate pairs? of accounts \\(scoring 60 or more\\)`));
    expect(errors).toEqual([]);
    await page.close();
  });
});
