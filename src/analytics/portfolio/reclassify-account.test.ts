import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../../domain/money.js';
import { classifyPortfolio } from './classify-portfolio.js';
import { periodRevenue } from './purchase-windows.js';
import { reclassifyAccount, thresholdsOf } from './reclassify-account.js';
import { applyOrder, buildHistories, emptyHistory } from './summarize.js';
import { AS_OF, portfolioArb } from './testing/arbitraries.js';

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
        const revenue = periodRevenue(record.summary, full.settings.revenuePeriod);
        // Accounts with the same revenue as the first of a class can sit on either side of the line.
        if (revenue !== thresholds.abc.aFrom && revenue !== thresholds.abc.bFrom) expect(again.abc.class).toBe(record.abc.class);
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
});
