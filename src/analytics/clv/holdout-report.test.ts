import { describe, expect, it } from 'vitest';
import { cents } from '../../domain/money.js';
import { dayFromNumber } from '../portfolio/calendar.js';
import type { PurchaseHistory } from '../../domain/portfolio/facts.js';
import { fitBgnbd } from './bgnbd-fit.js';
import { conditionalExpectedPurchases } from './bgnbd-predictions.js';
import { holdoutReport } from './holdout-report.js';
import { collapseToPurchaseDays, summarizePurchases } from './summarize-transactions.js';
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, hasCdnow, readCdnowSampleTransactions } from './testing/cdnow.js';

const day = (date: string, revenue = 100) => ({ day: date, orders: 1, revenue: cents(revenue) });

describe('holdoutReport', () => {
  const histories: PurchaseHistory[] = [
    { accountId: 1, days: [day('2024-01-01'), day('2024-01-10'), day('2024-01-20'), day('2024-02-05')] },
    { accountId: 2, days: [day('2024-01-03'), day('2024-02-10')] },
    { accountId: 3, days: [day('2024-01-05'), day('2024-01-06'), day('2024-01-29')] },
    // Acquired after the calibration end: not in the cohort.
    { accountId: 4, days: [day('2024-02-01'), day('2024-02-08')] },
  ];
  const report = holdoutReport({ histories, calibrationEnd: '2024-01-31', end: '2024-02-14', unit: 'weeks' });

  it('fits on the calibration period and compares hold-out purchases by calibration frequency', () => {
    expect(report.customers).toBe(3);
    expect(report.holdoutLength).toBe(2);
    expect(report.byFrequency.map((r) => [r.label, r.customers, r.actualMean])).toEqual([['0', 1, 1], ['2', 2, 0.5]]);
    expect(report.holdoutPurchases.actual).toBe(2);
    const customer1 = { x: 2, tx: 19 / 7, T: 30 / 7 };
    const expected = conditionalExpectedPurchases(report.model.params, customer1, 2);
    expect(report.byFrequency[1]!.predictedMean).toBeCloseTo((expected + conditionalExpectedPurchases(report.model.params, { x: 2, tx: 24 / 7, T: 26 / 7 }, 2)) / 2, 12);
  });

  it('tracks the cohort week by week from its first purchase day, marking the hold-out weeks', () => {
    // 1 January to 14 February is 45 days: 7 weeks, the last one cut at the end day.
    expect(report.origin).toBe('2024-01-01');
    expect(report.tracking.map((r) => r.date)).toEqual(['2024-01-07', '2024-01-14', '2024-01-21', '2024-01-28', '2024-02-04', '2024-02-11', '2024-02-14']);
    expect(report.tracking.map((r) => r.holdout)).toEqual([false, false, false, false, true, true, true]);
    // Repeats by week: 6 Jan; 10 Jan; 20 Jan; none; 29 Jan; 5 and 10 Feb; none. Account 4's
    // purchase of 8 February is not the cohort's.
    expect(report.tracking.map((r) => r.actual)).toEqual([1, 2, 3, 3, 4, 6, 6]);
  });

  it('names the field at fault', () => {
    expect(() => holdoutReport({ histories, calibrationEnd: '2024-01-31', end: '2024-01-31', unit: 'weeks' })).toThrow(/end \(2024-01-31\) must be after calibrationEnd/);
    expect(() => holdoutReport({ histories, calibrationEnd: '2024-31-01', end: '2024-12-31', unit: 'weeks' })).toThrow(/calibrationEnd must be a date/);
    expect(() => holdoutReport({ histories, calibrationEnd: '2023-12-31', end: '2024-12-31', unit: 'weeks' })).toThrow(/calibrationEnd: no account has a purchase on or before 2023-12-31/);
    expect(() => holdoutReport({ histories, calibrationEnd: '2024-01-04', end: '2024-12-31', unit: 'weeks' })).toThrow(/no account has a repeat purchase by 2024-01-04/);
  });
});

describe.skipIf(!hasCdnow)('holdoutReport on the CDNOW sample', () => {
  it('gives the paper\'s hold-out figures: 2,357 customers, 1,882 hold-out purchases, 78 tracked weeks', () => {
    const purchases = collapseToPurchaseDays(readCdnowSampleTransactions());
    const histories = purchases.map(({ customerId, days }) => ({ accountId: Number(customerId), days: days.map((d) => day(dayFromNumber(d.day), d.amount)) }));
    const report = holdoutReport({ histories, calibrationEnd: CDNOW_CALIBRATION_END, end: CDNOW_HOLDOUT_END, unit: 'weeks' });
    expect(report.customers).toBe(2357);
    expect(report.model.params.r).toBeCloseTo(fitBgnbd(summarizePurchases(purchases, { calibrationEnd: CDNOW_CALIBRATION_END, unit: 'weeks' })).params.r, 8);
    expect(report.holdoutLength).toBe(39);
    expect(report.holdoutPurchases.actual).toBeCloseTo(1882, 9);
    expect(report.holdoutPurchases.predicted / 1882).toBeGreaterThan(0.85);
    expect(report.tracking).toHaveLength(78);
    expect(report.tracking[38]).toMatchObject({ period: 39, date: '1997-09-30', holdout: false, actual: 2457 });
    expect(report.tracking[39]!.holdout).toBe(true);
    expect(report.tracking[77]).toMatchObject({ period: 78, date: '1998-06-30', actual: 2457 + 1882 });
  });
});
