import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AbcClass } from '../../domain/portfolio/classes.js';
import { classifyAbc } from './abc.js';
import { resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizePortfolio } from './summarize.js';
import { revenueArb } from './testing/arbitraries.js';
import type { OrderFact } from '../../domain/portfolio/facts.js';

const asOf = '2026-06-30';
const WORSE: Record<AbcClass, number> = { A: 0, B: 1, C: 2, none: 3 };

/** Lifetime revenues of accounts 1, 2, …: often tied, sometimes nothing or a net return. */
const revenuesArb = fc.array(fc.oneof(
  { weight: 6, arbitrary: revenueArb },
  { weight: 2, arbitrary: fc.constantFrom(100, 5_000) },
  { weight: 1, arbitrary: fc.integer({ min: -5_000, max: 0 }) },
), { maxLength: 60 });

/** Any valid ABC settings, ranking lifetime revenue. */
const settingsArb = fc.record({
  a: fc.integer({ min: 1, max: 998 }),
  bAbove: fc.integer({ min: 1, max: 999 }),
  top: fc.integer({ min: 1, max: 1000 }),
  chartMaxPoints: fc.integer({ min: 2, max: 40 }),
}).map(({ a, bAbove, top, chartMaxPoints }) => resolvePortfolioSettings({
  revenuePeriod: 'lifetime',
  abc: { aMaxShare: a / 1000, bMaxShare: Math.min(1000, a + bAbove) / 1000, topAccountShare: top / 1000, chartMaxPoints },
}));

function analyse(revenues: readonly number[], settings: ReturnType<typeof resolvePortfolioSettings>, firstId = 1) {
  const orders = revenues.map((total, i): OrderFact => ({ accountId: firstId + i, orderedAt: '2026-06-01', total: total as OrderFact['total'] }));
  return classifyAbc(summarizePortfolio(orders, asOf), settings);
}

