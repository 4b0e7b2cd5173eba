// Hold-out validation of a fitted BG/NBD model, as in the conditional-expectations and
// cumulative tracking charts of Fader, Hardie & Lee (2005): predictions from the calibration
// period set against what customers then did. The rows are plain data, ready to be charted.

import type { BgnbdParams } from './bgnbd-likelihood.js';
import { conditionalExpectedPurchases, expectedPurchases } from './bgnbd-predictions.js';
import type { RfmTriple } from './rfm-triples.js';
import type { TrackingHistory } from './summarize-transactions.js';

export interface HoldoutCustomer extends RfmTriple {
  /** Purchases made in the hold-out period. */
  holdoutPurchases: number;
}

export interface FrequencyGroupRow {
  /** Repeat purchases in the calibration period; the last group holds this many or more. */
  calibrationFrequency: number;
  /** "0", "1", … and "7+" for the open last group. */
  label: string;
  customers: number;
  actualMean: number;
  predictedMean: number;
}

/**
 * Mean hold-out purchases, actual and predicted by E[Y(holdoutLength) | x, tx, T], for customers
 * grouped by calibration frequency 0, 1, …, maxFrequency − 1 and maxFrequency or more. Groups
 * without customers are left out.
 */
export function conditionalExpectationsByFrequency(
  params: BgnbdParams,
  customers: readonly HoldoutCustomer[],
  holdoutLength: number,
  maxFrequency = 7,
): FrequencyGroupRow[] {
  const groups = Array.from({ length: maxFrequency + 1 }, () => ({ customers: 0, actual: 0, predicted: 0 }));
  for (const customer of customers) {
    const group = groups[Math.min(customer.x, maxFrequency)]!;
    group.customers++;
    group.actual += customer.holdoutPurchases;
    group.predicted += conditionalExpectedPurchases(params, customer, holdoutLength);
  }
  return groups.flatMap((group, frequency) => group.customers === 0 ? [] : [{
    calibrationFrequency: frequency,
    label: frequency === maxFrequency ? `${frequency}+` : String(frequency),
    customers: group.customers,
    actualMean: group.actual / group.customers,
    predictedMean: group.predicted / group.customers,
  }]);
}

export interface CumulativeRow {
  /** Period number, 1 for the first; period k ends at time k × periodLength. */
  period: number;
  actual: number;
  predicted: number;
}

/**
 * Cumulative repeat purchases of the cohort at the end of each period, actual and expected:
 * the expectation sums E[X(t − birth)] over customers born before t, using only the fitted
 * parameters, so beyond the calibration period it is a genuine forecast.
 */
export function cumulativeRepeatPurchases(
  params: BgnbdParams,
  histories: readonly TrackingHistory[],
  periods: number,
  periodLength = 1,
): CumulativeRow[] {
  const birthCounts = new Map<number, number>();
  const purchaseTimes: number[] = [];
  for (const { birth, repeatTimes } of histories) {
    birthCounts.set(birth, (birthCounts.get(birth) ?? 0) + 1);
    purchaseTimes.push(...repeatTimes);
  }
  purchaseTimes.sort((a, b) => a - b);
  const rows: CumulativeRow[] = [];
  let counted = 0;
  for (let period = 1; period <= periods; period++) {
    const end = period * periodLength;
    while (counted < purchaseTimes.length && purchaseTimes[counted]! < end) counted++;
    let predicted = 0;
    for (const [birth, count] of birthCounts) if (birth < end) predicted += count * expectedPurchases(params, end - birth);
    rows.push({ period, actual: counted, predicted });
  }
  return rows;
}
