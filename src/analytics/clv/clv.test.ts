import { describe, expect, it } from 'vitest';
import type { BgnbdParams } from './bgnbd-likelihood.js';
import { conditionalExpectedPurchases } from './bgnbd-predictions.js';
import { customerLifetimeValue, portfolioClv, type ClvSettings } from './clv.js';
import { conditionalExpectedValue, type GammaGammaParams } from './gamma-gamma.js';
import { DAYS_PER_MONTH } from './time-unit.js';

const bgnbd: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gammaGamma: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const settings: ClvSettings = { bgnbd, gammaGamma, horizonMonths: 24, unit: 'weeks', discountRatePerYear: 0.1 };
const customer1 = { triple: { x: 2, tx: 30.43, T: 38.86 }, meanValue: 22.35 };

describe('customerLifetimeValue', () => {
  it('matches a reference computed month by month from the published formulas', () => {
    // SciPy: Σ_{m=1..24} (E[Y(m·30.4375/7)] − E[Y((m−1)·30.4375/7)]) · E[Z] / 1.1^(m/12).
    expect(customerLifetimeValue({ ...settings, ...customer1 })).toBeCloseTo(60.50460489408482, 9);
    expect(customerLifetimeValue({ ...settings, triple: { x: 0, tx: 0, T: 38.86 }, meanValue: 0 })).toBeCloseTo(14.638470304507399, 9);
    expect(customerLifetimeValue({ ...settings, triple: { x: 7, tx: 35, T: 38 }, meanValue: 40 })).toBeCloseTo(347.8377284412163, 8);
  });

  it('without discounting is the expected purchases over the horizon times the expected spend', () => {
    const undiscounted = customerLifetimeValue({ ...settings, ...customer1, discountRatePerYear: 0 });
    const weeks = (24 * DAYS_PER_MONTH) / 7;
    const expected = conditionalExpectedPurchases(bgnbd, customer1.triple, weeks) * conditionalExpectedValue(gammaGamma, { x: 2, meanValue: 22.35 });
    expect(undiscounted).toBeCloseTo(expected, 10);
    expect(customerLifetimeValue({ ...settings, ...customer1 })).toBeLessThan(undiscounted);
  });

  it('grows with the horizon, is zero for a zero horizon, and does not depend on the time unit', () => {
    const value = (horizonMonths: number) => customerLifetimeValue({ ...settings, ...customer1, horizonMonths });
    expect(value(0)).toBe(0);
    expect(value(12)).toBeLessThan(value(24));
    expect(value(120)).toBeGreaterThan(value(24));
    const inDays = customerLifetimeValue({
      ...settings, bgnbd: { ...bgnbd, alpha: bgnbd.alpha * 7 }, unit: 'days',
      triple: { x: 2, tx: 30.43 * 7, T: 38.86 * 7 }, meanValue: 22.35,
    });
    expect(inDays).toBeCloseTo(value(24), 10);
  });

  it('refuses a horizon that is not a whole number of months and a discount rate of −100 % or less', () => {
    expect(() => customerLifetimeValue({ ...settings, ...customer1, horizonMonths: 1.5 })).toThrow(/horizonMonths/);
    expect(() => customerLifetimeValue({ ...settings, ...customer1, discountRatePerYear: -1 })).toThrow(/discountRatePerYear/);
  });
});

describe('portfolioClv', () => {
  it('values each customer as customerLifetimeValue does and adds them up', () => {
    const customers = [customer1, { triple: { x: 0, tx: 0, T: 38.86 }, meanValue: 0 }, { triple: { x: 0, tx: 0, T: 38.86 }, meanValue: 0 },
      { triple: { x: 2, tx: 30.43, T: 38.86 }, meanValue: 80 }, { triple: { x: 50, tx: 1, T: 500 }, meanValue: 30 }];
    const { total, values } = portfolioClv(settings, customers);
    expect(values).toHaveLength(5);
    customers.forEach((customer, i) => expect(values[i]).toBeCloseTo(customerLifetimeValue({ ...settings, ...customer }), 12));
    // Fifty purchases in the first week and silence for 499 more: gone.
    expect(values[4]).toBeLessThan(1e-50);
    expect(total).toBeCloseTo(values.reduce((sum, v) => sum + v, 0), 12);
  });
});
