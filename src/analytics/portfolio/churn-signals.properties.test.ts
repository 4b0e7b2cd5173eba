import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../../domain/money.js';
import { daysBefore } from './calendar.js';
import { churnSignals } from './churn-signals.js';
import { resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { AS_OF, habitArb, orderArb } from './testing/arbitraries.js';

/** Whole percents, often the round ones people set, which falls of whole counts land on. */
const percentArb = fc.oneof(fc.integer({ min: 1, max: 99 }), fc.constantFrom(10, 20, 25, 30, 40, 50, 60, 75));

/** Settings in whole percents and tenths, so each rule has an exact statement in whole numbers. */
const settingsArb = fc.record({
  multipleTenths: fc.oneof(fc.integer({ min: 11, max: 40 }), fc.constantFrom(12, 14, 15, 20, 25)),
  minGapsForOverdue: fc.integer({ min: 1, max: 4 }),
  valueTrendPurchases: fc.integer({ min: 1, max: 4 }),
  valuePercent: percentArb,
  revenuePercent: percentArb,
  frequencyPercent: percentArb,
  minPreviousPurchases: fc.integer({ min: 1, max: 5 }),
});
type ChurnSettings = typeof settingsArb extends fc.Arbitrary<infer T> ? T : never;

const purchase = (back: number, total: number) => ({ accountId: 1, orderedAt: daysBefore(AS_OF, back), total: cents(total) });

/**
 * One account's orders: habits that may shrink and scattered purchases; or purchases of one
 * value on k days of the year before and j of the last year (falls of j/k); or a steady habit
 * whose last purchase is about the overdue multiple of its gap away.
 */
const ordersArb = (c: ChurnSettings) => fc.oneof(
  fc.tuple(fc.array(habitArb([1], AS_OF), { minLength: 1, maxLength: 2 }), fc.array(orderArb([1]), { maxLength: 10 }))
    .map(([habits, scattered]) => [...habits.flat(), ...scattered]),
  fc.record({ before: fc.integer({ min: 1, max: 12 }), now: fc.integer({ min: 0, max: 12 }), total: fc.integer({ min: 1, max: 100_000 }) })
    .map(({ before, now, total }) => [
      ...Array.from({ length: before }, (_, i) => purchase(370 + i * 30, total)),
      ...Array.from({ length: now }, (_, i) => purchase(5 + i * 30, total)),
    ]),
  fc.record({ gap: fc.constantFrom(10, 20, 30, 45, 50), count: fc.integer({ min: 2, max: 6 }), off: fc.integer({ min: -1, max: 1 }) })
    .map(({ gap, count, off }) => {
      const last = Math.max(0, Math.round((c.multipleTenths * gap) / 10) + off);
      return Array.from({ length: count }, (_, i) => purchase(last + i * gap, 10_000));
    }),
);

describe('churn signals, for any account and settings', () => {
  it('are raised exactly when their rules, worked in whole numbers, say so', () => {
    const arb = settingsArb.chain((c) => ordersArb(c).map((orders) => ({ c, orders })));
    fc.assert(fc.property(arb, ({ c, orders }) => {
      const settings = resolvePortfolioSettings({
        churn: {
          overdueGapMultiple: c.multipleTenths / 10, minGapsForOverdue: c.minGapsForOverdue, valueTrendPurchases: c.valueTrendPurchases,
          valueDropShare: c.valuePercent / 100, revenueDropShare: c.revenuePercent / 100, frequencyDropShare: c.frequencyPercent / 100,
          minPreviousPurchases: c.minPreviousPurchases,
        },
      });
      const s = summarizeAccount(1, orders, AS_OF);
      const expected: string[] = [];
      // A median gap is whole or half a day, so twice it is whole.
      const twiceGap = s.medianGapDays === null ? null : 2 * s.medianGapDays;
      if (twiceGap !== null && twiceGap > 0 && s.purchaseDayCount - 1 >= c.minGapsForOverdue
        && 20 * s.daysSinceLastPurchase! > c.multipleTenths * twiceGap) expected.push('overdue_repurchase');
      const n = c.valueTrendPurchases;
      if (s.purchases.length >= 2 * n) {
        const recent = s.purchases.slice(-n).reduce((sum, p) => sum + p.revenue, 0);
        const earlier = s.purchases.slice(-2 * n, -n).reduce((sum, p) => sum + p.revenue, 0);
        if (earlier > 0 && 100 * (earlier - recent) > c.valuePercent * earlier) expected.push('shrinking_purchase_value');
      }
      const [last, previous] = [s.revenueLast12Months, s.revenuePrevious12Months];
      if (previous > 0 && 100 * (previous - last) > c.revenuePercent * previous) expected.push('revenue_drop');
      const [now, before] = [s.purchasesLast12Months, s.purchasesPrevious12Months];
      if (before >= c.minPreviousPurchases && 100 * (before - now) > c.frequencyPercent * before) expected.push('shrinking_frequency');
      expect(churnSignals(s, settings).map((signal) => signal.kind)).toEqual(expected);
    }), { numRuns: 300 });
  });
});
