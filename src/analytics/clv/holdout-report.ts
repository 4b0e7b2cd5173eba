// The hold-out check of the BG/NBD model on a portfolio's own histories, as chart-ready data:
// fit on the calibration period, then set what the model expected against what customers did
// in the hold-out period (Fader, Hardie & Lee 2005, figures 2 and 4).

import { dayFromNumber } from '../portfolio/calendar.js';
import type { PurchaseHistory } from '../../domain/portfolio/facts.js';
import { fitBgnbd } from './bgnbd-fit.js';
import type { BgnbdParams } from './bgnbd-likelihood.js';
import type { ParameterFit } from './clv-model.js';
import { requireDay } from './customer-histories.js';
import { conditionalExpectationsByFrequency, cumulativeRepeatPurchases, type FrequencyGroupRow } from './holdout.js';
import { type CustomerPurchases, summarizePurchases, trackingHistories } from './summarize-transactions.js';
import { DAYS_PER_UNIT, TIME_UNITS, type TimeUnit } from './time-unit.js';

export interface HoldoutInput {
  histories: readonly PurchaseHistory[];
  /** Last day of the calibration period (YYYY-MM-DD, inclusive). */
  calibrationEnd: string;
  /** Last day of the hold-out period (YYYY-MM-DD, inclusive). */
  end: string;
  unit: TimeUnit;
}

export interface TrackingRow {
  /** Period number from the cohort's first purchase day; period k ends k units after it. */
  period: number;
  /** The last day of the period. */
  date: string;
  /** Whether the period ends after the calibration end. */
  holdout: boolean;
  /** Cumulative repeat purchases of the cohort by the end of the period, and what the model expected. */
  actual: number;
  predicted: number;
}

export interface HoldoutReport {
  calibrationEnd: string;
  end: string;
  unit: TimeUnit;
  /** Length of the hold-out period in units. */
  holdoutLength: number;
  /** The cohort: accounts with a first purchase by the calibration end. */
  customers: number;
  /** The first purchase day of the cohort, where the tracking periods start. */
  origin: string;
  /** The BG/NBD model fitted on the calibration period alone. */
  model: ParameterFit<BgnbdParams>;
  /** Mean hold-out purchases per customer, actual and predicted, by repeat purchases in calibration (0…6, 7+). */
  byFrequency: FrequencyGroupRow[];
  /** Hold-out purchases of the whole cohort, actual and predicted. */
  holdoutPurchases: { actual: number; predicted: number };
  tracking: TrackingRow[];
}

/** Throws a RangeError naming the field when the periods or the unit are unusable, or the calibration has no repeat purchase. */
export function holdoutReport(input: HoldoutInput): HoldoutReport {
  const { calibrationEnd, end, unit } = input;
  const calibrationDay = requireDay(calibrationEnd, 'calibrationEnd');
  const endDay = requireDay(end, 'end');
  if (!TIME_UNITS.includes(unit)) throw new RangeError(`unit must be one of ${TIME_UNITS.join(', ')}, got "${unit}"`);
  if (endDay <= calibrationDay) throw new RangeError(`end (${end}) must be after calibrationEnd (${calibrationEnd})`);
  const perUnit = DAYS_PER_UNIT[unit];

  const cohort: CustomerPurchases[] = [];
  let origin = Infinity;
  for (const { accountId, days } of input.histories) {
    if (!days[0] || days[0].day > calibrationEnd) continue;
    const purchases = days.map(({ day, revenue }) => ({ day: requireDay(day, `histories[${accountId}].day`), amount: revenue }));
    origin = Math.min(origin, purchases[0]!.day);
    cohort.push({ customerId: String(accountId), days: purchases });
  }
  if (cohort.length === 0) throw new RangeError(`calibrationEnd: no account has a purchase on or before ${calibrationEnd}`);
  const summaries = summarizePurchases(cohort, { calibrationEnd, holdoutEnd: end, unit });
  if (!summaries.some((s) => s.x > 0)) {
    throw new RangeError(`calibrationEnd: no account has a repeat purchase by ${calibrationEnd}, so the model cannot be fitted on that period`);
  }
  const fit = fitBgnbd(summaries);
  const model = { params: fit.params, standardErrors: fit.standardErrors, logLikelihood: fit.logLikelihood, converged: fit.converged, iterations: fit.iterations };
  const holdoutLength = (endDay - calibrationDay) / perUnit;
  const byFrequency = conditionalExpectationsByFrequency(fit.params, summaries, holdoutLength);

  const originDay = dayFromNumber(origin);
  const periods = Math.ceil((endDay - origin + 1) / perUnit);
  const tracking = cumulativeRepeatPurchases(fit.params, trackingHistories(cohort, { origin: originDay, end, unit }), periods)
    .map((row) => {
      // Period k covers the days before origin + k units; its last day is the one before that.
      const lastDay = Math.min(endDay, origin + Math.ceil(row.period * perUnit) - 1);
      return { period: row.period, date: dayFromNumber(lastDay), holdout: lastDay > calibrationDay, actual: row.actual, predicted: row.predicted };
    });
  return {
    calibrationEnd, end, unit, holdoutLength, customers: summaries.length, origin: originDay, model, byFrequency,
    holdoutPurchases: {
      actual: byFrequency.reduce((sum, row) => sum + row.actualMean * row.customers, 0),
      predicted: byFrequency.reduce((sum, row) => sum + row.predictedMean * row.customers, 0),
    },
    tracking,
  };
}
