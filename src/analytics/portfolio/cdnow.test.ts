// The classifications on real data: the CDNOW cohort (23,570 customers who first bought in
// early 1997, and all their purchases to 30 June 1998), read from the shared reference copy.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMoney } from '../../domain/money.js';
import { type PortfolioClassification, classifyPortfolio } from './classify-portfolio.js';
import { summarizePortfolio } from './summarize.js';
import { type PlainCustomer, cdnowDay, medianOf, plainCustomers, plainScores, readCdnowRows } from './testing/cdnow-plain.js';
import { account } from './testing/facts.js';
import type { OrderFact } from '../../domain/portfolio/facts.js';

const rows = readCdnowRows();
const orders: OrderFact[] = rows.map((row) => ({
  accountId: row.customer,
  orderedAt: `${row.date.slice(0, 4)}-${row.date.slice(4, 6)}-${row.date.slice(6)}`,
  total: parseMoney(row.dollars),
}));
// Each customer began with its first purchase, as the store reads an imported account's start.
const firstPurchase = new Map<number, string>();
for (const order of orders) if (!(firstPurchase.get(order.accountId)! <= order.orderedAt)) firstPurchase.set(order.accountId, order.orderedAt);
const customers = [...firstPurchase].map(([id, day]) => account(id, { since: `${day}T00:00:00Z` }));

const END = cdnowDay('19980630');
const plainCustomersOf = () => plainCustomers(rows, END);

