import { describe, expect, it } from 'vitest';
import { cents } from '../../domain/money.js';
import { dayFromNumber } from '../portfolio/calendar.js';
import type { PurchaseHistory } from '../../domain/portfolio/facts.js';
import { fitBgnbd } from './bgnbd-fit.js';
import type { BgnbdParams } from './bgnbd-likelihood.js';
import {
  conditionalExpectedPurchases, expectedNextPurchaseIn, portfolioDemand, probabilityAlive,
} from './bgnbd-predictions.js';
import { customerLifetimeValue, portfolioClv } from './clv.js';
import type { ClvModel } from './clv-model.js';
import { conditionalExpectedValue, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.js';
import { predictAccount, predictPortfolio } from './predict-portfolio.js';
import { collapseToPurchaseDays, summarizePurchases } from './summarize-transactions.js';
import { CDNOW_CALIBRATION_END, hasCdnow, readCdnowSampleTransactions } from './testing/cdnow.js';
import { DAYS_PER_MONTH } from './time-unit.js';

const paper: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
// γ in cents, as predictPortfolio fits it.
const spend: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 1544 };
const day = (date: string, revenue: number) => ({ day: date, orders: 1, revenue: cents(revenue) });

/** A model with chosen parameters, as if fitted, to check the predictions by hand. */
function givenModel(asOf: string, unit: ClvModel['unit'] = 'weeks', bgnbd = paper): ClvModel {
  const fit = <P>(params: P) => ({ params, standardErrors: params, logLikelihood: 0, converged: true, iterations: 0 });
  return {
    asOf, unit, customers: 0, repeatCustomers: 0,
    bgnbd: { ...fit(bgnbd), distinctHistories: 0 },
    gammaGamma: { ...fit(spend), customers: 0, populationMeanValue: (spend.p * spend.gamma) / (spend.q - 1) },
    frequencyMonetary: { correlation: 0, customers: 0, stronglyCorrelated: false },
  };
}

