import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyColumns } from './classify-columns.js';
import { classifyPortfolio } from './classify-portfolio.js';
import { detailColumns, placementAt, runContextOf } from './detail-columns.js';
import { explainAccount } from './explain-account.js';
import { toPortfolioColumns } from './portfolio-columns.js';
import type { PortfolioSettingsInput } from '../../domain/portfolio/settings.js';
import { buildHistories } from './summarize.js';
import { asOfFor, portfolioArb } from './testing/arbitraries.js';

const settingsArb: fc.Arbitrary<PortfolioSettingsInput> = fc.record({
  revenuePeriod: fc.constantFrom('last12Months' as const, 'lifetime' as const),
  status: fc.record({ activeWindowDays: fc.constantFrom(90, 365), probableMinCustomers: fc.constantFrom(1, 3) }),
  volumeTier: fc.record({ method: fc.constantFrom('meanMultiples' as const, 'quantiles' as const) }),
  churn: fc.record({ valueTrendPurchases: fc.constantFrom(1, 3), minGapsForOverdue: fc.constantFrom(1, 2) }),
  growth: fc.record({ minPeers: fc.constantFrom(1, 3, 5), peerQuantile: fc.constantFrom(0.5, 0.75) }),
});

const caseArb = fc.record({ portfolio: portfolioArb({ maxAccounts: 30, maxOrders: 120 }), settings: settingsArb })
  .chain(({ portfolio, settings }) => fc.record({
    asOf: asOfFor(portfolio.orders),
    alive: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), { minLength: portfolio.accounts.length, maxLength: portfolio.accounts.length }),
  }).map(({ asOf, alive }) => ({ portfolio, settings, asOf, alive })));

describe('an account explained when read', () => {
  it('reads exactly as the whole-portfolio classifier explains it, from what a run stores (codes, ranks, scores, peers) and its own history', () => {
    fc.assert(fc.property(caseArb, ({ portfolio, settings, asOf, alive }) => {
      const histories = [...buildHistories(portfolio.orders).values()];
      const pAlive = new Map(portfolio.accounts.flatMap((account, i) => (alive[i] === undefined ? [] : [[account.id, alive[i]!] as const])));
      const explained = classifyPortfolio({ asOf, accounts: portfolio.accounts, histories, settings, pAlive });

      // What a run does: columns, codes, the per-account details, and the context kept once; then
      // the stored figures go through JSON, as they do in the database.
      const columns = toPortfolioColumns(portfolio.accounts, histories);
      const aliveColumn = Float64Array.from(columns.ids, (id) => pAlive.get(id) ?? Number.NaN);
      const coded = classifyColumns({ asOf, columns, settings, pAlive: aliveColumn });
      const details = detailColumns(columns, coded);
      const stored = JSON.parse(JSON.stringify({ portfolio: coded.figures, settings: coded.settings }));
      const context = runContextOf(coded.asOf, stored.settings, stored.portfolio);
      const accounts = [...portfolio.accounts].sort((a, b) => a.id - b.id);
      const historyOf = new Map(histories.map((h) => [h.accountId, h]));
      const growthOf = new Map(explained.portfolio.growth.map((g) => [g.accountId, g]));
      const inactiveOf = new Map(explained.portfolio.inactive.map((g) => [g.accountId, g]));

      accounts.forEach((account, i) => {
        const placement = JSON.parse(JSON.stringify(placementAt(coded, details, aliveColumn, i)));
        const onRead = explainAccount(context, { account, history: historyOf.get(account.id), stored: placement });
        const record = explained.accounts[i]!;
        expect(onRead.accountId).toBe(record.accountId);
        expect({ ...onRead, growth: onRead.growth ?? null, inactive: onRead.inactive ?? null }).toEqual({
          ...record, growth: growthOf.get(account.id) ?? null, inactive: inactiveOf.get(account.id) ?? null,
        });
        // The recovery score the run stores for lists is the one the explanation gives.
        if (onRead.inactive) expect(details.recoveryScore[i]).toBe(onRead.inactive.score);
        if (onRead.growth) expect(Number.isNaN(details.growthPotential[i]!) ? null : details.growthPotential[i]).toBe(onRead.growth.potential);
      });
    }), { numRuns: 300 });
  });
});