describe('the CDNOW cohort', () => {
  it('reads every transaction into exact cents', () => {
    expect(orders).toHaveLength(69_659);
    expect(orders.reduce((sum, o) => sum + o.total, 0)).toBe(250_031_563);
  });

  it('summarises all 23,570 customers with the whole revenue', () => {
    const summaries = summarizePortfolio(orders, '1998-06-30');
    expect(summaries).toHaveLength(23_570);
    expect(summaries.reduce((sum, s) => sum + s.revenue, 0)).toBe(250_031_563);
    expect(summaries.reduce((sum, s) => sum + s.orderCount, 0)).toBe(69_659);
    expect(summaries.every((s) => s.firstPurchase! < '1997-04-01')).toBe(true);
  });

  let result: PortfolioClassification;
  let records: PortfolioClassification['accounts'];
  beforeAll(() => {
    result = classifyPortfolio({ asOf: '1998-06-30', accounts: customers, orders, settings: { revenuePeriod: 'lifetime' } });
    records = result.accounts;
  });

  it('counts as active exactly the customers who bought after 30 June 1997', () => {
    const boughtSince = new Set(rows.filter((row) => row.date > '19970630').map((row) => row.customer));
    const active = records.filter((r) => r.status.class === 'active' || r.status.class === 'current');
    expect(active).toHaveLength(boughtSince.size);
    expect(boughtSince.size).toBe(8_332);
    expect(active.every((r) => boughtSince.has(r.accountId))).toBe(true);
    expect(result.portfolio.statuses.inactive).toBe(23_570 - 8_332);
  });

  it('partitions every customer with revenue into A, B and C, A holding 80 % plus at most its last account', () => {
    const abc = result.portfolio.abc;
    const withRevenue = records.filter((r) => r.summary.revenue > 0);
    expect(abc.accounts.A + abc.accounts.B + abc.accounts.C).toBe(withRevenue.length);
    expect(withRevenue.every((r) => r.abc.class !== 'none')).toBe(true);
    expect(records.filter((r) => r.abc.class === 'none').every((r) => r.summary.revenue === 0)).toBe(true);
    expect(abc.revenue.A + abc.revenue.B + abc.revenue.C).toBe(250_031_563);
    const lastA = records.filter((r) => r.abc.class === 'A').sort((a, b) => (b.abc.figures.rank as number) - (a.abc.figures.rank as number))[0]!;
    const shareA = abc.revenue.A / abc.totalRevenue;
    expect(shareA).toBeGreaterThanOrEqual(0.8);
    expect(shareA).toBeLessThanOrEqual(0.8 + lastA.summary.revenue / abc.totalRevenue);
    expect(abc.gini).toBeGreaterThan(0);
    expect(abc.gini).toBeLessThan(1);
    // The top fifth of customers bring most of the revenue, as in most retail bases.
    expect(abc.topRevenueShare).toBeGreaterThan(0.5);
    expect(abc.chart.at(-1)).toEqual({ accountShare: 1, revenueShare: 1 });
  });

  it('scores RFM 1 to 5 in near-equal quintiles where values rarely tie, and ties together where they do', () => {
    const { scoreCounts, scoredAccounts } = result.portfolio.rfm;
    expect(scoredAccounts).toBe(23_570);
    for (const counts of [scoreCounts.r, scoreCounts.m]) {
      for (const count of counts) {
        expect(count / scoredAccounts).toBeGreaterThan(0.15);
        expect(count / scoredAccounts).toBeLessThan(0.25);
      }
    }
    // Most customers bought once: all of them share the lowest frequency score.
    const fByOrders = new Map<number, Set<number>>();
    for (const r of records) {
      const scores = fByOrders.get(r.summary.orderCount) ?? new Set();
      scores.add(r.rfm.figures.frequency as number);
      fByOrders.set(r.summary.orderCount, scores);
    }
    expect([...fByOrders.values()].every((scores) => scores.size === 1)).toBe(true);
    expect([...fByOrders.get(1)!]).toEqual([1]);
    const inRange = (r: (typeof records)[number]) => ['recency', 'frequency', 'monetary']
      .every((key) => [1, 2, 3, 4, 5].includes(r.rfm.figures[key] as number));
    expect(records.every(inRange)).toBe(true);
  });

  describe('checked against a plain computation from the rows', () => {
    const plain = plainCustomersOf();
    const recordOf = new Map<number, PortfolioClassification['accounts'][number]>();
    beforeAll(() => { for (const r of records) recordOf.set(r.accountId, r); });

    it('gives every customer the revenue, orders, purchase days and last purchase of its rows', () => {
      expect(plain).toHaveLength(23_570);
      for (const c of plain) {
        const { summary } = recordOf.get(c.customer)!;
        expect([summary.revenue, summary.orderCount, summary.purchaseDayCount]).toEqual([c.revenue, c.orders, c.days.size]);
        expect(summary.daysSinceLastPurchase).toBe(END - Math.max(...c.days.keys()));
      }
    });

    it('calls every active customer current: all first bought in early 1997, inside the window before', () => {
      // The active window is 1 July 1997 to 30 June 1998; the one before starts 1 July 1996.
      const inWindow = plain.filter((c) => [...c.days.keys()].some((d) => d > END - 365)).length;
      expect(result.portfolio.statuses).toMatchObject({ current: inWindow, active: 0, inactive: 23_570 - inWindow });
    });

    it('classes A, B and C as a sort and a running sum of revenue say', () => {
      const ranked = plain.filter((c) => c.revenue > 0).sort((a, b) => b.revenue - a.revenue || a.customer - b.customer);
      const total = ranked.reduce((sum, c) => sum + c.revenue, 0);
      const counts = { A: 0, B: 0, C: 0 };
      const revenue = { A: 0, B: 0, C: 0 };
      let above = 0;
      for (const c of ranked) {
        const abc = 100 * above < 80 * total ? 'A' : 100 * above < 95 * total ? 'B' : 'C';
        counts[abc] += 1;
        revenue[abc] += c.revenue;
        expect(recordOf.get(c.customer)!.abc.class).toBe(abc);
        above += c.revenue;
      }
      expect(result.portfolio.abc.accounts).toEqual(counts);
      expect(result.portfolio.abc.revenue).toEqual(revenue);
      expect(result.portfolio.abc.rankedAccounts).toBe(ranked.length);
      expect(plain.length - ranked.length).toBe(records.filter((r) => r.abc.class === 'none').length);

      // The top 20 % of ranked customers, a fraction of the next one counting in part.
      const top = 0.2 * ranked.length;
      const whole = Math.floor(top);
      const topRevenue = ranked.slice(0, whole).reduce((sum, c) => sum + c.revenue, 0) + (top - whole) * (ranked[whole]?.revenue ?? 0);
      expect(result.portfolio.abc.topRevenueShare).toBeCloseTo(topRevenue / total, 12);

      // Gini as one minus twice the area under the Lorenz curve, by trapezoids.
      const ascending = ranked.map((c) => c.revenue).reverse();
      let cumulative = 0;
      let area = 0;
      for (const r of ascending) {
        const previous = cumulative;
        cumulative += r;
        area += (previous + cumulative) / total / 2 / ascending.length;
      }
      expect(result.portfolio.abc.gini).toBeCloseTo(1 - 2 * area, 10);
    });

    it('puts each customer in the volume tier its revenue against the mean revenue says', () => {
      const withRevenue = plain.filter((c) => c.revenue > 0);
      const n = withRevenue.length;
      const total = withRevenue.reduce((sum, c) => sum + c.revenue, 0);
      // Revenue at least k times the mean: revenue × n ≥ k × total, with k = 3, 1.5 and 0.5.
      const tier = (r: number) => (r <= 0 ? 'none' : r * n >= 3 * total ? 'very_high' : 2 * r * n >= 3 * total ? 'high' : 2 * r * n >= total ? 'average' : 'low');
      const counts = { very_high: 0, high: 0, average: 0, low: 0, none: 0 };
      for (const c of plain) counts[tier(c.revenue)] += 1;
      expect(result.portfolio.volumeTiers.counts).toEqual(counts);
    });

    it('scores RFM quintiles as their definition, counted plainly, says', () => {
      const last = (c: PlainCustomer) => END - Math.max(...c.days.keys());
      const r = plainScores(plain.map(last), 'lower');
      const f = plainScores(plain.map((c) => c.orders), 'higher');
      const m = plainScores(plain.map((c) => c.revenue), 'higher');
      const count = (scores: number[]) => [1, 2, 3, 4, 5].map((s) => scores.filter((x) => x === s).length);
      expect(result.portfolio.rfm.scoreCounts).toEqual({ r: count(r), f: count(f), m: count(m) });
      plain.forEach((c, i) => expect(recordOf.get(c.customer)!.rfm.figures).toMatchObject({ recency: r[i], frequency: f[i], monetary: m[i] }));
      expect(result.portfolio.rfm.segments.champions).toBe(plain.filter((_, i) => r[i]! >= 4 && f[i]! >= 4 && m[i]! >= 4).length);
    });

    it('classes purchase frequency by the median gap between purchase days', () => {
      const counts = { frequent: 0, regular: 0, occasional: 0, one_time: 0, none: 0 };
      for (const c of plain) {
        const days = [...c.days.keys()].sort((a, b) => a - b);
        const gap = medianOf(days.slice(1).map((d, i) => d - days[i]!));
        counts[gap === null ? 'one_time' : gap <= 30 ? 'frequent' : gap <= 90 ? 'regular' : 'occasional'] += 1;
      }
      expect(result.portfolio.frequencies).toEqual(counts);
    });

    it('raises the churn signals their definitions give on the customers buying now', () => {
      const signals = { overdue_repurchase: 0, shrinking_purchase_value: 0, revenue_drop: 0, shrinking_frequency: 0 };
      for (const c of plain) {
        const days = [...c.days.keys()].sort((a, b) => a - b);
        if (days.at(-1)! <= END - 365) continue;
        const gap = medianOf(days.slice(1).map((d, i) => d - days[i]!));
        const since = END - days.at(-1)!;
        if (days.length >= 3 && gap! > 0 && since > 2 * gap!) signals.overdue_repurchase += 1;
        if (days.length >= 6) {
          const values = days.map((d) => c.days.get(d)!);
          const recent = values.slice(-3).reduce((a, b) => a + b, 0);
          const earlier = values.slice(-6, -3).reduce((a, b) => a + b, 0);
          if (earlier > 0 && 10 * recent < 7 * earlier) signals.shrinking_purchase_value += 1;
        }
        const lastYear = days.filter((d) => d > END - 365);
        const yearBefore = days.filter((d) => d <= END - 365 && d > END - 730);
        const sum = (list: number[]) => list.reduce((total, d) => total + c.days.get(d)!, 0);
        if (sum(yearBefore) > 0 && 10 * sum(lastYear) < 7 * sum(yearBefore)) signals.revenue_drop += 1;
        if (yearBefore.length >= 2 && 10 * lastYear.length < 7 * yearBefore.length) signals.shrinking_frequency += 1;
      }
      // Without a fitted BG/NBD model no account is flagged as probably leaving.
      expect(result.portfolio.churn.signals).toEqual({ ...signals, probably_leaving: 0 });
      expect(Object.values(signals).every((count) => count > 0)).toBe(true);
    });
  });

  it('ignores every purchase after the as-of day', () => {
    const early = summarizePortfolio(orders, '1997-09-30');
    const kept = rows.filter((row) => row.date <= '19970930');
    expect(early).toHaveLength(23_570);
    expect(early.reduce((sum, s) => sum + s.revenue, 0)).toBe(kept.reduce((sum, row) => sum + parseMoney(row.dollars), 0));
    expect(early.reduce((sum, s) => sum + s.orderCount, 0)).toBe(kept.length);
    expect(early.every((s) => s.lastPurchase! <= '1997-09-30')).toBe(true);
  });
});
