// The classifications on real data: the CDNOW cohort (23,570 customers who first bought in
// early 1997, and all their purchases to 30 June 1998), read from the shared reference copy.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMoney } from '../../domain/money.js';
import { type PortfolioClassification, classifyPortfolio } from './classify-portfolio.js';
import { summarizePortfolio } from './summarize.js';
import { account } from './testing/facts.js';
import type { OrderFact } from './types.js';

const MASTER = '/work/shared/data/cdnow/CDNOW_master.txt';

interface Row { customer: number; date: string; dollars: string }

function readRows(): Row[] {
  const lines = readFileSync(MASTER, 'utf8').split('\r\n').filter((line) => line.trim() !== '');
  return lines.slice(1).map((line, i) => {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    if (!id || !date || !dollars || !/^\d{8}$/.test(date)) throw new Error(`CDNOW_master.txt line ${i + 2} is malformed: "${line}"`);
    return { customer: Number(id), date, dollars };
  });
}

const rows = readRows();
const orders: OrderFact[] = rows.map((row) => ({
  accountId: row.customer,
  orderedAt: `${row.date.slice(0, 4)}-${row.date.slice(4, 6)}-${row.date.slice(6)}`,
  total: parseMoney(row.dollars),
}));
const customers = [...new Set(rows.map((row) => row.customer))].map((id) => account(id, { createdAt: '1997-01-01T00:00:00Z' }));

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

  it('ignores every purchase after the as-of day', () => {
    const early = summarizePortfolio(orders, '1997-09-30');
    const kept = rows.filter((row) => row.date <= '19970930');
    expect(early).toHaveLength(23_570);
    expect(early.reduce((sum, s) => sum + s.revenue, 0)).toBe(kept.reduce((sum, row) => sum + parseMoney(row.dollars), 0));
    expect(early.reduce((sum, s) => sum + s.orderCount, 0)).toBe(kept.length);
    expect(early.every((s) => s.lastPurchase! <= '1997-09-30')).toBe(true);
  });
});
