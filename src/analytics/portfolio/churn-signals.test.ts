import { describe, expect, it } from 'vitest';
import { aliveSignal, churnSignals } from './churn-signals.js';
import { DEFAULT_PORTFOLIO_SETTINGS, resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { order } from './testing/facts.js';
import type { OrderFact } from '../../domain/portfolio/facts.js';

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

  it('raises nothing for a fall of exactly the share set, only beyond it', () => {
    // 10 purchase days of 100.00 in the year before, 7 in the last year: revenue and frequency both fall by exactly 30 %.
    expect(kinds([...every(30, 10, 400), ...every(30, 7, 20)])).toEqual([]);
    expect(kinds([...every(30, 10, 400), ...every(30, 6, 20)])).toEqual(['revenue_drop', 'shrinking_frequency']);
    // Purchases of 100.00, 100.00, 100.00 then 70.00, 70.00, 70.00: exactly 30 % less.
    expect(kinds([...every(10, 3, 60, '100.00'), ...every(10, 3, 0, '70.00')])).not.toContain('shrinking_purchase_value');
    expect(kinds([...every(10, 3, 60, '100.00'), ...every(10, 3, 0, '69.99')])).toContain('shrinking_purchase_value');
  });

  it('calls a repurchase overdue only past the multiple set, however it rounds', () => {
    const settings = resolvePortfolioSettings({ churn: { overdueGapMultiple: 1.4 } });
    // A 45-day habit: 63 days is exactly 1.4 times it.
    expect(kinds(every(45, 4, 63), settings)).toEqual([]);
    expect(kinds(every(45, 4, 64), settings)).toEqual(['overdue_repurchase']);
  });

  it('follows the other churn settings', () => {
    const overdue = every(51, 4, 142);
    expect(kinds(overdue, resolvePortfolioSettings({ churn: { overdueGapMultiple: 3 } }))).toEqual([]);
    const dropping = [...every(30, 8, 400), ...every(30, 2, 20)];
    expect(kinds(dropping, resolvePortfolioSettings({ churn: { revenueDropShare: 0.8, frequencyDropShare: 0.8 } }))).toEqual([]);
    expect(kinds(dropping, resolvePortfolioSettings({ churn: { minPreviousPurchases: 9 } }))).toEqual(['revenue_drop']);
    // Over the last 2 purchases instead of 3: 100, 100, 100, 100 then 60, 60 compares 60 with 100.
    const shrinking = [...every(10, 4, 40, '100.00'), ...every(10, 2, 0, '60.00')];
    expect(kinds(shrinking)).toEqual([]);
    expect(kinds(shrinking, resolvePortfolioSettings({ churn: { valueTrendPurchases: 2 } }))).toEqual(['shrinking_purchase_value']);
    expect(kinds(shrinking, resolvePortfolioSettings({ churn: { valueTrendPurchases: 2, valueDropShare: 0.5 } }))).toEqual([]);
  });

  it('stays quiet for a steady customer', () => {
    expect(kinds(every(30, 24, 5))).toEqual([]);
  });
});

describe('the probably-leaving signal', () => {
  const settings = resolvePortfolioSettings({ churn: { aliveBelow: 0.4 } });
  it('is raised for an A or B account whose probability of being alive is below the threshold, with the figures in words', () => {
    expect(aliveSignal(0.25, 'A', settings)).toEqual({
      kind: 'probably_leaving',
      reason: 'A class-A account with only a 25 % chance of still buying from us (below 40 %), by its purchase rhythm.',
      figures: { pAlive: 0.25, aliveBelow: 0.4, abc: 'A' },
    });
    expect(aliveSignal(0.39, 'B', settings)?.kind).toBe('probably_leaving');
  });
  it('is not raised at or above the threshold, for C accounts, or without a model', () => {
    expect(aliveSignal(0.4, 'A', settings)).toBeNull();
    expect(aliveSignal(0.1, 'C', settings)).toBeNull();
    expect(aliveSignal(null, 'A', settings)).toBeNull();
  });
});
