import { describe, expect, it } from 'vitest';
import { classifyAbc } from './abc.js';
import { resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { classifyPortfolio } from './classify-portfolio.js';
import { account, order } from './testing/facts.js';

const asOf = '2026-06-30';
const settings = resolvePortfolioSettings({ revenuePeriod: 'lifetime' });
function analyse(revenues: Record<number, string>, overrides = settings) {
  const orders = Object.entries(revenues).map(([id, total]) => order(Number(id), '2026-01-01', total));
  const summaries = Object.keys(revenues).map((id) => summarizeAccount(Number(id), orders, asOf));
  return classifyAbc(summaries, overrides);
}

describe('ABC classes', () => {
  // Ten accounts: 500, 200, 100, 60, 50, 40, 20, 15, 10, 5 (total 1000).
  const revenues = { 1: '500.00', 2: '200.00', 3: '100.00', 4: '60.00', 5: '50.00', 6: '40.00', 7: '20.00', 8: '15.00', 9: '10.00', 10: '5.00' };
  const abc = analyse(revenues);
  const classOf = (id: number) => abc.classes.get(id)!.class;

  it('classes accounts by the revenue share of the accounts ranked above them', () => {
    // Shares above: 0, 50, 70, 80, 86, 91, 95, 97, 98.5, 99.5 %.
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(classOf)).toEqual(['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C']);
    expect(abc.accounts).toEqual({ A: 3, B: 3, C: 4 });
    expect(abc.revenue).toEqual({ A: 80000, B: 15000, C: 5000 });
    expect(abc.classes.get(4)!.rule).toBe(
      'Ranked 4 of 10 by revenue since the first purchase; the accounts ranked above it hold 80.0 % of revenue, at least 80 % and under 95 %: B.',
    );
  });

  it('follows the A and B shares of the settings', () => {
    // Shares above: 0, 50, 70, 80, 86, 91 %…: under 70 % is A, under 90 % is B.
    const custom = analyse(revenues, resolvePortfolioSettings({ revenuePeriod: 'lifetime', abc: { aMaxShare: 0.7, bMaxShare: 0.9 } }));
    expect([1, 2, 3, 4, 5, 6, 7].map((id) => custom.classes.get(id)!.class)).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C']);
    expect(custom.accounts).toEqual({ A: 2, B: 3, C: 5 });
  });

  it('keeps the account that crosses the A threshold in A', () => {
    const crossing = analyse({ 1: '70.00', 2: '20.00', 3: '10.00' });
    expect(crossing.classes.get(2)!.class).toBe('A');
    expect(crossing.classes.get(3)!.class).toBe('B');
  });

  it('gives the Pareto chart from the origin to the whole portfolio', () => {
    expect(abc.chart[0]).toEqual({ accountShare: 0, revenueShare: 0 });
    expect(abc.chart[1]).toEqual({ accountShare: 0.1, revenueShare: 0.5 });
    expect(abc.chart.at(-1)).toEqual({ accountShare: 1, revenueShare: 1 });
    expect(abc.chart).toHaveLength(11);
    const thin = analyse(revenues, resolvePortfolioSettings({ revenuePeriod: 'lifetime', abc: { chartMaxPoints: 3 } }));
    expect(thin.chart).toEqual([
      { accountShare: 0, revenueShare: 0 }, { accountShare: 0.5, revenueShare: 0.91 }, { accountShare: 1, revenueShare: 1 },
    ]);
  });

  it('reports the revenue share of the top 20 % of accounts, interpolating within an account', () => {
    expect(abc.topRevenueShare).toBeCloseTo(0.7);
    const five = analyse({ 1: '40.00', 2: '30.00', 3: '20.00', 4: '5.00', 5: '5.00' },
      resolvePortfolioSettings({ revenuePeriod: 'lifetime', abc: { topAccountShare: 0.3 } }));
    // 30 % of 5 accounts is 1.5: the first (40) and half the second (15) out of 100.
    expect(five.topRevenueShare).toBeCloseTo(0.55);
  });

  it('measures concentration with the Gini coefficient', () => {
    expect(analyse({ 1: '10.00', 2: '10.00', 3: '10.00' }).gini).toBe(0);
    expect(abc.gini).toBeGreaterThan(0.5);
    expect(abc.gini).toBeLessThan(1);
  });

  it('ranks equal revenues by account id and leaves accounts without revenue out', () => {
    const tied = analyse({ 3: '10.00', 1: '10.00', 2: '10.00', 4: '0.00' });
    expect([1, 2, 3].map((id) => tied.classes.get(id)!.figures.rank)).toEqual([1, 2, 3]);
    expect(tied.classes.get(4)!.class).toBe('none');
    expect(tied.rankedAccounts).toBe(3);
  });

  it('returns empty figures for a portfolio without revenue', () => {
    const empty = analyse({ 1: '0.00' });
    expect(empty).toMatchObject({ rankedAccounts: 0, chart: [], topRevenueShare: null, gini: null, accounts: { A: 0, B: 0, C: 0 } });
  });
});

