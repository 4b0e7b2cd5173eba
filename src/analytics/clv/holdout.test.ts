import { describe, expect, it } from 'vitest';
import { fitBgnbd } from './bgnbd-fit.js';
import type { BgnbdParams } from './bgnbd-likelihood.js';
import { conditionalExpectedPurchases, expectedPurchases } from './bgnbd-predictions.js';
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, hasCdnow, readCdnowSampleTransactions } from './testing/cdnow.js';
import { conditionalExpectationsByFrequency, cumulativeRepeatPurchases } from './holdout.js';
import { collapseToPurchaseDays, summarizePurchases, trackingHistories } from './summarize-transactions.js';

const paper: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe.skipIf(!hasCdnow)('hold-out check on the CDNOW sample: fit on 39 weeks, predict the next 39', () => {
  const purchases = hasCdnow ? collapseToPurchaseDays(readCdnowSampleTransactions()) : [];
  const customers = summarizePurchases(purchases, { calibrationEnd: CDNOW_CALIBRATION_END, holdoutEnd: CDNOW_HOLDOUT_END, unit: 'weeks' });
  const { params } = hasCdnow ? fitBgnbd(customers) : { params: paper };

  it('predicts hold-out purchases by calibration frequency close to what customers did (the paper\'s conditional expectations)', () => {
    const rows = conditionalExpectationsByFrequency(params, customers, 39);
    expect(rows.map((row) => row.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(rows.reduce((sum, row) => sum + row.customers, 0)).toBe(2357);
    expect(rows.reduce((sum, row) => sum + row.actualMean * row.customers, 0)).toBeCloseTo(1882, 9);
    // Those who bought more in calibration buy more afterwards, in the data and in the model.
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.predictedMean).toBeGreaterThan(rows[i - 1]!.predictedMean);
    // The model under-forecasts this hold-out by about 12 % (1,653 against 1,882), but no group
    // is off by more than 0.4 purchases per customer.
    const predictedTotal = rows.reduce((sum, row) => sum + row.predictedMean * row.customers, 0);
    expect(predictedTotal / 1882).toBeGreaterThan(0.85);
    expect(predictedTotal / 1882).toBeLessThan(1);
    for (const row of rows) expect(Math.abs(row.predictedMean - row.actualMean)).toBeLessThan(0.4);
  });

  it('tracks cumulative repeat purchases week by week over calibration and hold-out (the paper\'s tracking chart)', () => {
    const histories = trackingHistories(purchases, { origin: '1997-01-01', end: CDNOW_HOLDOUT_END, unit: 'weeks' });
    const rows = cumulativeRepeatPurchases(params, histories, 78);
    expect(rows).toHaveLength(78);
    expect(rows[38]).toMatchObject({ period: 39, actual: 2457 });
    expect(rows[77]).toMatchObject({ period: 78, actual: 2457 + 1882 });
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.actual).toBeGreaterThanOrEqual(rows[i - 1]!.actual);
      expect(rows[i]!.predicted).toBeGreaterThan(rows[i - 1]!.predicted);
    }
    expect(Math.abs(rows[38]!.predicted / rows[38]!.actual - 1)).toBeLessThan(0.03);
    expect(Math.abs(rows[77]!.predicted / rows[77]!.actual - 1)).toBeLessThan(0.05);
  });
});

describe('hold-out comparisons', () => {
  it('groups customers by calibration frequency with an open last group', () => {
    const customers = [
      { x: 0, tx: 0, T: 30, holdoutPurchases: 1 }, { x: 0, tx: 0, T: 20, holdoutPurchases: 0 },
      { x: 2, tx: 10, T: 30, holdoutPurchases: 3 }, { x: 9, tx: 25, T: 30, holdoutPurchases: 4 }, { x: 12, tx: 29, T: 30, holdoutPurchases: 8 },
    ];
    const rows = conditionalExpectationsByFrequency(paper, customers, 39, 7);
    expect(rows.map(({ label, customers: n, actualMean }) => ({ label, n, actualMean }))).toEqual([
      { label: '0', n: 2, actualMean: 0.5 }, { label: '2', n: 1, actualMean: 3 }, { label: '7+', n: 2, actualMean: 6 },
    ]);
    const expected = (conditionalExpectedPurchases(paper, customers[3]!, 39) + conditionalExpectedPurchases(paper, customers[4]!, 39)) / 2;
    expect(rows[2]!.predictedMean).toBeCloseTo(expected, 12);
  });

  it('counts a purchase in the period it falls in and forecasts only for customers already born', () => {
    const histories = [{ birth: 0, repeatTimes: [0.5, 1, 2.5] }, { birth: 1.5, repeatTimes: [] }];
    const rows = cumulativeRepeatPurchases(paper, histories, 3);
    expect(rows.map((row) => row.actual)).toEqual([1, 2, 3]);
    expect(rows[0]!.predicted).toBeCloseTo(expectedPurchases(paper, 1), 12);
    expect(rows[2]!.predicted).toBeCloseTo(expectedPurchases(paper, 3) + expectedPurchases(paper, 1.5), 12);
  });
});
