import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, hyp2f1MinusOneOverB, logAddExp, logBeta, logGamma, logSumExp } from './special-functions.js';

// Reference values not given in closed form were computed with SciPy 1.17 (scipy.special).

function logFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}

describe('logGamma', () => {
  it('equals ln((n − 1)!) at the integers', () => {
    for (const n of [1, 2, 3, 7, 15, 16, 30, 171]) expect(logGamma(n)).toBeCloseTo(logFactorial(n - 1), 12);
  });

  it('equals ln √π at one half and matches reference values across the range', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    const reference: [number, number][] = [
      [1e-8, 18.42068073818021], [0.243, 1.3180435846996699], [1.5, -0.12078223763524526],
      [3.7, 1.428072326665388], [14.9, 24.924132002217277], [100.5, 361.43554046777757],
      [1e4, 82099.71749644238],
    ];
    for (const [x, value] of reference) expect(Math.abs(logGamma(x) - value)).toBeLessThan(1e-13 * Math.max(1, Math.abs(value)));
    expect(logGamma(1e7) / 151180949.36947393 - 1).toBeLessThan(1e-15);
  });

  it('is NaN outside the positive reals', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-2.5)).toBeNaN();
    expect(logGamma(NaN)).toBeNaN();
  });
});

describe('digamma', () => {
  it('is minus the Euler–Mascheroni constant at 1 and follows ψ(x + 1) = ψ(x) + 1/x', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
    for (const x of [0.3, 2.5, 9.5, 40]) expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 13);
  });

  it('matches reference values, including on both sides of the asymptotic switch', () => {
    const reference: [number, number][] = [
      [1e-6, -1000000.57721402], [0.243, -4.351093864423211], [2.5, 0.7031566406452432],
      [9.99, 2.250700372831201], [10, 2.251752589066721], [523.4, 6.259390393582234],
    ];
    for (const [x, value] of reference) expect(Math.abs(digamma(x) - value)).toBeLessThan(1e-13 * Math.max(1, Math.abs(value)));
  });

  it('is the derivative of logGamma', () => {
    for (const x of [0.2, 1.7, 12, 300]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 6);
    }
  });
});

describe('logBeta', () => {
  it('stays accurate when one argument is large', () => {
    expect(logBeta(0.793, 502.426)).toBeCloseTo(-4.772987896869381, 12);
    expect(logBeta(1.793, 501.426)).toBeCloseTo(-11.222375993403602, 12);
    expect(logBeta(1, 4)).toBeCloseTo(Math.log(1 / 4), 14);
  });
});

describe('logAddExp and logSumExp', () => {
  it('add exponentials far beyond the range of a double without overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-1000, -Infinity)).toBe(-1000);
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
    expect(logSumExp([800, 800, 800])).toBeCloseTo(800 + Math.log(3), 12);
    expect(logSumExp([-800, -801])).toBeCloseTo(-800 + Math.log1p(Math.exp(-1)), 12);
    expect(logSumExp([])).toBe(-Infinity);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 11);
      expect(hyp2f1(2.3, 0.7, 0.7, z)).toBeCloseTo((1 - z) ** -2.3, 9);
      const s = Math.sqrt(z);
      expect(hyp2f1(0.5, 0.5, 1.5, z)).toBeCloseTo(Math.asin(s) / s, 11);
    }
  });

  it('matches reference values, also for negative parameters and z close to 1', () => {
    expect(hyp2f1(0.243, 2.426, 2.219, 0.5)).toBeCloseTo(1.2070970070440417, 13);
    expect(hyp2f1(3.5, 1.2, 4.1, 0.9)).toBeCloseTo(8.31019323184733, 11);
    expect(hyp2f1(-0.4, 0.3, 1.2, 0.99)).toBeCloseTo(0.8657840503489391, 11);
    expect(hyp2f1(2.1, -0.3, 7.2, 0.7)).toBeCloseTo(0.9317367234035645, 13);
  });

  it('divides out b exactly, so (₂F₁ − 1)/b has a finite limit as b → 0', () => {
    // d/db ₂F₁(a, b; c; z) at b = 0 is Σ (a)_k z^k / ((c)_k k), here with a = c: −ln(1 − z).
    expect(hyp2f1MinusOneOverB(1.7, 0, 1.7, 0.6)).toBeCloseTo(-Math.log(0.4), 13);
    expect(hyp2f1MinusOneOverB(1.7, 1e-12, 1.7, 0.6)).toBeCloseTo(-Math.log(0.4), 10);
  });

  it('refuses arguments outside the unit disc', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });
});
