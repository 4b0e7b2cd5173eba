// One money convention across the API: a portfolio imported from CSV files as a user would,
// analysed as of its own last day, then read through the API. Every amount is a decimal string
// with the currency named beside it, and equals the sum worked out here from the files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runImport } from '../../src/services/import/run-import.js';
import { seededRandom } from '../../src/analytics/portfolio/testing/facts.js';
import { expectError } from '../support/expect-error.js';
import { tempFolder } from '../support/temp-files.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// The files end today, so the accounts the import creates today exist on the files' last day.
const today = dayOf(Date.now());
const daysAgo = (n: number) => dayOf(Date.parse(`${today}T00:00:00Z`) - n * DAY_MS);
/** Cents as the API writes them, worked out independently of the application's own helpers. */
const decimal = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

interface FileOrder { customer: string; day: string; cents: number }
interface FileAccount { id: string; owner: string | null; size: string }

/** A portfolio of 30 accounts held by two reps or nobody, with two years of orders ending today. */
function portfolioFiles() {
  const random = seededRandom(15);
  const owners = ['rep@example.com', 'other.rep@example.com', null];
  const sizes = ['small', 'mid_market', 'enterprise'];
  const accounts: FileAccount[] = Array.from({ length: 30 }, (_, i) => ({ id: `M${100 + i}`, owner: owners[i % 3]!, size: sizes[Math.floor(random() * 3)]! }));
  const orders: FileOrder[] = [];
  for (const account of accounts) {
    const count = Math.floor(random() * 9);
    for (let k = 0; k < count; k++) orders.push({ customer: account.id, day: daysAgo(Math.floor(random() * 700)), cents: 1000 + Math.floor(random() * 500_000) });
  }
  orders.push({ customer: accounts[0]!.id, day: today, cents: 12_345 });
  return {
    accounts,
    orders,
    accountsCsv: `Customer id,Company,Size,Owner\n${accounts.map((a) => `${a.id},Company ${a.id},${a.size},${a.owner ?? ''}`).join('\n')}\n`,
    ordersCsv: `Order number,Customer id,Order date,Amount\n${orders.map((o, i) => `SO-${i + 1},${o.customer},${o.day},${decimal(o.cents)}`).join('\n')}\n`,
  };
}

const MONEY_KEY = /(revenue|ticket|clv|amount|price|total|spent|median|shortfall|potential|benchmark|stake|mean|from|target|actual|value|perAccount)$/i;
// Under these keys the numbers are shares, scores, counts or model parameters, never amounts.
const NOT_MONEY = /^(retentionRate|conversionRate|scoreParts|points|thresholds|topShare|params|standardErrors|bgnbd|frequencyMonetary|evidence|settings)$/;

/** Every number found under a key that names an amount, with where it was found. */
function numbersNamedLikeMoney(value: unknown, path = '', key = ''): string[] {
  // The overview's churn signals are counts per kind, the lists' signals carry figures; a list's total counts its items.
  if (NOT_MONEY.test(key) || (key === 'signals' && !Array.isArray(value)) || path === '.total') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersNamedLikeMoney(v, `${path}[${i}]`, key));
  if (value && typeof value === 'object') {
    // A goal's actual and target are amounts for money metrics only; counts and rates stay numbers.
    const record = value as Record<string, unknown>;
    if ('metric' in record && !['revenue', 'averageTicket'].includes(String(record.metric))) return [];
    if ('goal' in record && !['revenue', 'averageTicket'].includes(String((record.goal as { metric: string }).metric))) {
      return numbersNamedLikeMoney(record.goal, `${path}.goal`, 'goal');
    }
    return Object.entries(record).flatMap(([k, v]) => numbersNamedLikeMoney(v, `${path}.${k}`, k));
  }
  return typeof value === 'number' && MONEY_KEY.test(key) && !/(share|rate|count|days|accounts|score|multiple|ratio)$/i.test(key) ? [`${path} = ${value}`] : [];
}

