import { describe, expect, it } from 'vitest';
import { type Goal, goalProgress } from './goals.js';
import { resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { account, order } from './testing/facts.js';

const settings = resolvePortfolioSettings({ status: { activeWindowDays: 365 } });
const year2026 = { start: '2026-01-01', end: '2026-12-31' };
const accounts = [
  account(1, { size: 'enterprise' }),
  account(2, { size: 'small' }),
  account(3, { size: 'small' }),
  account(4, { size: 'mid_market' }),
];
const orders = [
  order(1, '2025-06-01', '1000.00'), order(1, '2026-02-01', '600.00'), order(1, '2026-03-01', '400.00'),
  order(2, '2025-11-01', '50.00'),
  order(3, '2026-04-01', '250.00'),
  order(4, '2024-01-01', '10.00'), order(4, '2026-09-01', '999.00'),
];

function progress(goals: Goal[], asOf: string) {
  const inputs = accounts.map((a) => ({ account: a, summary: summarizeAccount(a.id, orders, asOf) }));
  return goalProgress(goals, inputs, asOf, settings);
}
const goal = (metric: Goal['metric'], target: number, comparator: Goal['comparator'] = 'atLeast'): Goal =>
  ({ metric, target, comparator, period: year2026 });

describe('portfolio goals', () => {
  const asOf = '2026-06-30';
  const results = progress([
    goal('activeAccounts', 4), goal('newCustomers', 1), goal('revenue', 200000), goal('averageTicket', 40000),
    goal('retentionRate', 0.5), goal('revenueShareEnterprise', 0.5), goal('revenueShareSmall', 0.1, 'atMost'),
    goal('enterpriseToSmallRevenue', 3),
  ], asOf);
  const of = (metric: string) => results.find((r) => r.goal.metric === metric)!;

  it('measures each metric over the period up to the as-of day', () => {
    expect(of('activeAccounts').actual).toBe(3);
    expect(of('newCustomers').actual).toBe(1);
    expect(of('revenue').actual).toBe(125000);
    expect(of('averageTicket').actual).toBe(41667);
    // Accounts 1 and 2 bought in 2025; only account 1 bought again in 2026.
    expect(of('retentionRate').actual).toBe(0.5);
    expect(of('revenueShareEnterprise').actual).toBe(0.8);
    expect(of('revenueShareSmall').actual).toBe(0.2);
    expect(of('enterpriseToSmallRevenue').actual).toBe(4);
  });

  it('compares with the target in the stated direction', () => {
    expect(of('activeAccounts')).toMatchObject({ ratio: 0.75, met: false });
    expect(of('revenueShareEnterprise')).toMatchObject({ met: true });
    expect(of('revenueShareSmall')).toMatchObject({ met: false, ratio: 2 });
    expect(of('revenue').description).toBe(
      'Revenue: 1250.00 against a target of at least 2000.00 (63 %), not met, measured on 2026-06-30 with 50 % of the period gone.',
    );
  });

  it('stops measuring at the end of the period', () => {
    const [later] = progress([goal('revenue', 200000)], '2027-03-01');
    expect(later).toMatchObject({ measuredOn: '2026-12-31', actual: 224900, met: true, elapsedShare: 1 });
  });

  it('reports a metric with nothing to measure as not measurable', () => {
    const [early] = progress([{ ...goal('averageTicket', 100), period: { start: '2027-01-01', end: '2027-12-31' } }], '2027-01-01');
    expect(early).toMatchObject({ actual: null, ratio: null, met: null });
    expect(early!.description).toMatch(/not measurable yet/);
  });

  it('measures a rep\'s goal on the accounts that rep owns, and a portfolio goal on all of them', () => {
    const owned = accounts.map((a) => ({ ...a, ownerId: a.id === 1 || a.id === 3 ? 7 : 8 }));
    const inputs = owned.map((a) => ({ account: a, summary: summarizeAccount(a.id, orders, '2026-10-01') }));
    const [rep, other, whole] = goalProgress([
      { ...goal('revenue', 100000), ownerId: 7 }, { ...goal('revenue', 100000), ownerId: 8 }, goal('revenue', 100000),
    ], inputs, '2026-10-01', settings);
    // Rep 7 holds accounts 1 (600 + 400 in 2026) and 3 (250); rep 8 holds 2 (nothing in 2026) and 4 (999 in September).
    expect(rep).toMatchObject({ actual: 125000, met: true });
    expect(other).toMatchObject({ actual: 99900, met: false });
    expect(whole!.actual).toBe(224900);
  });
});
