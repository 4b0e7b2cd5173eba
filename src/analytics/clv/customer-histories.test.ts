import { describe, expect, it } from 'vitest';
import { cents } from '../../domain/money.js';
import { dayFromNumber } from '../portfolio/calendar.js';
import type { PurchaseHistory } from '../../domain/portfolio/facts.js';
import { distinctTriples, summarizeHistories } from './customer-histories.js';
import { distinctKeys } from './distinct-keys.js';
import { collapseToPurchaseDays, summarizePurchases } from './summarize-transactions.js';
import { CDNOW_CALIBRATION_END, hasCdnow, readCdnowSampleTransactions } from './testing/cdnow.js';

const day = (date: string, revenue: number, orders = 1) => ({ day: date, orders, revenue: cents(revenue) });

describe('summarizeHistories', () => {
  const histories: PurchaseHistory[] = [
    { accountId: 7, days: [day('2024-01-01', 1000), day('2024-01-11', 500, 2), day('2024-01-21', 1500), day('2024-02-10', 999)] },
    { accountId: 8, days: [day('2024-02-01', 1000)] },
    { accountId: 9, days: [day('2024-01-31', 4200)] },
    { accountId: 10, days: [] },
  ];

  it('counts later purchase days as repeats, measures from the first day, and averages repeat days only', () => {
    const summary = summarizeHistories(histories, '2024-01-31', 'days');
    expect([...summary.accountIds]).toEqual([7, 9]);
    expect([...summary.x]).toEqual([2, 0]);
    expect([...summary.recencyDays]).toEqual([20, 0]);
    expect([...summary.ageDays]).toEqual([30, 0]);
    // (500 + 1500) / 2: the first day's 1000 is not a repeat purchase, and 10 February is after asOf.
    expect([...summary.meanValue]).toEqual([1000, 0]);
  });

  it('reads a day as a whole: a purchase on asOf counts', () => {
    const summary = summarizeHistories(histories, '2024-02-10', 'weeks');
    expect(summary.x[0]).toBe(3);
    expect(summary.recencyDays[0]).toBe(40);
    expect(summary.meanValue[0]).toBe((500 + 1500 + 999) / 3);
  });

  it('names a bad as-of day', () => {
    expect(() => summarizeHistories(histories, '2024-02-30', 'days')).toThrow(/asOf must be a date written YYYY-MM-DD, got "2024-02-30"/);
  });
});

describe.skipIf(!hasCdnow)('summarizeHistories on the CDNOW sample', () => {
  it('gives every customer the x, t_x, T and mean of summarizePurchases', () => {
    const purchases = collapseToPurchaseDays(readCdnowSampleTransactions());
    const histories: PurchaseHistory[] = purchases.map(({ customerId, days }) => ({
      accountId: Number(customerId),
      days: days.map((d) => ({ day: dayFromNumber(d.day), orders: 1, revenue: cents(d.amount) })),
    }));
    const summary = summarizeHistories(histories, CDNOW_CALIBRATION_END, 'weeks');
    const reference = summarizePurchases(purchases, { calibrationEnd: CDNOW_CALIBRATION_END, unit: 'weeks' });
    expect(summary.x).toHaveLength(reference.length);
    reference.forEach((r, i) => {
      expect(summary.accountIds[i]).toBe(Number(r.customerId));
      expect(summary.x[i]).toBe(r.x);
      expect(summary.recencyDays[i]! / 7).toBeCloseTo(r.tx, 12);
      expect(summary.ageDays[i]! / 7).toBeCloseTo(r.T, 12);
      expect(summary.meanValue[i]).toBeCloseTo(r.meanValue, 9);
    });
  });
});

describe('distinctTriples', () => {
  it('merges customers with the same history and points each customer at theirs', () => {
    const customers = summarizeHistories([
      { accountId: 1, days: [day('2024-01-01', 100), day('2024-01-05', 100)] },
      { accountId: 2, days: [day('2024-01-10', 100)] },
      { accountId: 3, days: [day('2024-01-01', 100), day('2024-01-05', 300)] },
      { accountId: 4, days: [day('2024-01-10', 100)] },
      { accountId: 5, days: [day('2024-01-03', 100)] },
    ], '2024-01-15', 'weeks');
    const { prepared, tripleOf } = distinctTriples(customers);
    expect([...tripleOf]).toEqual([0, 1, 0, 1, 2]);
    expect([...prepared.weight]).toEqual([2, 2, 1]);
    expect(prepared.totalWeight).toBe(5);
    const triple = (j: number) => ({
      x: prepared.frequencies[prepared.frequencyIndex[j]!], tx: prepared.times[prepared.recencyIndex[j]!], T: prepared.times[prepared.ageIndex[j]!],
    });
    expect(triple(0)).toEqual({ x: 1, tx: 4 / 7, T: 14 / 7 });
    expect(triple(1)).toEqual({ x: 0, tx: 0, T: 5 / 7 });
    expect(triple(2)).toEqual({ x: 0, tx: 0, T: 12 / 7 });
    expect([...prepared.frequencyWeight]).toEqual([3, 2]);
  });
});

describe('distinctKeys', () => {
  it('numbers distinct keys in order of first appearance and counts them, beyond 32 bits too', () => {
    const big = 2 ** 52 + 3;
    const { indexOf, firstAt, counts } = distinctKeys(Float64Array.from([5, big, 5, 0, big, 5, 2 ** 32 + 5]));
    expect([...indexOf]).toEqual([0, 1, 0, 2, 1, 0, 3]);
    expect([...firstAt]).toEqual([0, 1, 3, 6]);
    expect([...counts]).toEqual([3, 2, 1, 1]);
  });

  it('keeps 100,000 keys sharing their low bits apart', () => {
    const keys = Float64Array.from({ length: 100_000 }, (_, i) => (i % 25_000) * 1024);
    const { indexOf, counts } = distinctKeys(keys);
    expect(counts).toHaveLength(25_000);
    expect([...counts].every((c) => c === 4)).toBe(true);
    expect(indexOf[25_000]).toBe(0);
  });
});
