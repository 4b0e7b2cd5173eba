import { describe, expect, it } from 'vitest';
import { applyOrder, emptyHistory, removeOrder, summarizeAccount, summarizeHistory, summarizePortfolio } from './summarize.js';
import { order, seededRandom } from './testing/facts.js';
import type { OrderFact } from '../../domain/portfolio/facts.js';

describe('account summary', () => {
  const orders = [
    order(1, '2025-01-10', '100.00'),
    order(1, '2025-01-10T15:00:00Z', '50.00'),
    order(1, '2025-03-01', '30.00'),
    order(1, '2025-03-31', '20.01'),
    order(1, '2026-01-20', '10.00'),
  ];

  it('counts orders, revenue, first and last purchase and the average ticket', () => {
    const summary = summarizeAccount(1, orders, '2026-02-01');
    expect(summary).toMatchObject({
      accountId: 1, asOf: '2026-02-01', orderCount: 5, purchaseDayCount: 4, revenue: 21001,
      averageTicket: 4200, firstPurchase: '2025-01-10', lastPurchase: '2026-01-20', daysSinceLastPurchase: 12,
    });
  });

  it('merges same-day orders into one purchase before measuring the gaps between purchases', () => {
    const summary = summarizeAccount(1, orders, '2026-02-01');
    // Gaps: 50 days (10 Jan to 1 Mar), 30 days, 295 days.
    expect(summary.meanGapDays).toBeCloseTo((50 + 30 + 295) / 3);
    expect(summary.medianGapDays).toBe(50);
  });

  it('splits revenue between the last 365 days and the 365 before them', () => {
    const summary = summarizeAccount(1, orders, '2026-03-01');
    // 1 March 2025 is exactly 365 days before: it belongs to the previous year.
    expect(summary.revenueLast12Months).toBe(2001 + 1000);
    expect(summary.purchasesLast12Months).toBe(2);
    expect(summary.revenuePrevious12Months).toBe(15000 + 3000);
    expect(summary.purchasesPrevious12Months).toBe(2);
  });

  it('ignores every order after the as-of day but keeps the whole of that day', () => {
    const summary = summarizeAccount(1, orders, '2025-03-01');
    expect(summary.orderCount).toBe(3);
    expect(summary.revenue).toBe(18000);
    expect(summary.lastPurchase).toBe('2025-03-01');
    expect(summary.daysSinceLastPurchase).toBe(0);
    expect(summarizeAccount(1, orders, '2025-01-09')).toMatchObject({
      orderCount: 0, revenue: 0, averageTicket: null, firstPurchase: null, meanGapDays: null, medianGapDays: null,
    });
  });

  it('leaves out accounts whose orders all come after the as-of day', () => {
    const summaries = summarizePortfolio([...orders, order(2, '2026-06-01', '5.00')], '2026-02-01');
    expect(summaries.map((s) => s.accountId)).toEqual([1]);
  });
});

describe('incremental maintenance', () => {
  function randomOrders(count: number, random: () => number): OrderFact[] {
    return Array.from({ length: count }, () => {
      const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 900) * 86_400_000);
      const amount = (Math.floor(random() * 50_000) / 100).toFixed(2);
      return order(7, day.toISOString(), amount);
    });
  }

  it('folding orders one by one, in any order, equals the summary rebuilt from scratch', () => {
    const random = seededRandom(42);
    const orders = randomOrders(300, random);
    const shuffled = [...orders].sort(() => random() - 0.5);
    const folded = shuffled.reduce(applyOrder, emptyHistory(7));
    for (const asOf of ['2023-06-30', '2024-01-01', '2025-12-31']) {
      expect(summarizeHistory(folded, asOf)).toEqual(summarizeAccount(7, orders, asOf));
    }
  });

  it('removing orders gives the summary of the orders that remain', () => {
    const random = seededRandom(7);
    const orders = randomOrders(120, random);
    let history = orders.reduce(applyOrder, emptyHistory(7));
    const removed = orders.filter(() => random() < 0.4);
    for (const gone of removed) history = removeOrder(history, gone);
    const kept = orders.filter((o) => !removed.includes(o));
    expect(summarizeHistory(history, '2026-01-01')).toEqual(summarizeAccount(7, kept, '2026-01-01'));
  });

  it('leaves the history it was given untouched', () => {
    const history = applyOrder(emptyHistory(1), order(1, '2025-01-01', '1.00'));
    applyOrder(history, order(1, '2025-01-01', '2.00'));
    expect(history.days).toEqual([{ day: '2025-01-01', orders: 1, revenue: 100 }]);
  });

  it('refuses an order of another account and the removal of an order never applied', () => {
    expect(() => applyOrder(emptyHistory(1), order(2, '2025-01-01', '1.00'))).toThrow(/account 2/);
    expect(() => removeOrder(emptyHistory(1), order(1, '2025-01-01', '1.00'))).toThrow(/no order on 2025-01-01/);
  });
});
