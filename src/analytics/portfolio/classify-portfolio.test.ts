import { describe, expect, it } from 'vitest';
import { classifyPortfolio, sectionRows } from './classify-portfolio.js';
import { sectionsBy } from './sections.js';
import { account, order } from './testing/facts.js';
import type { OrderFact } from '../../domain/portfolio/facts.js';

const asOf = '2026-06-30';
const accounts = [
  account(1, { ownerId: 10, segment: 'retail', size: 'small', country: 'FR' }),
  account(2, { ownerId: 10, segment: 'retail', size: 'small', country: 'FR' }),
  account(3, { ownerId: 20, segment: 'industry', size: 'enterprise', country: 'DE' }),
  account(4, { ownerId: 20, segment: 'retail', size: 'small', country: 'DE', status: 'prospect' }),
  account(5, { ownerId: 20, status: 'ex_customer', country: 'DE' }),
  account(6, { status: 'prospect', hasInterest: true, hasFinancialCapacity: true }),
];
/** Purchases every `gap` days, the last `lastDaysAgo` days before asOf. */
const every = (id: number, gap: number, count: number, lastDaysAgo: number, total: string): OrderFact[] =>
  Array.from({ length: count }, (_, i) => order(id,
    new Date(Date.UTC(2026, 5, 30) - (lastDaysAgo + (count - 1 - i) * gap) * 86_400_000).toISOString(), total, ['Coffee']));
const orders = [
  ...every(1, 30, 20, 5, '100.00'),
  ...every(2, 20, 6, 130, '40.00'),
  ...every(3, 60, 4, 400, '900.00'),
  ...every(5, 30, 3, 10, '10.00'),
  order(99, '2026-01-01', '5000.00'),
];

describe('classifying a whole portfolio', () => {
  const result = classifyPortfolio({
    asOf, accounts, orders,
    goals: [{ metric: 'activeAccounts', target: 3, comparator: 'atLeast', period: { start: '2026-01-01', end: '2026-12-31' } }],
  });
  const record = (id: number) => result.accounts.find((r) => r.accountId === id)!;

  it('returns one record per account, each class with its rule and figures', () => {
    expect(result.accounts.map((r) => r.accountId)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const r of result.accounts) {
      for (const c of [r.status, r.volumeTier, r.frequency, r.abc, r.rfm]) {
        expect(c.rule.length).toBeGreaterThan(10);
        expect(typeof c.figures).toBe('object');
      }
    }
    expect([1, 2, 3, 4, 5, 6].map((id) => record(id).status.class))
      .toEqual(['current', 'active', 'inactive', 'unqualified', 'ex_customer', 'potential']);
    expect(record(1).frequency.class).toBe('frequent');
    expect(record(3).frequency.class).toBe('regular');
  });

  it('raises churn signals only on accounts buying now', () => {
    // Account 2 bought every 20 days but not for 130.
    expect(record(2).churnSignals.map((s) => s.kind)).toContain('overdue_repurchase');
    expect(record(3).churnSignals).toEqual([]);
    expect(record(5).churnSignals).toEqual([]);
    expect(result.portfolio.churn.accountsWithSignals).toBe(1);
  });

  it('ignores orders of unknown accounts and orders after the as-of day', () => {
    // Over the last 12 months: 12 of account 1's purchases, all of 2's and 5's, none of 3's; none of 99's.
    expect(result.portfolio.abc.totalRevenue).toBe(120000 + 24000 + 3000);
    const withFuture = classifyPortfolio({
      asOf, accounts, orders: [...orders, order(3, '2026-07-01', '1.00'), order(6, '2026-12-01', '70.00')],
      goals: [{ metric: 'activeAccounts', target: 3, comparator: 'atLeast', period: { start: '2026-01-01', end: '2026-12-31' } }],
    });
    expect(withFuture).toEqual(result);
  });

  it('gives the portfolio-level figures', () => {
    const { portfolio } = result;
    expect(portfolio.accounts).toBe(6);
    expect(portfolio.buyers).toBe(4);
    expect(portfolio.statuses).toMatchObject({ current: 1, active: 1, inactive: 1, ex_customer: 1, potential: 1, unqualified: 1 });
    expect(portfolio.abc.accounts.A + portfolio.abc.accounts.B + portfolio.abc.accounts.C).toBe(3);
    expect(portfolio.rfm.scoredAccounts).toBe(4);
    expect(portfolio.inactive.map((i) => i.accountId)).toEqual([3]);
    expect(portfolio.inactive[0]!.lastPurchaseItems).toEqual(['Coffee']);
    expect(portfolio.growth.map((g) => g.accountId).sort()).toEqual([1, 2]);
    expect(portfolio.goals[0]).toMatchObject({ actual: 3, met: true });
    expect(portfolio.team.size.byRep.map((r) => r.ownerId)).toEqual([10, 20, null]);
  });

  it('cuts the portfolio into sections, and crosses two dimensions on demand', () => {
    const byCountry = result.portfolio.sections.country;
    expect(byCountry.map((s) => [s.key[0], s.accounts])).toEqual([['FR', 2], ['DE', 3], [null, 1]]);
    const crossed = sectionsBy(sectionRows(accounts, result.accounts, result.settings), ['segment', 'owner']);
    expect(crossed.find((s) => s.key[0] === 'retail' && s.key[1] === 10)).toMatchObject({ accounts: 2, activeAccounts: 2, activeRate: 1 });
  });
});
