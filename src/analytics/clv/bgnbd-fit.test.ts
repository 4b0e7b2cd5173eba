import { describe, expect, it } from 'vitest';
import { fitBgnbd } from './bgnbd-fit.js';
import { hasCdnow, readCdnowSummary } from './testing/cdnow.js';

describe.skipIf(!hasCdnow)('fitBgnbd on the CDNOW sample of Fader, Hardie & Lee (2005)', () => {
  const customers = hasCdnow ? readCdnowSummary() : [];

  it('reproduces the published estimates r = 0.243, α = 4.414, a = 0.793, b = 2.426 and LL = −9582.4', () => {
    const fit = fitBgnbd(customers);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expect(fit.params.r.toFixed(3)).toBe('0.243');
    expect(fit.params.alpha.toFixed(3)).toBe('4.414');
    expect(fit.params.a.toFixed(3)).toBe('0.793');
    expect(fit.params.b.toFixed(3)).toBe('2.426');
    expect(fit.logLikelihood.toFixed(1)).toBe('-9582.4');
  });

  it('reports standard errors from the curvature of the likelihood', () => {
    // Reference: SciPy's optimum of the same likelihood with a four-point finite-difference
    // Hessian: r 0.012557, α 0.37822, a 0.18572, b 0.70534.
    const { standardErrors } = fitBgnbd(customers);
    expect(standardErrors.r).toBeCloseTo(0.012557, 5);
    expect(standardErrors.alpha).toBeCloseTo(0.37822, 3);
    expect(standardErrors.a).toBeCloseTo(0.18572, 3);
    expect(standardErrors.b).toBeCloseTo(0.70534, 3);
  });

  it('gives the same model in days: α times 7, r, a and b unchanged', () => {
    const weeks = fitBgnbd(customers);
    const days = fitBgnbd(customers.map(({ x, tx, T }) => ({ x, tx: tx * 7, T: T * 7 })));
    expect(days.params.alpha / 7).toBeCloseTo(weeks.params.alpha, 4);
    expect(days.params.r).toBeCloseTo(weeks.params.r, 6);
    expect(days.params.a).toBeCloseTo(weeks.params.a, 5);
    expect(days.params.b).toBeCloseTo(weeks.params.b, 4);
    // The densities of the recency differ by the Jacobian of the change of unit: 7 per purchase.
    const purchases = customers.reduce((sum, c) => sum + c.x, 0);
    expect(days.logLikelihood).toBeCloseTo(weeks.logLikelihood - purchases * Math.log(7), 5);
  });
});

describe('fitBgnbd', () => {
  it('refuses data without a single repeat purchase, where the purchase rate cannot be estimated', () => {
    expect(() => fitBgnbd([{ x: 0, tx: 0, T: 10 }, { x: 0, tx: 0, T: 20 }])).toThrow(/at least one customer with a repeat purchase/);
  });
});
