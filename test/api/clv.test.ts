import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdoutReport } from '../../src/analytics/clv/holdout-report.js';
import { predictAccount, predictPortfolio } from '../../src/analytics/clv/predict-portfolio.js';
import { dayNumber } from '../../src/analytics/portfolio/calendar.js';
import type { PurchaseHistory } from '../../src/domain/portfolio/facts.js';
import { formatMoney } from '../../src/domain/money.js';
import { accountPredictionView } from '../../src/services/clv/clv-views.js';
import { seedPurchases } from '../support/clv-portfolio.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { ENGINES } from '../support/test-store.js';

const AS_OF = '2024-09-30';
const settings = { asOf: AS_OF, unit: 'weeks' as const, horizonMonths: 12, discountRatePerYear: 0.1 };

const AS_OF_DAY = dayNumber(AS_OF);

describe.each(ENGINES)('lifetime value API on %s', (engine) => {
  let t: TestApp;
  let ids: number[];
  let histories: PurchaseHistory[];
  /** The histories the first fit read. */
  let fitted: PurchaseHistory[];
  const firstDay = (accountId: number) => dayNumber(histories.find((h) => h.accountId === accountId)!.days[0]!.day);
  beforeAll(async () => {
    t = await openTestApp(engine);
    // Accounts owned in turn by the rep, the other rep and the manager.
    ids = await seedPurchases(t.store, { accounts: 60, owners: [t.rep.id, t.otherRep.id, t.manager.id] });
    histories = await t.store.purchaseHistories.list();
    fitted = histories;
  });
  afterAll(async () => { await t?.close(); });

  it('answers with the fitted model and the portfolio totals the models give on the stored histories', async () => {
    const response = await t.call('GET', `/api/v1/analysis/clv?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const direct = predictPortfolio({ histories, ...settings });
    expect(body.settings).toEqual({ asOf: AS_OF, unit: 'week', horizonMonths: 12, discountRate: 0.1 });
    expect(body.model).toMatchObject({ asOf: AS_OF, unit: 'week', customers: direct.model.customers, repeatCustomers: direct.model.repeatCustomers });
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(body.model.bgnbd.params[key]).toBeCloseTo(direct.model.bgnbd.params[key], 10);
    for (const key of ['p', 'q'] as const) expect(body.model.gammaGamma.params[key]).toBeCloseTo(direct.model.gammaGamma.params[key], 8);
    // The spend model fits on cents; the API gives its scale in the currency unit and its mean purchase value as an amount.
    expect(body.model.gammaGamma.params.gamma).toBeCloseTo(direct.model.gammaGamma.params.gamma / 100, 8);
    expect(body.model.gammaGamma.populationMeanValue).toBe(formatMoney(Math.round(direct.model.gammaGamma.populationMeanValue)));
    expect(body.currency).toBe('EUR');
    expect(body.model.frequencyMonetary.customers).toBe(direct.model.frequencyMonetary.customers);
    expect(body.portfolio).toEqual({
      customers: direct.portfolio.customers,
      expectedPurchases: direct.portfolio.expectedPurchases,
      expectedAliveCustomers: direct.portfolio.expectedAliveCustomers,
      totalClv: formatMoney(direct.portfolio.totalClv),
    });
  });

  it('reuses the fit for another horizon, and for a new order within the minute while the account itself shows it', async () => {
    const first = (await t.call('GET', `/api/v1/analysis/clv?asOf=${AS_OF}`)).json();
    const longer = await t.call('GET', `/api/v1/analysis/clv?asOf=${AS_OF}&horizonMonths=36&discountRate=0`);
    expect(longer.statusCode).toBe(200);
    expect(longer.json().fittedAt).toBe(first.fittedAt);
    const direct = predictPortfolio({ histories, ...settings, horizonMonths: 36, discountRatePerYear: 0 });
    expect(longer.json().portfolio.expectedPurchases).toBeCloseTo(direct.portfolio.expectedPurchases, 8);
    expect(longer.json().portfolio.totalClv).toBe(formatMoney(direct.portfolio.totalClv));

    const before = (await t.call('GET', `/api/v1/accounts/${ids[0]}/clv?asOf=${AS_OF}`)).json();
    await t.store.orders.insert({ accountId: ids[0]!, number: 'LATE-1', orderedAt: new Date('2024-09-29T12:00:00Z'), channel: 'web', status: 'invoiced', totalCents: 5000, itemCount: 1 });
    const after = (await t.call('GET', `/api/v1/accounts/${ids[0]}/clv?asOf=${AS_OF}`)).json();
    expect(after.fittedAt).toBe(first.fittedAt);
    expect(after.prediction.x).toBe(before.prediction.x + 1);
    expect(after.prediction.tx).toBeCloseTo((AS_OF_DAY - 1 - firstDay(ids[0]!)) / 7, 10);
    histories = await t.store.purchaseHistories.list();
  });

  it("gives an account's outlook from the cached fit and its own purchases", async () => {
    // The cached fit is the one made before the late order of the previous case.
    const { model } = predictPortfolio({ histories: fitted, ...settings });
    const history = histories.find((h) => h.days.length > 2)!;
    const response = await t.call('GET', `/api/v1/accounts/${history.accountId}/clv?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ accountId: history.accountId, settings: { asOf: AS_OF, unit: 'week' }, reason: null });
    const expected = accountPredictionView(predictAccount(model, history, settings)!);
    expect(body.prediction).toMatchObject({ x: expected.x, expectedNextPurchaseOn: expected.expectedNextPurchaseOn, expectedAverageValue: expected.expectedAverageValue, clv: expected.clv });
    expect(body.prediction.pAlive).toBeCloseTo(expected.pAlive, 10);
    expect(body.prediction.expectedPurchases).toBeCloseTo(expected.expectedPurchases, 10);
  });

  it('says why an account without purchases by the day has no prediction, and 404s an unknown account', async () => {
    const { id } = await t.store.accounts.insert({ name: 'Not yet a customer' });
    const response = await t.call('GET', `/api/v1/accounts/${id}/clv?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accountId: id, prediction: null, reason: `Account ${id} has no purchase on or before ${AS_OF}.` });
    const missing = await t.call('GET', '/api/v1/accounts/999999/clv');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'not_found', field: 'id' });
  });

  it('returns the hold-out comparison by calibration frequency and week by week', async () => {
    const response = await t.call('GET', '/api/v1/analysis/clv/holdout?calibrationEnd=2024-06-30&end=2024-12-31&unit=week');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const direct = holdoutReport({ histories, calibrationEnd: '2024-06-30', end: '2024-12-31', unit: 'weeks' });
    expect(body).toMatchObject({ calibrationEnd: '2024-06-30', end: '2024-12-31', unit: 'week', customers: direct.customers, origin: direct.origin });
    expect(body.byFrequency).toEqual(direct.byFrequency);
    expect(body.tracking).toEqual(direct.tracking);
    expect(body.tracking.at(-1)).toMatchObject({ date: '2024-12-31', holdout: true });
    expect(body.holdoutPurchases.actual).toBe(direct.holdoutPurchases.actual);
  });

  it('refuses malformed settings naming the field, and says when there is nothing to fit', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/analysis/clv?unit=month', 400, 'unit'],
      ['/api/v1/analysis/clv?asOf=2024-02-30', 400, 'asOf'],
      ['/api/v1/analysis/clv?horizonMonths=soon', 400, 'horizonMonths'],
      ['/api/v1/analysis/clv?horizonMonths=1201', 400, 'horizonMonths'],
      ['/api/v1/analysis/clv?discountRate=-1', 400, 'discountRate'],
      ['/api/v1/analysis/clv?since=2024-01-01', 400, 'since'],
      ['/api/v1/analysis/clv/holdout?end=2024-12-31', 400, 'calibrationEnd'],
      ['/api/v1/analysis/clv/holdout?calibrationEnd=2024-06-30&end=2024-06-01', 400, 'end'],
    ];
    for (const [url, status, field] of cases) {
      const response = await t.call('GET', url);
      expect({ url, status: response.statusCode, field: response.json().error?.field }).toEqual({ url, status, field });
    }
    const early = await t.call('GET', '/api/v1/analysis/clv?asOf=2023-06-30');
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toEqual({ code: 'invalid', message: 'No account has a purchase on or before 2023-06-30, so there is nothing to fit.' });
    expect((await t.call('GET', '/api/v1/analysis/clv', { as: null })).statusCode).toBe(401);
  });

  it('fits a rep limited to their portfolio on their own accounts only, and hides the others', async () => {
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    const own = histories.filter((h) => ids.indexOf(h.accountId) % 3 === 0);
    const response = await t.call('GET', `/api/v1/analysis/clv?asOf=${AS_OF}`, { as: t.rep });
    expect(response.statusCode).toBe(200);
    const direct = predictPortfolio({ histories: own, ...settings });
    expect(response.json().model.customers).toBe(direct.model.customers);
    expect(response.json().model.bgnbd.params.r).toBeCloseTo(direct.model.bgnbd.params.r, 10);
    expect(response.json().portfolio.totalClv).toBe(formatMoney(direct.portfolio.totalClv));
    // The manager still sees the whole portfolio.
    expect((await t.call('GET', `/api/v1/analysis/clv?asOf=${AS_OF}`, { as: t.manager })).json().model.customers)
      .toBe(predictPortfolio({ histories, ...settings }).model.customers);

    const others = ids[1]!;
    expect((await t.call('GET', `/api/v1/accounts/${others}/clv?asOf=${AS_OF}`, { as: t.rep })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/accounts/${ids[0]}/clv?asOf=${AS_OF}`, { as: t.rep })).statusCode).toBe(200);
    const holdout = await t.call('GET', '/api/v1/analysis/clv/holdout?calibrationEnd=2024-06-30&end=2024-12-31', { as: t.rep });
    expect(holdout.json().customers).toBe(holdoutReport({ histories: own, calibrationEnd: '2024-06-30', end: '2024-12-31', unit: 'weeks' }).customers);
  });
});