describe('ABC classes, for any portfolio', () => {
  it('never puts an account with more revenue in a worse class', () => {
    fc.assert(fc.property(revenuesArb, settingsArb, (revenues, settings) => {
      const abc = analyse(revenues, settings);
      const classOf = (i: number) => abc.classes.get(i + 1)!.class;
      revenues.forEach((more, i) => revenues.forEach((less, j) => {
        if (more > less) expect(WORSE[classOf(i)]).toBeLessThanOrEqual(WORSE[classOf(j)]);
      }));
    }));
  });

  it('never moves an account to a worse class when its own revenue grows', () => {
    fc.assert(fc.property(revenuesArb.filter((r) => r.length > 0), fc.nat(), revenueArb, settingsArb, (revenues, pick, raise, settings) => {
      const i = pick % revenues.length;
      const before = analyse(revenues, settings).classes.get(i + 1)!.class;
      const raised = revenues.map((revenue, j) => (j === i ? revenue + raise : revenue));
      const after = analyse(raised, settings).classes.get(i + 1)!.class;
      expect(WORSE[after]).toBeLessThanOrEqual(WORSE[before]);
    }));
  });

  it('ranks exactly the accounts with revenue, and the A, B and C revenues add up to the whole', () => {
    fc.assert(fc.property(revenuesArb, settingsArb, (revenues, settings) => {
      const abc = analyse(revenues, settings);
      const positive = revenues.filter((r) => r > 0);
      revenues.forEach((revenue, i) => expect(abc.classes.get(i + 1)!.class === 'none').toBe(revenue <= 0));
      expect(abc.rankedAccounts).toBe(positive.length);
      expect(abc.accounts.A + abc.accounts.B + abc.accounts.C).toBe(positive.length);
      expect(abc.revenue.A + abc.revenue.B + abc.revenue.C).toBe(abc.totalRevenue);
      expect(abc.totalRevenue).toBe(positive.reduce((sum, r) => sum + r, 0));
    }));
  });

  it('gives A at least aMaxShare of revenue and at most that plus the last A account; A and B at least bMaxShare', () => {
    fc.assert(fc.property(revenuesArb, settingsArb, (revenues, settings) => {
      const abc = analyse(revenues, settings);
      if (abc.rankedAccounts === 0) return;
      const { aMaxShare, bMaxShare } = settings.abc;
      const total = abc.totalRevenue;
      const ranked = [...abc.classes.values()].filter((c) => c.class !== 'none');
      const lastA = ranked.filter((c) => c.class === 'A').sort((x, y) => (y.figures.rank as number) - (x.figures.rank as number))[0]!;
      expect(abc.accounts.A).toBeGreaterThan(0);
      expect(abc.revenue.A / total).toBeGreaterThanOrEqual(aMaxShare);
      expect(abc.revenue.A / total).toBeLessThan(aMaxShare + (lastA.figures.revenue as number) / total);
      expect((abc.revenue.A + abc.revenue.B) / total).toBeGreaterThanOrEqual(bMaxShare);
    }));
  });

  it('draws a Pareto curve from 0 to 100 %, rising and concave, in at most chartMaxPoints points', () => {
    fc.assert(fc.property(revenuesArb, settingsArb, (revenues, settings) => {
      const abc = analyse(revenues, settings);
      const n = abc.rankedAccounts;
      if (n === 0) {
        expect(abc.chart).toEqual([]);
        return;
      }
      const { chart } = abc;
      expect(chart[0]).toEqual({ accountShare: 0, revenueShare: 0 });
      expect(chart.at(-1)).toEqual({ accountShare: 1, revenueShare: 1 });
      expect(chart.length).toBe(Math.min(n + 1, settings.abc.chartMaxPoints));
      // Back to whole account counts, so the slopes compare without dividing.
      const at = chart.map((p) => ({ k: Math.round(p.accountShare * n), y: p.revenueShare }));
      for (let i = 1; i < at.length; i++) {
        expect(at[i]!.k).toBeGreaterThan(at[i - 1]!.k);
        expect(at[i]!.y).toBeGreaterThanOrEqual(at[i - 1]!.y);
      }
      for (let i = 2; i < at.length; i++) {
        const [p, q, r] = [at[i - 2]!, at[i - 1]!, at[i]!];
        expect((q.y - p.y) * (r.k - q.k)).toBeGreaterThanOrEqual((r.y - q.y) * (q.k - p.k) - 1e-9 * (r.k - p.k));
      }
    }));
  });

  it('ends the cumulative share at 100 % on the last ranked account, and the shares add up to 100 %', () => {
    fc.assert(fc.property(revenuesArb, settingsArb, (revenues, settings) => {
      const abc = analyse(revenues, settings);
      const ranked = [...abc.classes.values()].filter((c) => c.class !== 'none')
        .sort((x, y) => (x.figures.rank as number) - (y.figures.rank as number));
      if (ranked.length === 0) return;
      expect(ranked.at(-1)!.figures.cumulativeShare).toBe(1);
      expect(ranked[0]!.figures.shareAbove).toBe(0);
      const shares = ranked.reduce((sum, c) => sum + (c.figures.revenueShare as number), 0);
      // Each share is rounded to six decimals in the figures.
      expect(Math.abs(shares - 1)).toBeLessThanOrEqual(ranked.length * 5e-7 + 1e-12);
    }));
  });

  it('gives the top accounts at least their own share of revenue, and a Gini between 0 and 1 − 1/n', () => {
    fc.assert(fc.property(revenuesArb, settingsArb, (revenues, settings) => {
      const abc = analyse(revenues, settings);
      const n = abc.rankedAccounts;
      if (n === 0) return;
      expect(abc.topRevenueShare!).toBeGreaterThanOrEqual(settings.abc.topAccountShare - 1e-12);
      expect(abc.topRevenueShare!).toBeLessThanOrEqual(1 + 1e-12);
      expect(abc.gini!).toBeGreaterThanOrEqual(-1e-12);
      expect(abc.gini!).toBeLessThanOrEqual(1 - 1 / n + 1e-12);
    }));
  });

  it('changes no class when accounts without revenue are added', () => {
    fc.assert(fc.property(revenuesArb, fc.array(fc.integer({ min: -5_000, max: 0 }), { minLength: 1, maxLength: 10 }), settingsArb, (revenues, idle, settings) => {
      const alone = analyse(revenues, settings);
      const withIdle = analyse([...revenues, ...idle], settings);
      for (const [id, classification] of alone.classes) expect(withIdle.classes.get(id)).toEqual(classification);
      expect({ ...withIdle, classes: null }).toEqual({ ...alone, classes: null });
    }));
  });

  it('never moves an account to a worse class when an account ranked below it is added', () => {
    fc.assert(fc.property(revenuesArb, revenueArb, settingsArb, (revenues, added, settings) => {
      const alone = analyse(revenues, settings);
      // The new account has the highest id, so it ranks below every account with as much revenue.
      const grown = analyse([...revenues, added], settings);
      revenues.forEach((revenue, i) => {
        if (revenue >= added) {
          expect(WORSE[grown.classes.get(i + 1)!.class]).toBeLessThanOrEqual(WORSE[alone.classes.get(i + 1)!.class]);
        }
      });
    }));
  });
});
