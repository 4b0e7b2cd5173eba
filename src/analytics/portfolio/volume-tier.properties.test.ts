import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PortfolioSettings, resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizePortfolio } from './summarize.js';
import { revenueArb } from './testing/arbitraries.js';
import type { OrderFact } from '../../domain/portfolio/facts.js';
import { type VolumeTier } from '../../domain/portfolio/classes.js';
import { classifyVolumeTiers } from './volume-tier.js';

const asOf = '2026-06-30';
const LOWER: Record<VolumeTier, number> = { very_high: 0, high: 1, average: 2, low: 3, none: 4 };

const revenuesArb = fc.array(fc.oneof(
  { weight: 6, arbitrary: revenueArb },
  { weight: 2, arbitrary: fc.constantFrom(100, 5_000) },
  { weight: 1, arbitrary: fc.integer({ min: -5_000, max: 0 }) },
), { maxLength: 60 });

/** Three distinct bounds, highest first. */
const boundsArb = (min: number, max: number, scale: number) =>
  fc.uniqueArray(fc.integer({ min, max }), { minLength: 3, maxLength: 3 })
    .map((values) => values.sort((a, b) => b - a))
    .map(([veryHigh, high, average]) => ({ veryHigh: veryHigh! / scale, high: high! / scale, average: average! / scale }));

/** Either method, with any valid bounds, ranking lifetime revenue. */
const settingsArb: fc.Arbitrary<PortfolioSettings> = fc.oneof(
  boundsArb(1, 100, 10).map((meanMultiples) => resolvePortfolioSettings({ revenuePeriod: 'lifetime', volumeTier: { method: 'meanMultiples', meanMultiples } })),
  boundsArb(1, 99, 100).map((quantiles) => resolvePortfolioSettings({ revenuePeriod: 'lifetime', volumeTier: { method: 'quantiles', quantiles } })),
);

function tiers(revenues: readonly number[], settings: PortfolioSettings) {
  const orders = revenues.map((total, i): OrderFact => ({ accountId: i + 1, orderedAt: '2026-06-01', total: total as OrderFact['total'] }));
  return classifyVolumeTiers(summarizePortfolio(orders, asOf), settings);
}

describe('sales-volume tiers, for any portfolio', () => {
  it('never puts an account with more revenue in a lower tier, and equal revenues in the same one', () => {
    fc.assert(fc.property(revenuesArb, settingsArb, (revenues, settings) => {
      const result = tiers(revenues, settings);
      const tierOf = (i: number) => result.classes.get(i + 1)!.class;
      revenues.forEach((a, i) => revenues.forEach((b, j) => {
        if (a > b) expect(LOWER[tierOf(i)]).toBeLessThanOrEqual(LOWER[tierOf(j)]);
        if (a === b) expect(tierOf(i)).toBe(tierOf(j));
      }));
    }));
  });

  it('puts each account with revenue in the highest tier whose threshold it reaches, thresholds highest first', () => {
    fc.assert(fc.property(revenuesArb, settingsArb, (revenues, settings) => {
      const result = tiers(revenues, settings);
      const ranked = revenues.filter((r) => r > 0);
      expect(result.rankedAccounts).toBe(ranked.length);
      if (ranked.length === 0) {
        expect(result.thresholds).toBeNull();
        return;
      }
      const t = result.thresholds!;
      expect(t.veryHigh).toBeGreaterThanOrEqual(t.high);
      expect(t.high).toBeGreaterThanOrEqual(t.average);
      const { method } = settings.volumeTier;
      const sorted = [...ranked].sort((a, b) => a - b);
      for (const key of ['veryHigh', 'high', 'average'] as const) {
        const bound = settings.volumeTier[method][key];
        if (method === 'meanMultiples') {
          expect(t[key]).toBeCloseTo((ranked.reduce((a, b) => a + b, 0) / ranked.length) * bound, 6);
        } else {
          // A type-7 quantile lies between the two order statistics around (n − 1)·p.
          const position = (sorted.length - 1) * bound;
          expect(t[key]).toBeGreaterThanOrEqual(sorted[Math.floor(position)]!);
          expect(t[key]).toBeLessThanOrEqual(sorted[Math.ceil(position)]!);
        }
      }
      revenues.forEach((revenue, i) => {
        const expected: VolumeTier = revenue <= 0 ? 'none'
          : revenue >= t.veryHigh ? 'very_high' : revenue >= t.high ? 'high' : revenue >= t.average ? 'average' : 'low';
        expect(result.classes.get(i + 1)!.class).toBe(expected);
      });
    }));
  });

  it('changes no tier when accounts without revenue are added', () => {
    fc.assert(fc.property(revenuesArb, fc.array(fc.integer({ min: -5_000, max: 0 }), { minLength: 1, maxLength: 10 }), settingsArb, (revenues, idle, settings) => {
      const alone = tiers(revenues, settings);
      const withIdle = tiers([...revenues, ...idle], settings);
      for (const [id, classification] of alone.classes) expect(withIdle.classes.get(id)).toEqual(classification);
      expect({ ...withIdle, classes: null }).toEqual({ ...alone, classes: null });
    }));
  });
});
