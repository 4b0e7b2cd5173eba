import { describe, expect, it } from 'vitest';
import { classifyAbc } from './abc.js';
import { paretoFigures } from './pareto.js';
import { resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { cents } from '../../domain/money.js';

describe('paretoFigures', () => {
  it('draws the cumulative share of revenue against the share of accounts, largest first', () => {
    const figures = paretoFigures([100, 0, 300, 600], 0.2, 100);
    expect(figures.points).toEqual([
      { accountShare: 0, revenueShare: 0 },
      { accountShare: 1 / 3, revenueShare: 0.6 },
      { accountShare: 2 / 3, revenueShare: 0.9 },
      { accountShare: 1, revenueShare: 1 },
    ]);
    // The top 20 % of three accounts is 0.6 of the largest: 360 of 1000.
    expect(figures.topRevenueShare).toBeCloseTo(0.36, 12);
    expect(figures.accounts).toBe(3);
  });

  it('agrees with the ABC analysis on the same revenues', () => {
    const revenues = [5, 80, 13, 2, 400, 77, 1, 9];
    const settings = resolvePortfolioSettings({ revenuePeriod: 'lifetime' });
    const summaries = revenues.map((r, i) => summarizeAccount(i + 1, [{ accountId: i + 1, orderedAt: '2025-01-01', total: cents(r) }], '2025-06-01'));
    const abc = classifyAbc(summaries, settings);
    const pareto = paretoFigures(revenues, settings.abc.topAccountShare, settings.abc.chartMaxPoints);
    expect(pareto.points).toEqual(abc.chart);
    expect(pareto.topRevenueShare).toBeCloseTo(abc.topRevenueShare!, 12);
    expect(pareto.gini).toBeCloseTo(abc.gini!, 12);
  });

  it('has no curve and no concentration without revenue', () => {
    expect(paretoFigures([0, 0], 0.2, 10)).toEqual({ points: [], accounts: 0, totalRevenue: 0, topRevenueShare: null, gini: null });
  });
});
