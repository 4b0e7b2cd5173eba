import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AccountClassification, type PortfolioClassification, classifyPortfolio } from './classify-portfolio.js';
import { daysBefore, utcDay } from './calendar.js';
import type { Goal } from './goals.js';
import { type PortfolioSettingsInput } from '../../domain/portfolio/settings.js';
import { SECTION_DIMENSIONS } from '../../domain/portfolio/sections.js';
import { AS_OF, accountsArb, interleavedArb, momentOn, orderArb, portfolioArb } from './testing/arbitraries.js';
import type { NoteFact, OrderFact } from '../../domain/portfolio/facts.js';

/** The settings that move most figures: the revenue period, and a short active window. */
const settingsArb: fc.Arbitrary<PortfolioSettingsInput> = fc.record({
  revenuePeriod: fc.constantFrom('last12Months' as const, 'lifetime' as const),
  status: fc.record({ activeWindowDays: fc.constantFrom(90, 365) }),
  volumeTier: fc.record({ method: fc.constantFrom('meanMultiples' as const, 'quantiles' as const) }),
});

/** Goals over periods that start before asOf and may end after it. */
const goalsArb: fc.Arbitrary<Goal[]> = fc.array(fc.record({
  metric: fc.constantFrom('activeAccounts', 'newCustomers', 'revenue', 'averageTicket', 'retentionRate',
    'revenueShareEnterprise', 'revenueShareSmall', 'enterpriseToSmallRevenue') as fc.Arbitrary<Goal['metric']>,
  target: fc.integer({ min: 0, max: 100_000 }),
  comparator: fc.constantFrom('atLeast' as const, 'atMost' as const),
  period: fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 700 }))
    .map(([startBack, length]) => ({ start: daysBefore(AS_OF, startBack), end: daysBefore(AS_OF, startBack - length) })),
}), { maxLength: 3 });

function notesArb(accountIds: readonly number[], fromBack: number, toBack: number): fc.Arbitrary<NoteFact[]> {
  return fc.array(fc.record({
    accountId: fc.constantFrom(...accountIds),
    type: fc.constantFrom('call' as const, 'note' as const),
    subject: fc.string({ maxLength: 12 }),
    back: fc.integer({ min: fromBack, max: toBack }),
  }).chain(({ back, ...note }) => momentOn(daysBefore(AS_OF, back)).map((occurredAt): NoteFact => ({ ...note, occurredAt }))), { maxLength: 8 });
}

const recordOf = (result: PortfolioClassification, id: number) => result.accounts.find((r) => r.accountId === id)!;

/** What an account's classification holds that its own orders and lifecycle status alone decide. */
function ownFacts(record: AccountClassification) {
  const ownStatus = !['probable', 'unqualified'].includes(record.status.class);
  return {
    summary: record.summary,
    frequency: record.frequency,
    churnSignals: record.churnSignals,
    status: ownStatus ? record.status : 'probable or unqualified',
  };
}

