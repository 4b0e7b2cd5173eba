import { describe, expect, it } from 'vitest';
import {
  CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, hasCdnow, readCdnowSampleTransactions, readCdnowSpend, readCdnowSummary,
} from './testing/cdnow.js';
import { collapseToPurchaseDays, summarizeTransactions, trackingHistories } from './summarize-transactions.js';

describe.skipIf(!hasCdnow)('summarizeTransactions on CDNOW_sample.txt', () => {
  const transactions = hasCdnow ? readCdnowSampleTransactions() : [];
  const summaries = hasCdnow
    ? summarizeTransactions(transactions, { calibrationEnd: CDNOW_CALIBRATION_END, holdoutEnd: CDNOW_HOLDOUT_END, unit: 'weeks' })
    : [];
  const byId = new Map(summaries.map((s) => [s.customerId, s]));

  it('reproduces cdnow_customers_summary.csv exactly, to the two decimals it prints', () => {
    const published = readCdnowSummary();
    expect(summaries).toHaveLength(published.length);
    for (const row of published) {
      const summary = byId.get(row.id)!;
      expect(summary.x).toBe(row.x);
      expect(summary.tx.toFixed(2)).toBe(row.tx.toFixed(2));
      expect(summary.T.toFixed(2)).toBe(row.T.toFixed(2));
    }
  });

  it('reproduces the mean repeat spend of the summary with transactions, to the cent', () => {
    for (const row of readCdnowSpend()) {
      const summary = byId.get(row.id)!;
      // Means in cents, rounded half up as the file was.
      expect(Math.floor(summary.meanValue + 0.5)).toBe(Math.round(row.zbar * 100));
    }
  });

  it('counts the hold-out purchases up to 30 June 1998: 1,882 in all', () => {
    expect(summaries.reduce((sum, s) => sum + s.holdoutPurchases, 0)).toBe(1882);
    // Customer 1 bought on 1997-01-01, 01-18, 08-02 and 12-12: two repeat purchases in calibration, one after.
    expect(byId.get('1')).toMatchObject({ firstPurchase: '1997-01-01', x: 2, holdoutPurchases: 1 });
  });

  it('puts the whole cohort on one clock for tracking, with every repeat purchase up to the hold-out end', () => {
    const histories = trackingHistories(collapseToPurchaseDays(transactions), { origin: '1997-01-01', end: CDNOW_HOLDOUT_END, unit: 'weeks' });
    expect(histories).toHaveLength(2357);
    const repeats = histories.reduce((sum, h) => sum + h.repeatTimes.length, 0);
    expect(repeats).toBe(2457 + 1882);
    expect(Math.max(...histories.map((h) => h.birth))).toBeLessThan(12);
  });
});

describe('summarizeTransactions', () => {
  const options = { calibrationEnd: '2024-01-31', holdoutEnd: '2024-03-31', unit: 'days' as const };

  it('merges a customer\'s purchases of one day into one repeat purchase and averages repeat spend', () => {
    const [summary] = summarizeTransactions([
      { customerId: 'a', date: '2024-01-01', amount: 1000 },
      { customerId: 'a', date: '2024-01-11', amount: 300 },
      { customerId: 'a', date: '2024-01-11', amount: 200 },
      { customerId: 'a', date: '2024-01-21', amount: 1500 },
      { customerId: 'a', date: '2024-02-10', amount: 999 },
      { customerId: 'a', date: '2024-04-10', amount: 999 },
    ], options);
    expect(summary).toEqual({ customerId: 'a', firstPurchase: '2024-01-01', x: 2, tx: 20, T: 30, meanValue: 1000, holdoutPurchases: 1 });
  });

  it('measures in weeks as days / 7 and ignores the order of the log', () => {
    const [summary] = summarizeTransactions([
      { customerId: 'b', date: '2024-01-15', amount: 1 },
      { customerId: 'b', date: '2024-01-01', amount: 1 },
    ], { ...options, unit: 'weeks' });
    expect(summary).toMatchObject({ x: 1, tx: 2, T: 30 / 7 });
  });

  it('leaves out customers acquired after the calibration end', () => {
    const summaries = summarizeTransactions([
      { customerId: 'early', date: '2024-01-31', amount: 1 },
      { customerId: 'late', date: '2024-02-01', amount: 1 },
    ], options);
    expect(summaries.map((s) => s.customerId)).toEqual(['early']);
    expect(summaries[0]).toMatchObject({ x: 0, tx: 0, T: 0, meanValue: 0 });
  });

  it('names the transaction and field of a bad date or amount', () => {
    expect(() => summarizeTransactions([
      { customerId: 'a', date: '2024-01-01', amount: 1 }, { customerId: 'a', date: '2024-02-30', amount: 1 },
    ], options)).toThrow(/transactions\[1\]\.date must be a date written YYYY-MM-DD, got "2024-02-30"/);
    expect(() => summarizeTransactions([{ customerId: 'a', date: '2024-01-01', amount: NaN }], options)).toThrow(/transactions\[0\]\.amount/);
    expect(() => summarizeTransactions([], { ...options, holdoutEnd: '2023-12-31' })).toThrow(/holdoutEnd/);
  });
});
