import { beforeAll, describe, expect, it } from 'vitest';
import { fitBgnbd, type BgnbdFit } from './bgnbd-fit.js';
import type { BgnbdParams } from './bgnbd-likelihood.js';
import { simulateBgnbd } from './simulate.js';

// Customers like CDNOW's: first purchases spread over 12 weeks, observed to week 39, dates in
// whole days, with the published parameters as the truth.
const truth: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const keys = ['r', 'alpha', 'a', 'b'] as const;
const seeds = [11, 22, 33, 44, 55];

describe('BG/NBD parameter recovery on simulated customers', () => {
  let fits: BgnbdFit[] = [];
  beforeAll(() => {
    fits = seeds.map((seed) =>
      fitBgnbd(simulateBgnbd(truth, { customers: 100_000, seed, periodLength: 39, cohortLength: 12, resolution: 1 / 7 })));
  });

  it('converges for every seed, on far fewer distinct histories than customers', () => {
    for (const fit of fits) {
      expect(fit.converged).toBe(true);
      expect(fit.customers).toBe(100_000);
      expect(fit.distinctTriples).toBeLessThan(40_000);
    }
  });

  it('estimates every parameter within three standard errors of the truth', () => {
    for (const fit of fits) {
      for (const key of keys) expect(Math.abs(fit.params[key] - truth[key])).toBeLessThan(3 * fit.standardErrors[key]);
    }
  });

  it('reports standard errors that match the spread of the estimates across seeds', () => {
    // Standardised errors (estimate − truth) / SE should have a root mean square near 1; with
    // 20 of them (correlated within a seed) anything between 0.5 and 1.6 is consistent, while
    // standard errors off by a factor of two would fall outside.
    const z = fits.flatMap((fit) => keys.map((key) => (fit.params[key] - truth[key]) / fit.standardErrors[key]));
    const rms = Math.sqrt(z.reduce((sum, v) => sum + v * v, 0) / z.length);
    expect(rms).toBeGreaterThan(0.5);
    expect(rms).toBeLessThan(1.6);
    for (const key of keys) {
      const estimates = fits.map((fit) => fit.params[key]);
      const mean = estimates.reduce((sum, v) => sum + v, 0) / estimates.length;
      const spread = Math.sqrt(estimates.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (estimates.length - 1));
      const reported = fits.reduce((sum, fit) => sum + fit.standardErrors[key], 0) / fits.length;
      expect(spread / reported).toBeGreaterThan(1 / 3);
      expect(spread / reported).toBeLessThan(3);
    }
  });
});
