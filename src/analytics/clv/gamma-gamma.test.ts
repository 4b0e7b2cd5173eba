import { describe, expect, it } from 'vitest';
import { CDNOW_CALIBRATION_END, hasCdnow, readCdnowSampleTransactions, readCdnowSpend } from './testing/cdnow.js';
import {
  conditionalExpectedValue, fitGammaGamma, frequencyMonetaryCorrelation, gammaGammaLogLikelihoodWithGradient,
  type GammaGammaParams, type SpendHistory,
} from './gamma-gamma.js';
import { seededRandom } from './random.js';
import { summarizeTransactions } from './summarize-transactions.js';

const published: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

describe.skipIf(!hasCdnow)('fitGammaGamma on the CDNOW sample (Fader & Hardie 2013)', () => {
  const customers: SpendHistory[] = hasCdnow ? readCdnowSpend().map(({ x, zbar }) => ({ x, meanValue: zbar })) : [];

  it('fits the 946 repeat buyers to within 0.1 % of p = 6.2488, q = 3.7445, γ = 15.4420', () => {
    const fit = fitGammaGamma(customers);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    const reference = { p: 6.2488, q: 3.7445, gamma: 15.4420 };
    for (const key of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit.params[key] / reference[key] - 1)).toBeLessThan(0.001);
    // SciPy's optimum of the same likelihood: −4055.9232.
    expect(fit.logLikelihood).toBeCloseTo(-4055.9232, 3);
  });

  it('prints the published p = 6.25, q = 3.74, γ = 15.44 on mean spends not rounded to the cent', () => {
    // The file rounds z̄ to the cent, which moves γ to 15.448; the paper and CLVTools
    // (LL −4055.9177) used the exact means, rebuilt here from the transactions.
    const exact = summarizeTransactions(readCdnowSampleTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END, unit: 'weeks' })
      .map(({ x, meanValue }) => ({ x, meanValue: meanValue / 100 }));
    const fit = fitGammaGamma(exact);
    for (const key of ['p', 'q', 'gamma'] as const) expect(fit.params[key].toFixed(2)).toBe(published[key].toFixed(2));
    expect(fit.logLikelihood).toBeCloseTo(-4055.9177, 4);
  });

  it('finds frequency and spend nearly uncorrelated, as the model requires', () => {
    const check = frequencyMonetaryCorrelation(customers);
    expect(check.customers).toBe(946);
    expect(check.correlation).toBeCloseTo(0.11388, 4);
    expect(check.stronglyCorrelated).toBe(false);
  });
});

describe('Gamma-Gamma model', () => {
  it('has an analytic gradient that agrees with finite differences', () => {
    const data = [{ x: 1, meanValue: 11.77 }, { x: 2, meanValue: 22.35 }, { x: 9, meanValue: 80 }, { x: 40, meanValue: 3.5 }];
    const { gradient } = gammaGammaLogLikelihoodWithGradient(published, data);
    for (const key of ['p', 'q', 'gamma'] as const) {
      const h = 1e-6 * published[key];
      const up = gammaGammaLogLikelihoodWithGradient({ ...published, [key]: published[key] + h }, data).value;
      const down = gammaGammaLogLikelihoodWithGradient({ ...published, [key]: published[key] - h }, data).value;
      expect(gradient[key]).toBeCloseTo((up - down) / (2 * h), 6);
    }
  });

  it('expects a customer to spend between their own mean and the population mean', () => {
    const population = (published.p * published.gamma) / (published.q - 1);
    expect(conditionalExpectedValue(published, { x: 0, meanValue: 0 })).toBeCloseTo(population, 12);
    // Reference for x = 2, z̄ = 22.35 at the exact CDNOW estimates: 24.658616 (SciPy).
    expect(conditionalExpectedValue({ p: 6.248803135891452, q: 3.7445883948322645, gamma: 15.447746302646058 }, { x: 2, meanValue: 22.35 }))
      .toBeCloseTo(24.65861602830739, 10);
    const low = conditionalExpectedValue(published, { x: 3, meanValue: 10 });
    const lowerStill = conditionalExpectedValue(published, { x: 30, meanValue: 10 });
    expect(low).toBeGreaterThan(10);
    expect(low).toBeLessThan(population);
    expect(lowerStill).toBeLessThan(low);
  });

  it('recovers the parameters of simulated spend within three standard errors', () => {
    const random = seededRandom(2024);
    const truth: GammaGammaParams = { p: 4, q: 5, gamma: 60 };
    const customers: SpendHistory[] = Array.from({ length: 20_000 }, () => {
      const nu = random.gamma(truth.q, truth.gamma);
      const x = 1 + Math.floor(random.uniform() * 8);
      let total = 0;
      for (let j = 0; j < x; j++) total += random.gamma(truth.p, nu);
      return { x, meanValue: total / x };
    });
    const fit = fitGammaGamma(customers);
    expect(fit.converged).toBe(true);
    for (const key of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit.params[key] - truth[key])).toBeLessThan(3 * fit.standardErrors[key]);
  });

  it('skips customers without repeat purchases and flags spend that rises with frequency', () => {
    const customers = [
      { x: 0, meanValue: 0 }, { x: 1, meanValue: 10 }, { x: 2, meanValue: 25 }, { x: 3, meanValue: 28 }, { x: 5, meanValue: 60 },
    ];
    const check = frequencyMonetaryCorrelation(customers);
    expect(check.customers).toBe(4);
    expect(check.correlation).toBeGreaterThan(0.9);
    expect(check.stronglyCorrelated).toBe(true);
    expect(fitGammaGamma(customers).customers).toBe(4);
  });

  it('refuses to fit fewer than two usable customers', () => {
    expect(() => fitGammaGamma([{ x: 0, meanValue: 0 }, { x: 2, meanValue: 5 }])).toThrow(/at least two customers/);
  });
});