describe('a portfolio classification', () => {
  it('never reads data after the as-of day: later orders and notes change nothing', () => {
    const arb = fc.record({ portfolio: portfolioArb(), settings: settingsArb, goals: goalsArb }).chain(({ portfolio, settings, goals }) => {
      const ids = portfolio.accounts.map((a) => a.id);
      return fc.record({
        later: fc.array(orderArb(ids, { fromBack: -500, toBack: -1 }), { minLength: 1, maxLength: 20 }),
        notes: notesArb(ids, 0, 800),
        laterNotes: notesArb(ids, -300, -1),
      }).chain(({ later, notes, laterNotes }) => interleavedArb(portfolio.orders, later).map((withLater) =>
        ({ portfolio, settings, goals, notes, laterNotes, withLater })));
    });
    fc.assert(fc.property(arb, ({ portfolio, settings, goals, notes, laterNotes, withLater }) => {
      const input = { asOf: AS_OF, accounts: portfolio.accounts, settings, goals };
      const before = classifyPortfolio({ ...input, orders: portfolio.orders, notes });
      const after = classifyPortfolio({ ...input, orders: withLater, notes: [...laterNotes, ...notes] });
      expect(after).toEqual(before);
    }), { numRuns: 50 });
  });

  it('gives an account the same summary, frequency, churn signals and own-order status whatever other accounts it sits with', () => {
    const arb = fc.record({ portfolio: portfolioArb(), others: portfolioArb({ firstId: 1000 }), settings: settingsArb });
    fc.assert(fc.property(arb, ({ portfolio, others, settings }) => {
      const alone = classifyPortfolio({ asOf: AS_OF, ...portfolio, settings });
      const together = classifyPortfolio({
        asOf: AS_OF, settings,
        accounts: [...others.accounts, ...portfolio.accounts],
        orders: [...portfolio.orders, ...others.orders],
      });
      for (const { id } of portfolio.accounts) expect(ownFacts(recordOf(together, id))).toEqual(ownFacts(recordOf(alone, id)));
    }), { numRuns: 50 });
  });

  it('changes nothing for the other accounts when accounts that never bought are added', () => {
    const arb = fc.record({ portfolio: portfolioArb(), idle: accountsArb(1000, { maxLength: 8 }), settings: settingsArb })
      .chain((drawn) => fc.array(orderArb(drawn.idle.map((a) => a.id), { fromBack: -200, toBack: -1 }), { maxLength: 5 })
        .map((afterAsOf) => ({ ...drawn, afterAsOf })));
    fc.assert(fc.property(arb, ({ portfolio, idle, settings, afterAsOf }) => {
      const alone = classifyPortfolio({ asOf: AS_OF, ...portfolio, settings });
      const withIdle = classifyPortfolio({
        asOf: AS_OF, settings, accounts: [...portfolio.accounts, ...idle], orders: [...portfolio.orders, ...afterAsOf],
      });
      for (const { id } of portfolio.accounts) expect(recordOf(withIdle, id)).toEqual(recordOf(alone, id));
      // The ranked analyses and the per-portfolio lists are the same; only the counts of `none` grow.
      const ranked = ({ portfolio }: PortfolioClassification) => {
        const { counts: _, ...tiers } = portfolio.volumeTiers;
        return { abc: portfolio.abc, rfm: portfolio.rfm, tiers, growth: portfolio.growth, inactive: portfolio.inactive, buyers: portfolio.buyers };
      };
      expect(ranked(withIdle)).toEqual(ranked(alone));
    }), { numRuns: 50 });
  });

  it('changes no status, ABC class ranked on the period or volume tier when accounts without revenue in the period are added', () => {
    // Accounts whose last purchase is more than two years old: no revenue over the last 12
    // months, not buying now. RFM ranks every buyer over its lifetime, so RFM scores may move;
    // the inactive accounts without revenue in the period are ranked among themselves, so theirs may too.
    const arb = fc.record({ portfolio: portfolioArb(), dormant: accountsArb(1000, { maxLength: 8 }) })
      .chain((drawn) => fc.array(orderArb(drawn.dormant.map((a) => a.id), { fromBack: 800, toBack: 1500 }), { maxLength: 12 })
        .map((old) => ({ ...drawn, old })));
    fc.assert(fc.property(arb, ({ portfolio, dormant, old }) => {
      const alone = classifyPortfolio({ asOf: AS_OF, ...portfolio });
      const withDormant = classifyPortfolio({ asOf: AS_OF, accounts: [...portfolio.accounts, ...dormant], orders: [...portfolio.orders, ...old] });
      for (const { id } of portfolio.accounts) {
        const [a, b] = [recordOf(alone, id), recordOf(withDormant, id)];
        expect([b.status, b.volumeTier]).toEqual([a.status, a.volumeTier]);
        if (a.abc.figures.ranking !== 'inactive') expect(b.abc).toEqual(a.abc);
      }
      expect(withDormant.portfolio.abc).toEqual(alone.portfolio.abc);
      expect(withDormant.portfolio.growth).toEqual(alone.portfolio.growth);
    }), { numRuns: 50 });
  });

  it('counts every account once in each breakdown, and the section shares of revenue add up to 100 %', () => {
    fc.assert(fc.property(portfolioArb(), settingsArb, ({ accounts, orders }, settings) => {
      const { portfolio, accounts: records } = classifyPortfolio({ asOf: AS_OF, accounts, orders, settings });
      const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      expect(total(portfolio.statuses)).toBe(accounts.length);
      expect(total(portfolio.frequencies)).toBe(accounts.length);
      expect(total(portfolio.volumeTiers.counts)).toBe(accounts.length);
      // The period's ranking and the inactive accounts' ranking share no account.
      expect(total(portfolio.abc.accounts) + total(portfolio.inactiveAbc.accounts)).toBe(records.filter((r) => r.abc.class !== 'none').length);
      expect(total(portfolio.inactiveAbc.accounts)).toBe(records.filter((r) => r.abc.figures.ranking === 'inactive' && r.abc.class !== 'none').length);
      expect(portfolio.rfm.scoredAccounts).toBe(portfolio.buyers);
      expect(total(portfolio.rfm.segments)).toBe(portfolio.buyers);
      const periodRevenue = records.reduce((sum, r) => sum + (settings.revenuePeriod === 'lifetime' ? r.summary.revenue : r.summary.revenueLast12Months), 0);
      for (const dimension of SECTION_DIMENSIONS) {
        const sections = portfolio.sections[dimension];
        expect(sections.reduce((sum, s) => sum + s.accounts, 0)).toBe(accounts.length);
        expect(sections.reduce((sum, s) => sum + s.revenue, 0)).toBe(periodRevenue);
        if (periodRevenue > 0) {
          const spread = sections.reduce((sum, s) => sum + Math.abs(s.revenueShare!), 0);
          expect(Math.abs(sections.reduce((sum, s) => sum + s.revenueShare!, 0) - 1)).toBeLessThanOrEqual(1e-12 * spread + 1e-12);
        }
      }
    }));
  });

  it('ranks the inactive accounts without revenue in the period as a sort and a running sum of their last active year say', () => {
    fc.assert(fc.property(portfolioArb(), settingsArb, ({ accounts, orders }, settings) => {
      const { accounts: records, portfolio } = classifyPortfolio({ asOf: AS_OF, accounts, orders, settings });
      const day = (order: OrderFact) => utcDay(order.orderedAt);
      const seen = orders.filter((o) => day(o) <= AS_OF);
      const window = settings.status?.activeWindowDays ?? 365;
      const quiet = accounts.flatMap((account) => {
        const own = seen.filter((o) => o.accountId === account.id);
        if (account.status === 'ex_customer' || own.length === 0) return [];
        const last = own.map(day).sort().at(-1)!;
        if (last > daysBefore(AS_OF, window)) return [];
        const inPeriod = own.filter((o) => settings.revenuePeriod === 'lifetime' || day(o) > daysBefore(AS_OF, 365)).reduce((sum, o) => sum + o.total, 0);
        if (inPeriod > 0) return [];
        const value = own.filter((o) => settings.revenuePeriod === 'lifetime' || day(o) > daysBefore(last, 365)).reduce((sum, o) => sum + o.total, 0);
        return [{ id: account.id, value }];
      });
      const ranked = quiet.filter((c) => c.value > 0).sort((a, b) => b.value - a.value || a.id - b.id);
      const total = ranked.reduce((sum, c) => sum + c.value, 0);
      let above = 0;
      const expected = new Map(quiet.map((c) => [c.id, 'none']));
      for (const c of ranked) {
        expected.set(c.id, above < 0.8 * total ? 'A' : above < 0.95 * total ? 'B' : 'C');
        above += c.value;
      }
      const actual = new Map(records.filter((r) => r.abc.figures.ranking === 'inactive').map((r) => [r.accountId, r.abc.class]));
      expect(actual).toEqual(expected);
      expect(portfolio.inactiveAbc.rankedAccounts).toBe(ranked.length);
      expect(portfolio.inactiveAbc.totalRevenue).toBe(total);
    }));
  });

  it('does not depend on the order in which accounts and orders are given', () => {
    const arb = portfolioArb().chain((portfolio) => fc.tuple(
      fc.constant(portfolio),
      fc.array(fc.nat(), { minLength: portfolio.accounts.length, maxLength: portfolio.accounts.length }),
      fc.array(fc.nat(), { minLength: portfolio.orders.length, maxLength: portfolio.orders.length }),
    ));
    const shuffle = <T>(items: readonly T[], keys: readonly number[]) =>
      items.map((item, i) => ({ item, key: keys[i]! })).sort((a, b) => a.key - b.key).map(({ item }) => item);
    fc.assert(fc.property(arb, settingsArb, ([portfolio, accountKeys, orderKeys], settings) => {
      const given = classifyPortfolio({ asOf: AS_OF, ...portfolio, settings });
      const shuffled = classifyPortfolio({
        asOf: AS_OF, settings, accounts: shuffle(portfolio.accounts, accountKeys), orders: shuffle<OrderFact>(portfolio.orders, orderKeys),
      });
      expect(shuffled).toEqual(given);
    }), { numRuns: 50 });
  });
});