describe('predictPortfolio with given parameters', () => {
  // As of 1 April 2024 (91 days after 1 January = 13 weeks).
  const asOf = '2024-04-01';
  const histories: PurchaseHistory[] = [
    // First on 1 January, repeats on 15 January and 26 February (worth 2,000 and 4,000 cents): x = 2, tx = 8 weeks, T = 13 weeks.
    { accountId: 1, days: [day('2024-01-01', 9000), day('2024-01-15', 2000), day('2024-02-26', 4000), day('2024-06-01', 100)] },
    // One purchase only, 4 weeks before asOf.
    { accountId: 2, days: [day('2024-03-04', 5000)] },
    // First purchase after asOf: not a customer yet.
    { accountId: 3, days: [day('2024-04-02', 5000)] },
    // Eleven days in a row from 1 January (ten repeats), then twelve weeks of silence.
    { accountId: 4, days: Array.from({ length: 11 }, (_, i) => day(dayFromNumber(19_723 + i), 1000)) },
  ];
  const settings = { asOf, unit: 'weeks' as const, horizonMonths: 12, discountRatePerYear: 0.1 };
  const result = predictPortfolio({ histories, ...settings, model: givenModel(asOf) });
  const horizonWeeks = (12 * DAYS_PER_MONTH) / 7;

  it('leaves out accounts without a purchase by asOf and reads each history as x, t_x and T in weeks', () => {
    expect(result.accounts.map((a) => [a.accountId, a.x, a.tx, a.T])).toEqual([[1, 2, 8, 13], [2, 0, 0, 4], [4, 10, 10 / 7, 13]]);
    expect(result.portfolio.customers).toBe(3);
    expect(result.settings).toEqual(settings);
  });

  it('gives each account the figures the model functions give for its history', () => {
    for (const account of result.accounts) {
      const triple = { x: account.x, tx: account.tx, T: account.T };
      const meanValue = { 1: 3000, 2: 0, 4: 1000 }[account.accountId]!;
      expect(account.pAlive).toBeCloseTo(probabilityAlive(paper, triple), 14);
      expect(account.expectedPurchases).toBeCloseTo(conditionalExpectedPurchases(paper, triple, horizonWeeks), 12);
      expect(account.expectedNextPurchaseIn).toBeCloseTo(expectedNextPurchaseIn(paper, triple), 12);
      expect(account.expectedAverageValue).toBe(Math.round(conditionalExpectedValue(spend, { x: account.x, meanValue })));
      const clv = customerLifetimeValue({ bgnbd: paper, gammaGamma: spend, horizonMonths: 12, unit: 'weeks', discountRatePerYear: 0.1, triple, meanValue });
      expect(account.clv).toBe(Math.round(clv));
    }
  });

  it('values a repeat buyer between their own mean and the population mean, and a new customer at the population mean', () => {
    const [one, two] = result.accounts;
    // Mean of the repeat days (2,000 and 4,000), not of all three: the first purchase is left out.
    const population = (6.25 * 1544) / 2.74;
    expect(one!.expectedAverageValue).toBeGreaterThan(3000);
    expect(one!.expectedAverageValue).toBeLessThan(population);
    expect(two!.expectedAverageValue).toBe(Math.round(population));
  });

  it('sees the account that bought daily and then stopped as probably gone, and the one-off buyer as alive', () => {
    const byId = new Map(result.accounts.map((a) => [a.accountId, a]));
    expect(byId.get(2)!.pAlive).toBe(1);
    expect(byId.get(4)!.pAlive).toBeLessThan(0.01);
    expect(byId.get(1)!.pAlive).toBeGreaterThan(0.5);
  });

  it('dates the next purchase from asOf by the median wait, in whole days', () => {
    for (const account of result.accounts) {
      const days = Math.round(account.expectedNextPurchaseIn * 7);
      expect(account.expectedNextPurchaseOn).toBe(dayFromNumber(19_814 + days));
    }
    expect(dayFromNumber(19_814)).toBe(asOf);
  });

  it('adds up the portfolio: demand is the sum of expected purchases, total CLV the sum of the rounded CLVs', () => {
    const sum = (f: (a: (typeof result.accounts)[number]) => number) => result.accounts.reduce((s, a) => s + f(a), 0);
    expect(result.portfolio.expectedPurchases).toBeCloseTo(sum((a) => a.expectedPurchases), 12);
    expect(result.portfolio.expectedAliveCustomers).toBeCloseTo(sum((a) => a.pAlive), 12);
    expect(result.portfolio.totalClv).toBe(sum((a) => a.clv));
  });

  it('ignores purchases after asOf: adding some changes nothing', () => {
    const later = histories.map((h) => ({ ...h, days: [...h.days, day('2024-12-24', 123_456)] }));
    expect(predictPortfolio({ histories: later, ...settings, model: givenModel(asOf) })).toEqual(result);
  });

  it('predicts the same in days as in weeks, given α in days', () => {
    const inDays = predictPortfolio({ histories, ...settings, unit: 'days', model: givenModel(asOf, 'days', { ...paper, alpha: paper.alpha * 7 }) });
    inDays.accounts.forEach((account, i) => {
      const weeks = result.accounts[i]!;
      expect(account.pAlive).toBeCloseTo(weeks.pAlive, 12);
      expect(account.expectedPurchases).toBeCloseTo(weeks.expectedPurchases, 10);
      expect(account.expectedNextPurchaseIn / 7).toBeCloseTo(weeks.expectedNextPurchaseIn, 10);
      expect(account.clv).toBe(weeks.clv);
    });
  });

  it('predicts one account as the portfolio run does', () => {
    expect(predictAccount(givenModel(asOf), histories[0]!, settings)).toEqual(result.accounts[0]);
    expect(predictAccount(givenModel(asOf), histories[2]!, settings)).toBeUndefined();
  });

  it('names the setting that cannot be used', () => {
    const run = (change: object) => () => predictPortfolio({ histories, ...settings, model: givenModel(asOf), ...change });
    expect(run({ asOf: '2024-13-01' })).toThrow(/asOf must be a date written YYYY-MM-DD/);
    expect(run({ unit: 'months' })).toThrow(/unit must be one of days, weeks/);
    expect(run({ unit: 'days' })).toThrow(/unit days differs from the unit of the model/);
    expect(run({ horizonMonths: 1.5 })).toThrow(/horizonMonths must be a whole number/);
    expect(run({ horizonMonths: 1201 })).toThrow(/horizonMonths must be at most 1200/);
    expect(run({ discountRatePerYear: -1 })).toThrow(/discountRatePerYear must be above −100 %/);
  });
});

