import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../../domain/money.js';
import { classifyPortfolio } from './classify-portfolio.js';
import { lastActiveRevenue, periodRevenue } from './purchase-windows.js';
import { reclassifyAccount, thresholdsOf } from './reclassify-account.js';
import { applyOrder, buildHistories, emptyHistory } from './summarize.js';
import { AS_OF, portfolioArb } from './testing/arbitraries.js';
import { account, order } from './testing/facts.js';

describe('reclassifyAccount', () => {
  it('gives every unchanged account the classes of the full run (ABC ties on a boundary and "probable" aside)', () => {
    fc.assert(fc.property(portfolioArb({ maxAccounts: 40, maxOrders: 120 }), ({ accounts, orders }) => {
      const full = classifyPortfolio({ asOf: AS_OF, accounts, orders });
      const thresholds = thresholdsOf(full);
      const histories = buildHistories(orders);
      for (const record of full.accounts) {
        const account = accounts.find((a) => a.id === record.accountId)!;
        const again = reclassifyAccount(account, histories.get(account.id) ?? emptyHistory(account.id), thresholds, AS_OF);
        expect({ volumeTier: again.volumeTier.class, frequency: again.frequency.class, rfm: again.rfm.class, churn: again.churnSignals.map((s) => s.kind) })
          .toEqual({ volumeTier: record.volumeTier.class, frequency: record.frequency.class, rfm: record.rfm.class, churn: record.churnSignals.map((s) => s.kind) });
        // Inactive accounts without revenue in the period are placed among the inactive ones, on their last active year.
        const quiet = record.abc.figures.ranking === 'inactive';
        const revenue = quiet ? lastActiveRevenue(record.summary, full.settings.revenuePeriod) : periodRevenue(record.summary, full.settings.revenuePeriod);
        const bounds = quiet ? thresholds.inactiveAbc! : thresholds.abc;
        // Accounts with the same revenue as the first of a class can sit on either side of the line.
        if (revenue !== bounds.aFrom && revenue !== bounds.bFrom) {
          expect([again.abc.class, again.abc.figures.ranking]).toEqual([record.abc.class, record.abc.figures.ranking]);
        }
        // "Probable" compares a never-buying account with the whole portfolio: only a full run decides it.
        if (record.status.class !== 'probable') expect(again.status.class).toBe(record.status.class);
      }
    }), { numRuns: 60 });
  });

  it('moves an account that just placed a large order up, with the reason quoting the run', () => {
    fc.assert(fc.property(portfolioArb({ maxAccounts: 30, maxOrders: 100 }), ({ accounts, orders }) => {
      const full = classifyPortfolio({ asOf: AS_OF, accounts, orders });
      const target = full.accounts.find((r) => r.abc.class !== 'none' && r.status.class !== 'ex_customer');
      fc.pre(target !== undefined && full.portfolio.abc.rankedAccounts > 1);
      const account = accounts.find((a) => a.id === target!.accountId)!;
      const history = applyOrder(buildHistories(orders).get(account.id)!, { accountId: account.id, orderedAt: `${AS_OF}T10:00:00Z`, total: cents(10_000_000_000) });
      const again = reclassifyAccount(account, history, thresholdsOf(full), AS_OF);
      expect(again.status.class).toMatch(/^(active|current)$/);
      expect(again.abc.class).toBe('A');
      expect(again.volumeTier.class).toBe('very_high');
      expect(again.abc.rule).toContain(`the run of ${AS_OF}`);
    }), { numRuns: 30 });
  });

  it('places an inactive account without revenue in the period against the run\'s inactive accounts, on its last active year', () => {
    const accounts = [1, 2, 3].map((id) => account(id));
    const orders = [order(1, '2026-03-01', '500.00'), order(2, '2024-09-01', '900.00'), order(3, '2024-12-01', '40.00')];
    const thresholds = thresholdsOf(classifyPortfolio({ asOf: AS_OF, accounts, orders }));
    expect(thresholds.inactiveAbc).toEqual({ aFrom: 90_000, bFrom: null });
    // An order months before the active window: still inactive, now worth more than the A account in its last year.
    const history = applyOrder(buildHistories(orders).get(3)!, { accountId: 3, orderedAt: '2025-01-10T10:00:00Z', total: cents(100_000) });
    const again = reclassifyAccount(account(3), history, thresholds, AS_OF);
    expect(again.status.class).toBe('inactive');
    expect(again.abc).toEqual({
      class: 'A',
      rule: 'Inactive, with revenue over its last active year (the 12 months ending on its last purchase) of 1040.00, '
        + `against the inactive accounts of the run of ${AS_OF} (A from 900.00, B from –): A.`,
      figures: { revenue: 104_000, aFrom: 90_000, bFrom: null, ranking: 'inactive', lastPurchase: '2025-01-10' },
    });
  });
});
