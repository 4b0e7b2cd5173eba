import { describe, expect, it } from 'vitest';
import type { BgnbdParams } from './bgnbd-likelihood.js';
import {
  conditionalExpectedPurchases, expectedNextPurchaseIn, expectedPurchases, nextPurchaseQuantile, portfolioDemand,
  probabilityAlive, probabilityOfPurchaseWithin,
} from './bgnbd-predictions.js';
import { seededRandom } from './random.js';

// Reference values computed with SciPy 1.17 (scipy.special.hyp2f1) from the formulas as printed
// by Fader, Hardie & Lee, at the published and at the exact CDNOW estimates.
const paper: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const cdnow: BgnbdParams = { r: 0.2425929167568843, alpha: 4.413531867628734, a: 0.7928858162411716, b: 2.4257524908190753 };
const customer1 = { x: 2, tx: 30.43, T: 38.86 };

describe('BG/NBD predictions', () => {
  it('expects 1.226 purchases in the next 39 weeks from CDNOW customer 1 (x = 2, tx = 30.43, T = 38.86)', () => {
    expect(conditionalExpectedPurchases(paper, customer1, 39)).toBeCloseTo(1.226028174767135, 12);
    expect(conditionalExpectedPurchases(cdnow, customer1, 39)).toBeCloseTo(1.2259105402771544, 12);
  });

  it('matches the reference conditional expectations and probabilities of being alive', () => {
    expect(probabilityAlive(cdnow, customer1)).toBeCloseTo(0.7266091802091318, 13);
    expect(probabilityAlive(cdnow, { x: 1, tx: 1.71, T: 38.86 })).toBeCloseTo(0.21222741938565517, 13);
    expect(conditionalExpectedPurchases(cdnow, { x: 1, tx: 1.71, T: 38.86 }, 39)).toBeCloseTo(0.20325065965081504, 12);
    expect(conditionalExpectedPurchases(cdnow, { x: 0, tx: 0, T: 38.86 }, 39)).toBeCloseTo(0.19478085432017667, 12);
    expect(conditionalExpectedPurchases(cdnow, { x: 7, tx: 35, T: 38 }, 39)).toBeCloseTo(4.556215643855595, 11);
  });

  it('matches the reference expectation for a new customer over 39 and 78 weeks', () => {
    expect(expectedPurchases(cdnow, 39)).toBeCloseTo(1.1950163572953787, 12);
    expect(expectedPurchases(cdnow, 78)).toBeCloseTo(1.8579719593585242, 12);
    expect(expectedPurchases(cdnow, 0)).toBe(0);
  });

  it('treats a customer without repeat purchases as alive, since dropout follows a purchase', () => {
    expect(probabilityAlive(paper, { x: 0, tx: 0, T: 38.86 })).toBe(1);
  });

  it('is continuous through a = 1, where the printed formula divides by zero', () => {
    const at = (a: number) => expectedPurchases({ ...paper, a }, 39);
    // Reference: E[(1 − (α/(α + p t))^r) / p] over p ~ Beta(a, b), integrated with mpmath.
    expect(at(1)).toBeCloseTo(1.08427901059151874, 12);
    expect(at(0.793)).toBeCloseTo(1.19672319332081684, 12);
    expect(at(1 - 1e-7)).toBeCloseTo(at(1), 6);
    expect(at(1 + 1e-7)).toBeCloseTo(at(1), 6);
  });

  it('stays accurate when the dropout probability is nearly the same for everyone (a in the hundreds to millions)', () => {
    // References: E[(1 − (α/(α + p t))^r) / p] over p ~ Beta(a, b), integrated with mpmath at
    // 40 digits with breakpoints every standard deviation around the mean.
    const cases: [BgnbdParams, number, number, number][] = [
      [{ r: 0.243, alpha: 4.4, a: 150, b: 2.4 }, 300, 0.65178142933773258686, 1e-8],
      [{ r: 0.243, alpha: 4.4, a: 150, b: 0.5 }, 39, 0.42762053441047994434, 1e-12],
      [{ r: 0.243, alpha: 4.4, a: 1000, b: 30 }, 3000, 0.81759137491299656794, 1e-12],
      [{ r: 2.243, alpha: 40, a: 120, b: 0.3 }, 20, 0.59799974333420867752, 1e-12],
    ];
    for (const [params, t, reference, tolerance] of cases) expect(Math.abs(expectedPurchases(params, t) / reference - 1)).toBeLessThan(tolerance);
    // A fit on customers who all drop out with probability 0.19 sends a and b to millions; the
    // expectation is then nearly that of a fixed p = a / (a + b).
    const fixed = { r: 0.509, alpha: 23.4, a: 2_942_601.9, b: 12_484_303.8 };
    const p = fixed.a / (fixed.a + fixed.b);
    expect(Math.abs(expectedPurchases(fixed, 180) / 1.931987998172065905 - 1)).toBeLessThan(1e-12);
    expect(expectedPurchases(fixed, 180)).toBeCloseTo(-Math.expm1(-fixed.r * Math.log1p((p * 180) / fixed.alpha)) / p, 6);
    // No step where the series hands over to the integral.
    const around = (a: number) => expectedPurchases({ r: 0.243, alpha: 4.4, a, b: 30 }, 39);
    expect(around(100 + 1e-9)).toBeCloseTo(around(100), 9);
  });

  it('stays finite and sensible for huge x and T (x = 500, T = 5000)', () => {
    const recent = { x: 500, tx: 4990, T: 5000 };
    const alive = probabilityAlive(paper, recent);
    const expected = conditionalExpectedPurchases(paper, recent, 39);
    expect(alive).toBeGreaterThan(0.99);
    // An alive customer with 500 purchases in 4990 weeks buys about 0.1 a week.
    expect(expected / alive).toBeGreaterThan(0.09 * 39);
    expect(expected / alive).toBeLessThan(0.11 * 39);
    // Silent for 4900 weeks after buying 500 times in 100: certainly gone.
    expect(probabilityAlive(paper, { x: 500, tx: 100, T: 5000 })).toBe(0);
    expect(conditionalExpectedPurchases(paper, { x: 500, tx: 100, T: 5000 }, 39)).toBe(0);
  });

  it('grows with the horizon and converges even many lifetimes ahead', () => {
    let previous = 0;
    for (const t of [1, 10, 100, 1000, 10_000]) {
      const expected = conditionalExpectedPurchases(paper, customer1, t);
      expect(expected).toBeGreaterThan(previous);
      previous = expected;
    }
  });

  it('gives the median wait to the next purchase of an alive customer, as a simulation confirms', () => {
    // An alive customer's rate is Gamma(r + x, α + T) and the wait is exponential given the rate.
    const random = seededRandom(7);
    const { r, alpha } = { r: paper.r + customer1.x, alpha: paper.alpha + customer1.T };
    const waits = Array.from({ length: 40_001 }, () => random.exponential(random.gamma(r, alpha))).sort((u, v) => u - v);
    const median = expectedNextPurchaseIn(paper, customer1);
    expect(Math.abs(median / waits[20_000]! - 1)).toBeLessThan(0.03);
    expect(nextPurchaseQuantile(paper, customer1, 0.9)).toBeGreaterThan(median);
    // Weighted by the chance of still being alive, the probability of buying within the median wait is half of P(alive).
    expect(probabilityOfPurchaseWithin(paper, customer1, median)).toBeCloseTo(probabilityAlive(paper, customer1) / 2, 12);
  });

  it('sums the portfolio demand over customers, counting shared histories once per customer', () => {
    const customers = [customer1, { x: 0, tx: 0, T: 38.86 }, { x: 0, tx: 0, T: 38.86 }, { x: 7, tx: 35, T: 38 }];
    const separately = customers.reduce((sum, c) => sum + conditionalExpectedPurchases(paper, c, 39), 0);
    expect(portfolioDemand(paper, customers, 39)).toBeCloseTo(separately, 12);
  });
});
