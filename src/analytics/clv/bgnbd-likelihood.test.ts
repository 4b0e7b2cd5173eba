import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, bgnbdLogLikelihoodWithGradient, type BgnbdParams } from './bgnbd-likelihood.js';
import { compressTriples, type WeightedTriple } from './rfm-triples.js';

const paper: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const one = (x: number, tx: number, T: number, weight = 1): WeightedTriple => ({ x, tx, T, weight });

describe('bgnbdLogLikelihood', () => {
  it('matches the closed form for a customer without repeat purchases: ln (α/(α+T))^r', () => {
    expect(bgnbdLogLikelihood(paper, [one(0, 0, 38.86)])).toBeCloseTo(paper.r * Math.log(paper.alpha / (paper.alpha + 38.86)), 13);
  });

  it('matches the formula of the paper written out directly for a small history', () => {
    // x = 2: Γ(r+2)/Γ(r) = r (r+1); B(a, b+2)/B(a, b) = b (b+1) / ((a+b)(a+b+1));
    // B(a+1, b+1)/B(a, b) = a b / ((a+b)(a+b+1)).
    const { r, alpha, a, b } = paper;
    const [x, tx, T] = [2, 30.43, 38.86];
    const direct = r * (r + 1) * alpha ** r * (
      (b * (b + 1)) / ((a + b) * (a + b + 1)) * (alpha + T) ** -(r + x)
      + (a * b) / ((a + b) * (a + b + 1)) * (alpha + tx) ** -(r + x));
    expect(bgnbdLogLikelihood(paper, [one(x, tx, T)])).toBeCloseTo(Math.log(direct), 12);
  });

  it('gives weighted triples the same value as the repeated customers they stand for', () => {
    const repeated = [one(0, 0, 30), one(0, 0, 30), one(0, 0, 30), one(3, 12, 30), one(3, 12, 30)];
    expect(bgnbdLogLikelihood(paper, compressTriples(repeated))).toBeCloseTo(bgnbdLogLikelihood(paper, repeated), 12);
  });

  it('has an analytic gradient that agrees with finite differences', () => {
    const data = [one(0, 0, 38.86, 10), one(1, 1.71, 38.86, 3), one(2, 30.43, 38.86), one(14, 36.1, 37.2), one(60, 300, 310, 2)];
    const { gradient } = bgnbdLogLikelihoodWithGradient(paper, data);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      const h = 1e-6 * paper[key];
      const up = bgnbdLogLikelihood({ ...paper, [key]: paper[key] + h }, data);
      const down = bgnbdLogLikelihood({ ...paper, [key]: paper[key] - h }, data);
      expect(gradient[key]).toBeCloseTo((up - down) / (2 * h), 5);
    }
  });

  it('stays finite for very frequent, very old customers where the plain formula overflows', () => {
    // (α+T)^(r+x) with x = 500 and T = 5000 is about 10^1850, far beyond a double.
    const data = [one(500, 4990, 5000), one(500, 100, 5000), one(5000, 49_000, 50_000)];
    const { value, gradient } = bgnbdLogLikelihoodWithGradient(paper, data);
    expect(Number.isFinite(value)).toBe(true);
    for (const g of Object.values(gradient)) expect(Number.isFinite(g)).toBe(true);
    // Reference values computed with mpmath at 40 significant digits from the formula as printed.
    expect(bgnbdLogLikelihood(paper, [one(500, 4990, 5000)])).toBeCloseTo(-1659.6962452431226, 9);
    expect(bgnbdLogLikelihood(paper, [one(500, 100, 5000)])).toBeCloseTo(269.64633228287136, 9);
    expect(bgnbdLogLikelihood(paper, [one(5000, 49_000, 50_000)])).toBeCloseTo(-16432.047330840564, 8);
  });
});
