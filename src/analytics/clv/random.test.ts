import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';

function moments(values: number[]) {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

const N = 100_000;
const draw = (f: () => number) => Array.from({ length: N }, f);

describe('seededRandom', () => {
  it('repeats the same draws for the same seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = draw(() => a.uniform()).slice(0, 5);
    expect(draw(() => b.uniform()).slice(0, 5)).toEqual(first);
    expect(draw(() => c.uniform()).slice(0, 5)).not.toEqual(first);
  });

  it('draws uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    const values = draw(seededRandom(1).uniform);
    expect(Math.min(...values)).toBeGreaterThan(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const { mean, variance } = moments(values);
    // Tolerances are about five standard errors of the sample moments.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.0015);
  });

  it('draws gamma variables with mean k/β and variance k/β², for shapes below and above one', () => {
    const random = seededRandom(2);
    for (const [shape, rate] of [[0.243, 4.414], [3.74, 15.44], [50, 2]] as const) {
      const { mean, variance } = moments(draw(() => random.gamma(shape, rate)));
      const trueMean = shape / rate;
      const trueVariance = shape / rate ** 2;
      expect(Math.abs(mean - trueMean)).toBeLessThan(5 * Math.sqrt(trueVariance / N));
      expect(Math.abs(variance / trueVariance - 1)).toBeLessThan(shape < 1 ? 0.1 : 0.05);
    }
  });

  it('draws beta variables with mean a/(a+b) and the right variance', () => {
    const random = seededRandom(3);
    const [a, b] = [0.793, 2.426];
    const { mean, variance } = moments(draw(() => random.beta(a, b)));
    const trueVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(mean - a / (a + b))).toBeLessThan(5 * Math.sqrt(trueVariance / N));
    expect(Math.abs(variance / trueVariance - 1)).toBeLessThan(0.03);
  });

  it('draws standard normals and exponentials with the right mean and variance', () => {
    const random = seededRandom(4);
    const normal = moments(draw(random.normal));
    expect(Math.abs(normal.mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(normal.variance - 1)).toBeLessThan(0.03);
    const exponential = moments(draw(() => random.exponential(2)));
    expect(Math.abs(exponential.mean - 0.5)).toBeLessThan(5 * 0.5 / Math.sqrt(N));
    expect(Math.abs(exponential.variance - 0.25)).toBeLessThan(0.01);
  });
});
