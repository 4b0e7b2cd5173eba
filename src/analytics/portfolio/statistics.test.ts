import { describe, expect, it } from 'vitest';
import { gini, mean, median, percentRanks, quantile } from './statistics.js';

describe('statistics', () => {
  it('takes the median of an odd and an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(mean([])).toBeNull();
  });

  it('interpolates quantiles between order statistics', () => {
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46);
    expect(quantile([10, 20, 30, 40, 50], 0)).toBe(10);
    expect(quantile([10, 20, 30, 40, 50], 1)).toBe(50);
  });

  it('lands exactly on a value when the quantile falls on it, despite rounding', () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    // 100 × 0.07 is 7.000000000000001 in floating point.
    expect(quantile(values, 0.07)).toBe(7);
    expect(quantile(values, 0.7)).toBe(70);
  });

  it('gives tied values the same percent rank', () => {
    expect(percentRanks([10, 30, 20, 30])).toEqual([0, 5 / 6, 1 / 3, 5 / 6]);
    expect(percentRanks([7])).toEqual([0.5]);
  });

  it('measures concentration from 0 for equal shares to 1 − 1/n for one holder', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 100])).toBeCloseTo(0.75);
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25);
    expect(gini([0, 0])).toBeNull();
  });
});