describe.each(ENGINES)('amounts through the API on %s', (engine) => {
  let t: TestApp;
  let files: ReturnType<typeof portfolioFiles>;
  const idOf = new Map<string, number>();
  const get = async (url: string, as = t.admin) => {
    const response = await t.call('GET', url, { as });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };
  const ordersOf = (accountIds: readonly string[], from = '0000-00-00', to = today) =>
    files.orders.filter((o) => accountIds.includes(o.customer) && o.day >= from && o.day <= to);
  const sum = (orders: readonly FileOrder[]) => orders.reduce((n, o) => n + o.cents, 0);
  const heldBy = (owner: string | null) => files.accounts.filter((a) => a.owner === owner).map((a) => a.id);

  beforeAll(async () => {
    t = await openTestApp(engine);
    files = portfolioFiles();
    const folder = await tempFolder('money');
    await runImport(t.store, { target: 'accounts', path: await folder.write('accounts.csv', files.accountsCsv), actor: SYSTEM_ACTOR });
    const report = await runImport(t.store, { target: 'orders', path: await folder.write('orders.csv', files.ordersCsv), actor: SYSTEM_ACTOR });
    expect(report).toMatchObject({ status: 'committed', inserted: files.orders.length });
    await folder.remove();
    for (const account of (await get('/api/v1/accounts?q=Company&limit=100')).items) idOf.set(account.externalId, account.id);
    expect(idOf.size).toBe(files.accounts.length);
    // Rank and credit lifetime revenue, so every figure is a plain sum of the files' orders.
    expect((await t.call('PUT', '/api/v1/settings/portfolio', { body: { revenuePeriod: 'lifetime' } })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: today } })).statusCode).toBe(201);
  });
  afterAll(async () => { await t?.close(); });

  it('gives an account\'s revenue and average ticket as decimal strings in the organisation\'s currency', async () => {
    for (const account of files.accounts.slice(0, 6)) {
      const classes = await get(`/api/v1/accounts/${idOf.get(account.id)}/classes`);
      const own = ordersOf([account.id]);
      expect(classes.currency).toBe('EUR');
      expect(classes.summary.revenue).toBe(decimal(sum(own)));
      expect(classes.summary.averageTicket).toBe(own.length ? decimal(Math.round(sum(own) / own.length)) : null);
      expect(classes.abc.figures.revenue).toBe(decimal(sum(own)));
      if (own.length) expect(classes.rfm.figures.revenue).toBe(decimal(sum(own)));
    }
    const listed = (await get('/api/v1/accounts?q=Company&limit=100')).items.find((a: { externalId: string }) => a.externalId === files.accounts[0]!.id);
    expect(listed).toMatchObject({ currency: 'EUR', classes: { revenue: decimal(sum(ordersOf([files.accounts[0]!.id]))) } });
  });

  it('gives the team\'s revenue per rep as decimal strings that add up to the files\' orders of each rep\'s accounts', async () => {
    const team = await get('/api/v1/analysis/team?by=size');
    expect(team.currency).toBe('EUR');
    for (const [email, user] of [['rep@example.com', t.rep], ['other.rep@example.com', t.otherRep], [null, null]] as const) {
      const row = team.byRep.find((r: { ownerId: number | null }) => r.ownerId === (user?.id ?? null));
      const held = heldBy(email);
      expect(row).toMatchObject({ accounts: held.length, revenue: decimal(sum(ordersOf(held))), revenuePerAccount: decimal(Math.round(sum(ordersOf(held)) / held.length)) });
    }
    const overview = await get('/api/v1/analysis/overview');
    expect(overview).toMatchObject({ currency: 'EUR', revenue: decimal(sum(files.orders)) });
  });

  it('keeps a goal target of 2500 as "2500.00" and refuses a money target given as a number', async () => {
    const period = { start: daysAgo(300), end: daysAgo(30) };
    const goal = { metric: 'revenue', target: '2500', comparator: 'atLeast', period };
    const saved = await t.call('PUT', '/api/v1/settings/goals', { body: { goals: [goal] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ currency: 'EUR', goals: [{ ...goal, target: '2500.00', ownerId: null }] });
    expect((await get('/api/v1/settings/goals')).goals[0].target).toBe('2500.00');
    expectError(await t.call('PUT', '/api/v1/settings/goals', { body: { goals: [{ ...goal, target: 2500 }] } }), { status: 422, code: 'invalid', field: 'goals.0.target' });
    expectError(await t.call('PUT', '/api/v1/settings/goals', { body: { goals: [{ ...goal, metric: 'activeAccounts' }] } }), { status: 422, code: 'invalid', field: 'goals.0.target' });
    expectError(await t.call('PUT', '/api/v1/settings/goals', { body: { goals: [{ ...goal, target: '25.001' }] } }), { status: 400, code: 'bad_request', field: 'goals.0.target', message: /two decimals/ });
    expect((await get('/api/v1/settings/goals')).goals[0].target).toBe('2500.00');
  });

  it('measures a rep\'s goal on that rep\'s accounts alone, and shows a rep limited to their accounts only their goals', async () => {
    const period = { start: daysAgo(300), end: daysAgo(30) };
    const goals = [
      { metric: 'revenue', target: '2500.00', comparator: 'atLeast', period, ownerId: t.rep.id },
      { metric: 'revenue', target: '2500.00', comparator: 'atLeast', period },
      { metric: 'newCustomers', target: 3, comparator: 'atLeast', period, ownerId: t.otherRep.id },
    ];
    expect((await t.call('PUT', '/api/v1/settings/goals', { body: { goals } })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: today } })).statusCode).toBe(201);
    const view = await get('/api/v1/analysis/goals');
    expect(view.currency).toBe('EUR');
    const [repGoal, portfolioGoal, newCustomers] = view.current;
    const repRevenue = sum(ordersOf(heldBy('rep@example.com'), period.start, period.end));
    expect(repGoal).toMatchObject({ goal: { ownerId: t.rep.id, target: '2500.00' }, measuredOn: period.end, actual: decimal(repRevenue), met: repRevenue >= 250_000 });
    expect(portfolioGoal).toMatchObject({ goal: { ownerId: null }, actual: decimal(sum(ordersOf(files.accounts.map((a) => a.id), period.start, period.end))) });
    expect(repRevenue).toBeLessThan(sum(ordersOf(files.accounts.map((a) => a.id), period.start, period.end)));
    // New customers: the other rep's accounts whose first order in the files falls in the period.
    const firsts = heldBy('other.rep@example.com').map((id) => ordersOf([id]).map((o) => o.day).sort()[0]).filter((d) => d !== undefined && d >= period.start && d <= period.end);
    expect(newCustomers).toMatchObject({ goal: { target: 3, ownerId: t.otherRep.id }, actual: firsts.length });

    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    const mine = await get('/api/v1/analysis/goals', t.rep);
    expect(mine.current.map((g: { goal: { ownerId: number } }) => g.goal.ownerId)).toEqual([t.rep.id]);
    expectError(await t.call('PUT', '/api/v1/settings/goals', { body: { goals: [{ ...goals[0], ownerId: 999_999 }] } }), { status: 422, code: 'invalid', field: 'goals.0.ownerId' });
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } })).statusCode).toBe(200);
  });

  it('gives no amount as a number anywhere in the analysis, lifetime value, up-sell or record answers', async () => {
    const account = idOf.get(files.accounts[0]!.id);
    const inactive = (await get('/api/v1/analysis/inactive?limit=1')).items[0]?.accountId;
    const urls = [
      '/api/v1/analysis/overview', '/api/v1/analysis/abc', '/api/v1/analysis/rfm', '/api/v1/analysis/matrix?rows=abc&columns=status',
      '/api/v1/analysis/sections?by=owner', '/api/v1/analysis/churn', '/api/v1/analysis/inactive', '/api/v1/analysis/growth',
      '/api/v1/analysis/team?by=segment', '/api/v1/analysis/goals', `/api/v1/accounts/${account}/classes`, `/api/v1/accounts/${inactive ?? account}/classes`,
      `/api/v1/analysis/clv?asOf=${today}`, `/api/v1/accounts/${account}/clv?asOf=${today}`, '/api/v1/analysis/upsell', `/api/v1/accounts/${account}/upsell`,
      '/api/v1/accounts?limit=5', '/api/v1/orders?limit=5', '/api/v1/settings/goals',
    ];
    for (const url of urls) {
      const body = await get(url);
      expect({ url, numbers: numbersNamedLikeMoney(body) }).toEqual({ url, numbers: [] });
      const currency = Array.isArray(body.items) && url.match(/\/(accounts|orders)\?/) ? body.items[0]?.currency : body.currency;
      expect({ url, currency }).toEqual({ url, currency: 'EUR' });
    }
  });

  it('names the currency an admin sets on every answer, and refuses a code that is not ISO 4217', async () => {
    expectError(await t.call('PUT', '/api/v1/settings/currency', { body: { currency: 'EURO' } }), { status: 400, code: 'bad_request', field: 'currency' });
    expectError(await t.call('PUT', '/api/v1/settings/currency', { body: { currency: 'XYZ' } }), { status: 400, code: 'bad_request', field: 'currency' });
    expectError(await t.call('PUT', '/api/v1/settings/currency', { as: t.manager, body: { currency: 'CHF' } }), { status: 403, code: 'forbidden' });
    expect((await get('/api/v1/settings/currency')).currency).toBe('EUR');
    expect((await t.call('PUT', '/api/v1/settings/currency', { body: { currency: 'CHF' } })).json()).toEqual({ currency: 'CHF' });
    expect((await get('/api/v1/analysis/overview')).currency).toBe('CHF');
    expect((await get('/api/v1/orders?limit=1')).items[0].currency).toBe('CHF');
    expect((await get(`/api/v1/accounts/${idOf.get(files.accounts[0]!.id)}/classes`)).currency).toBe('CHF');
    const audit = (await get('/api/v1/audit?entity=setting')).items;
    expect(audit.some((e: { entityId: string; changes: unknown }) => e.entityId === 'currency')).toBe(true);
    await t.call('PUT', '/api/v1/settings/currency', { body: { currency: 'EUR' } });
  });
});