describe('the value class of inactive accounts', () => {
  // The worked example of docs/inactive-value-class.md, as of 30 June 2026 with the default rules
  // (revenue over the last 12 months, a 365-day active window).
  const accounts = [1, 2, 3, 4, 5, 6, 7].map((id) => account(id));
  const orders = [
    order(1, '2026-03-01', '500.00'), order(2, '2026-05-01', '100.00'),
    order(3, '2024-09-01', '400.00'), order(3, '2025-03-01', '600.00'),
    order(4, '2023-01-10', '2000.00'), order(4, '2024-05-01', '60.00'),
    order(5, '2025-01-15', '150.00'),
    order(6, '2024-12-01', '40.00'),
  ];
  const result = classifyPortfolio({ asOf, accounts, orders });
  const abcOf = (id: number) => result.accounts.find((r) => r.accountId === id)!.abc;

  it('ranks the inactive accounts among themselves on what they bought in the year ending on their last purchase', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((id) => abcOf(id).class)).toEqual(['A', 'B', 'A', 'B', 'B', 'C', 'none']);
    // Account 4 bought 2,000 in January 2023, more than a year before its last purchase: it counts 60.
    expect([3, 5, 4, 6].map((id) => abcOf(id).figures.revenue)).toEqual([100_000, 15_000, 6_000, 4_000]);
    expect([3, 5, 4, 6].map((id) => abcOf(id).figures.rank)).toEqual([1, 2, 3, 4]);
    expect(abcOf(3).rule).toBe('Inactive: ranked 1 of 4 inactive accounts by revenue over its last active year (the 12 months ending on its '
      + 'last purchase); the inactive accounts ranked above it hold 0.0 % of that revenue, under 80 %: A.');
    expect(abcOf(3).figures).toMatchObject({ ranking: 'inactive', lastPurchase: '2025-03-01', shareAbove: 0, aMaxShare: 0.8 });
    expect(abcOf(1).figures.ranking).toBeUndefined();
  });

  it('keeps the Pareto figures about the accounts with revenue in the period and gives the inactive ranking its own', () => {
    expect(result.portfolio.abc).toMatchObject({ rankedAccounts: 2, totalRevenue: 60_000, accounts: { A: 1, B: 1, C: 0 } });
    expect(result.portfolio.inactiveAbc).toMatchObject({
      rankedAccounts: 4, totalRevenue: 125_000, accounts: { A: 1, B: 2, C: 1 }, revenue: { A: 100_000, B: 21_000, C: 4_000 },
    });
  });

  it('leaves inactive accounts in the period ranking when they have revenue in the period', () => {
    // Over the lifetime every inactive account has revenue: one ranking, no inactive one.
    const lifetime = classifyPortfolio({ asOf, accounts, orders, settings: { revenuePeriod: 'lifetime' } });
    expect(lifetime.portfolio.inactiveAbc.rankedAccounts).toBe(0);
    expect(lifetime.accounts.find((r) => r.accountId === 4)!.abc).toMatchObject({ class: 'A', figures: { rank: 1, revenue: 206_000 } });
    // With a 90-day window, account 2 (last bought 60 days ago) is active and account 1 (121 days) inactive, yet ranked on its 12 months.
    const short = classifyPortfolio({ asOf, accounts, orders, settings: { status: { activeWindowDays: 90 } } });
    const one = short.accounts.find((r) => r.accountId === 1)!;
    expect(one.status.class).toBe('inactive');
    expect(one.abc.figures).toMatchObject({ rank: 1, rankedAccounts: 2 });
    expect(one.abc.figures.ranking).toBeUndefined();
  });
});
