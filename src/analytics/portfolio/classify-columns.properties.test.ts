import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../../domain/money.js';
import { ABC_CLASSES } from '../../domain/portfolio/classes.js';
import { ranksAsInactive } from './abc.js';
import { CHURN_SIGNAL_KINDS } from '../../domain/portfolio/classes.js';
import { classifyColumns, RFM_NONE } from './classify-columns.js';
import { classifyPortfolio } from './classify-portfolio.js';
import { FREQUENCY_CLASSES } from '../../domain/portfolio/classes.js';
import { toPortfolioColumns } from './portfolio-columns.js';
import { thresholdsOf } from './reclassify-account.js';
import { RFM_SEGMENTS } from '../../domain/portfolio/rfm-segments.js';
import type { PortfolioSettingsInput } from '../../domain/portfolio/settings.js';
import { STATUS_CLASSES } from '../../domain/portfolio/classes.js';
import { buildHistories } from './summarize.js';
import { asOfFor, portfolioArb } from './testing/arbitraries.js';
import { VOLUME_TIERS } from '../../domain/portfolio/classes.js';

const settingsArb: fc.Arbitrary<PortfolioSettingsInput> = fc.record({
  revenuePeriod: fc.constantFrom('last12Months' as const, 'lifetime' as const),
  status: fc.record({ activeWindowDays: fc.constantFrom(90, 365), probableMinCustomers: fc.constantFrom(1, 3) }),
  volumeTier: fc.record({ method: fc.constantFrom('meanMultiples' as const, 'quantiles' as const) }),
  churn: fc.record({ valueTrendPurchases: fc.constantFrom(1, 3), minGapsForOverdue: fc.constantFrom(1, 2) }),
});

const caseArb = fc.record({ portfolio: portfolioArb({ maxAccounts: 30, maxOrders: 120 }), settings: settingsArb })
  .chain(({ portfolio, settings }) => fc.record({
    asOf: asOfFor(portfolio.orders),
    alive: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), { minLength: portfolio.accounts.length, maxLength: portfolio.accounts.length }),
  }).map(({ asOf, alive }) => ({ portfolio, settings, asOf, alive })));

describe('the column classifier', () => {
  it('gives every account the classes (inactive ones ranked among themselves alike), scores and signals the explained classifier gives it', () => {
    fc.assert(fc.property(caseArb, ({ portfolio, settings, asOf, alive }) => {
      const histories = [...buildHistories(portfolio.orders).values()];
      const pAlive = new Map(portfolio.accounts.flatMap((account, i) => (alive[i] === undefined ? [] : [[account.id, alive[i]!] as const])));
      const explained = classifyPortfolio({ asOf, accounts: portfolio.accounts, histories, settings, pAlive });

      const columns = toPortfolioColumns(portfolio.accounts, histories);
      const aliveColumn = Float64Array.from(columns.ids, (id) => pAlive.get(id) ?? Number.NaN);
      const coded = classifyColumns({ asOf, columns, settings, pAlive: aliveColumn });

      const fromColumns = Array.from(coded.ids, (id, i) => ({
        accountId: id,
        status: STATUS_CLASSES[coded.status[i]!],
        volumeTier: VOLUME_TIERS[coded.volumeTier[i]!],
        frequency: FREQUENCY_CLASSES[coded.frequency[i]!],
        abc: ABC_CLASSES[coded.abc[i]!],
        abcRank: coded.abcRank[i] || null,
        rankedAsInactive: ranksAsInactive(STATUS_CLASSES[coded.status[i]!] === 'inactive', coded.periodRevenue[i]!),
        rfm: coded.rfm[i] === RFM_NONE ? 'none' : RFM_SEGMENTS[coded.rfm[i]!],
        scores: coded.rfm[i] === RFM_NONE ? null : [coded.recencyScore[i], coded.frequencyScore[i], coded.monetaryScore[i]],
        signals: CHURN_SIGNAL_KINDS.filter((_, k) => coded.churn[i]! & (1 << k)),
        orders: coded.summaries.orderCount[i],
        revenue: coded.summaries.revenue[i],
        periodRevenue: coded.periodRevenue[i],
        medianGap: Number.isNaN(coded.summaries.medianGapDays[i]!) ? null : coded.summaries.medianGapDays[i],
      }));
      const fromRecords = explained.accounts.map((r) => ({
        accountId: r.accountId,
        status: r.status.class,
        volumeTier: r.volumeTier.class,
        frequency: r.frequency.class,
        abc: r.abc.class,
        abcRank: r.abc.figures.rank ?? null,
        rankedAsInactive: r.abc.figures.ranking === 'inactive',
        rfm: r.rfm.class,
        scores: r.rfm.class === 'none' ? null : [r.rfm.figures.recency, r.rfm.figures.frequency, r.rfm.figures.monetary],
        signals: r.churnSignals.map((s) => s.kind),
        orders: r.summary.orderCount,
        revenue: r.summary.revenue,
        periodRevenue: settings.revenuePeriod === 'lifetime' ? r.summary.revenue : r.summary.revenueLast12Months,
        medianGap: r.summary.medianGapDays,
      }));
      expect(fromColumns).toEqual(fromRecords);

      const { portfolio: figures } = explained;
      expect(coded.figures).toEqual({
        accounts: figures.accounts, buyers: figures.buyers, statuses: figures.statuses, volumeTiers: figures.volumeTiers,
        frequencies: figures.frequencies, abc: figures.abc, inactiveAbc: figures.inactiveAbc, rfm: figures.rfm, churn: figures.churn,
      });
      expect(coded.thresholds).toEqual(thresholdsOf(explained));
    }), { numRuns: 300 });
  });

  it('leaves purchases after the as-of day out', () => {
    const accounts = portfolioAccounts();
    const histories = [{ accountId: 1, days: [{ day: '2026-01-10', orders: 1, revenue: cents(500) }, { day: '2026-03-01', orders: 2, revenue: cents(900) }] }];
    const coded = classifyColumns({ asOf: '2026-02-01', columns: toPortfolioColumns(accounts, histories) });
    expect(coded.summaries.orderCount[0]).toBe(1);
    expect(coded.summaries.revenue[0]).toBe(500);
    expect(STATUS_CLASSES[coded.status[0]!]).toBe('active');
  });
});

function portfolioAccounts() {
  return [{
    id: 1, status: 'customer' as const, segment: null, sector: null, size: null, relationshipType: null, country: null, ownerId: null,
    hasInterest: false, hasFinancialCapacity: false, since: '2025-01-01T00:00:00.000Z',
  }];
}
