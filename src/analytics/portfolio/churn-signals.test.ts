import { describe, expect, it } from 'vitest';
import { churnSignals } from './churn-signals.js';
import { DEFAULT_PORTFOLIO_SETTINGS, resolvePortfolioSettings } from './settings.js';
import { summarizeAccount } from './summarize.js';
import { order } from './testing/facts.js';
import type { OrderFact } from './types.js';

const asOf = '2026-06-30';
const signalsOf = (orders: OrderFact[], settings = DEFAULT_PORTFOLIO_SETTINGS) =>
  churnSignals(summarizeAccount(1, orders, asOf), settings);
const kinds = (orders: OrderFact[], settings = DEFAULT_PORTFOLIO_SETTINGS) => signalsOf(orders, settings).map((s) => s.kind);

/** Purchases every `gap` days ending `lastDaysAgo` days before asOf, oldest first. */
function every(gap: number, count: number, lastDaysAgo: number, total = '100.00'): OrderFact[] {
  return Array.from({ length: count }, (_, i) => {
    const back = lastDaysAgo + (count - 1 - i) * gap;
    return order(1, new Date(Date.UTC(2026, 5, 30) - back * 86_400_000).toISOString(), total);
  });
}

describe('churn signals', () => {
  it('flags a repurchase overdue beyond twice the usual gap, with the reason in words', () => {
    const signals = signalsOf(every(51, 4, 142));
    expect(signals.map((s) => s.kind)).toEqual(['overdue_repurchase']);
    expect(signals[0]!.reason).toBe('No purchase for 142 days, 2.8× its usual 51-day gap.');
    expect(kinds(every(51, 4, 100))).toEqual([]);
  });

  it('does not call a repurchase overdue on a single gap', () => {
    expect(kinds(every(20, 2, 200))).not.toContain('overdue_repurchase');
    expect(kinds(every(20, 2, 200), resolvePortfolioSettings({ churn: { minGapsForOverdue: 1 } }))).toContain('overdue_repurchase');
  });

  it('flags purchase values shrinking over the last purchases', () => {
    const orders = [...every(30, 3, 100, '100.00'), ...every(30, 3, 10, '60.00')];
    const signal = signalsOf(orders).find((s) => s.kind === 'shrinking_purchase_value')!;
    expect(signal.reason).toBe('Its last 3 purchases averaged 60.00, 40 % less than the 3 before (100.00).');
    expect(kinds([...every(30, 3, 100, '100.00'), ...every(30, 3, 10, '80.00')])).not.toContain('shrinking_purchase_value');
  });

  it('flags revenue falling from one 12-month period to the next', () => {
    const orders = [order(1, '2025-03-01', '1000.00'), order(1, '2026-03-01', '400.00')];
    const signal = signalsOf(orders).find((s) => s.kind === 'revenue_drop')!;
    expect(signal.reason).toBe('Revenue over the last 12 months of 400.00, down 60 % from 1000.00 in the 12 months before.');
    expect(kinds([order(1, '2025-03-01', '1000.00'), order(1, '2026-03-01', '800.00')])).not.toContain('revenue_drop');
  });

  it('flags fewer purchase days than in the year before', () => {
    const orders = [...every(30, 8, 400), ...every(30, 2, 20)];
    const signal = signalsOf(orders).find((s) => s.kind === 'shrinking_frequency')!;
    expect(signal.reason).toBe('Bought on 2 days in the last 12 months against 8 in the 12 months before, down 75 %.');
    expect(signal.figures).toMatchObject({ purchasesLast12Months: 2, purchasesPrevious12Months: 8 });
  });

  it('stays quiet for a steady customer', () => {
    expect(kinds(every(30, 24, 5))).toEqual([]);
  });
});
