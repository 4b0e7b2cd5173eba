// Every analysis view answers exactly what its documented schema describes: each field the
// schema names, of its type, and no other (the schemas are closed), so the OpenAPI document and
// the web app's types derived from the same schemas say what the API sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { PortfolioSettingsSchema, RulesPreviewSchema } from '../../src/domain/schemas/analysis.js';
import { AccountClassesSchema } from '../../src/domain/schemas/account-classes.js';
import {
  ChurnListSchema, GoalsViewSchema, GrowthListSchema, InactiveListSchema, MatrixSchema, MovementsSchema, OverviewSchema,
  ParetoSchema, RfmGridSchema, SectionsSchema, TeamViewSchema,
} from '../../src/domain/schemas/analysis-views.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

/** Where an answer strays from its schema, as "path: message" lines. */
function strays(schema: TSchema, answer: unknown): string[] {
  const check = Compile(schema);
  return check.Check(answer) ? [] : [...check.Errors(answer)].map((e) => `${e.instancePath}: ${e.message}`);
}

describe.each(ENGINES)('the analysis answers on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
    // The demo ends today, so the run as of today places an account again as soon as it orders.
    const today = new Date().toISOString().slice(0, 10);
    await loadDemoPortfolio({ store: t.store, actor: SYSTEM_ACTOR }, { accounts: 120, seed: 7, endDate: `${today}T00:00:00.000Z` });
    const goals = [
      { metric: 'revenue', target: '250000.00', comparator: 'atLeast', period: { start: `${today.slice(0, 4)}-01-01`, end: `${today.slice(0, 4)}-12-31` } },
      { metric: 'activeAccounts', target: 40, comparator: 'atLeast', period: { start: `${today.slice(0, 4)}-01-01`, end: `${today.slice(0, 4)}-12-31` } },
    ];
    expect((await t.call('PUT', '/api/v1/settings/goals', { body: { goals } })).statusCode).toBe(200);
    const halfAYearAgo = new Date(Date.now() - 182 * 86_400_000).toISOString().slice(0, 10);
    expect((await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: halfAYearAgo, snapshot: true } })).statusCode).toBe(201);
    expect((await t.call('POST', '/api/v1/analysis/runs', { body: {} })).statusCode).toBe(201);
  });
  afterAll(async () => { await t?.close(); });

  const answer = async (method: string, url: string, body?: unknown) => {
    const response = await t.call(method, url, { body });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it.each([
    ['/api/v1/analysis/overview', OverviewSchema],
    ['/api/v1/analysis/abc', ParetoSchema],
    ['/api/v1/analysis/rfm', RfmGridSchema],
    ['/api/v1/analysis/matrix?rows=abc&columns=country', MatrixSchema],
    ['/api/v1/analysis/sections?by=segment&cross=owner', SectionsSchema],
    ['/api/v1/analysis/churn?limit=20', ChurnListSchema],
    ['/api/v1/analysis/inactive?limit=20', InactiveListSchema],
    ['/api/v1/analysis/growth?limit=20', GrowthListSchema],
    ['/api/v1/analysis/team?by=segment', TeamViewSchema],
    ['/api/v1/analysis/goals', GoalsViewSchema],
    ['/api/v1/analysis/movements?dimension=abc', MovementsSchema],
    ['/api/v1/settings/portfolio', PortfolioSettingsSchema],
  ] as const)('GET %s', async (url, schema) => {
    const body = await answer('GET', url);
    expect(strays(schema, body)).toEqual([]);
    // The lists answer something to check: accounts, with their reasons.
    if ('items' in body) expect(body.items.length).toBeGreaterThan(0);
  });

  it('answers a rules change and its preview as documented', async () => {
    expect(strays(RulesPreviewSchema, await answer('POST', '/api/v1/settings/portfolio/preview', { status: { activeWindowDays: 120 } }))).toEqual([]);
    expect(strays(PortfolioSettingsSchema, await answer('PUT', '/api/v1/settings/portfolio', { status: { activeWindowDays: 365 } }))).toEqual([]);
  });

  it('answers an account\'s classes as documented: listed, inactive, growing, and placed again after an order', async () => {
    const [churn, inactive, growth] = await Promise.all(['churn', 'inactive', 'growth'].map((list) => answer('GET', `/api/v1/analysis/${list}?limit=3`)));
    const ids = [churn, inactive, growth].flatMap((list) => list.items.map((item: { accountId: number }) => item.accountId));
    expect(inactive.items[0].detail).toBeDefined();
    expect(growth.items[0].detail).toBeDefined();
    for (const id of ids) expect({ id, strays: strays(AccountClassesSchema, await answer('GET', `/api/v1/accounts/${id}/classes`)) }).toEqual({ id, strays: [] });

    const placed = inactive.items[0].accountId;
    const order = await t.call('POST', '/api/v1/orders', { body: { accountId: placed, number: 'PLACED-1', orderedAt: new Date().toISOString(), lines: [{ quantity: 1, unitPrice: '1200.00' }] } });
    expect(order.statusCode, order.body).toBe(201);
    const classes = await answer('GET', `/api/v1/accounts/${placed}/classes`);
    expect(classes.rfm.scores).toBeDefined();
    expect(strays(AccountClassesSchema, classes)).toEqual([]);
  });
});