describe('predictPortfolio fitting its own model', () => {
  it('says in words why it cannot fit histories without a repeat purchase', () => {
    const histories = [{ accountId: 1, days: [day('2024-01-01', 100)] }, { accountId: 2, days: [day('2024-01-05', 100)] }];
    expect(() => predictPortfolio({ histories, asOf: '2024-03-01', unit: 'days', horizonMonths: 12, discountRatePerYear: 0.1 }))
      .toThrow(/None of the 2 accounts with purchases has bought on two different days by 2024-03-01/);
    expect(() => predictPortfolio({ histories, asOf: '2023-12-31', unit: 'days', horizonMonths: 12, discountRatePerYear: 0.1 }))
      .toThrow(/No account has a purchase on or before 2023-12-31/);
  });

  it('says so when only one account has repeat purchases, too few for the spend model', () => {
    const histories = [
      { accountId: 1, days: [day('2024-01-01', 100), day('2024-01-09', 300)] },
      { accountId: 2, days: [day('2024-01-05', 100)] },
    ];
    expect(() => predictPortfolio({ histories, asOf: '2024-03-01', unit: 'days', horizonMonths: 12, discountRatePerYear: 0.1 }))
      .toThrow(/Fewer than two accounts have repeat purchases of positive value by 2024-03-01/);
  });
});

describe.skipIf(!hasCdnow)('predictPortfolio on the CDNOW sample as of the end of the 39-week calibration', () => {
  const purchases = hasCdnow ? collapseToPurchaseDays(readCdnowSampleTransactions()) : [];
  const histories: PurchaseHistory[] = purchases.map(({ customerId, days }) => ({
    accountId: Number(customerId), days: days.map((d) => day(dayFromNumber(d.day), d.amount)),
  }));
  const result = hasCdnow
    ? predictPortfolio({ histories, asOf: CDNOW_CALIBRATION_END, unit: 'weeks', horizonMonths: 12, discountRatePerYear: 0.1 })
    : undefined!;
  const summaries = summarizePurchases(purchases, { calibrationEnd: CDNOW_CALIBRATION_END, unit: 'weeks' });

  it('fits the published BG/NBD estimates, with their standard errors, and the Gamma-Gamma ones in cents', () => {
    const { model } = result;
    expect(model).toMatchObject({ asOf: CDNOW_CALIBRATION_END, unit: 'weeks', customers: 2357, repeatCustomers: 946 });
    const reference = fitBgnbd(summaries);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(model.bgnbd.params[key]).toBeCloseTo(reference.params[key], 6);
      expect(model.bgnbd.standardErrors[key]).toBeCloseTo(reference.standardErrors[key], 4);
    }
    expect([model.bgnbd.params.r, model.bgnbd.params.alpha, model.bgnbd.params.a, model.bgnbd.params.b].map((v) => v.toFixed(3)))
      .toEqual(['0.243', '4.414', '0.793', '2.426']);
    expect(model.bgnbd.logLikelihood.toFixed(1)).toBe('-9582.4');
    expect(model.gammaGamma.customers).toBe(946);
    const spendReference = fitGammaGamma(summaries);
    for (const key of ['p', 'q', 'gamma'] as const) expect(model.gammaGamma.params[key]).toBeCloseTo(spendReference.params[key], 6);
    const { p, q, gamma } = model.gammaGamma.params;
    expect([p.toFixed(2), q.toFixed(2), (gamma / 100).toFixed(2)]).toEqual(['6.25', '3.74', '15.44']);
    expect(model.frequencyMonetary.stronglyCorrelated).toBe(false);
  });

  it('agrees with portfolioClv and portfolioDemand customer by customer', () => {
    const { bgnbd, gammaGamma } = result.model;
    const clv = portfolioClv(
      { bgnbd: bgnbd.params, gammaGamma: gammaGamma.params, horizonMonths: 12, unit: 'weeks', discountRatePerYear: 0.1 },
      summaries.map((s) => ({ triple: s, meanValue: s.meanValue })),
    );
    result.accounts.forEach((account, i) => expect(Math.abs(account.clv - clv.values[i]!)).toBeLessThanOrEqual(0.5 + 1e-6));
    expect(Math.abs(result.portfolio.totalClv - clv.total)).toBeLessThan(0.5 * summaries.length);
    const demand = portfolioDemand(bgnbd.params, summaries, (12 * DAYS_PER_MONTH) / 7);
    expect(result.portfolio.expectedPurchases).toBeCloseTo(demand, 8);
  });

  it('scores exactly as before when given the model it fitted instead of fitting again', () => {
    const again = predictPortfolio({ histories, asOf: CDNOW_CALIBRATION_END, unit: 'weeks', horizonMonths: 12, discountRatePerYear: 0.1, model: result.model });
    expect(again).toEqual(result);
  });
});
