// The lifetime-value computations that run off the main thread, by name: what a worker is
// asked to do and what it answers. Each is a pure analytics function.
import { type CustomerSummaryRow, fitSummaries, type SummaryFit } from '../../analytics/clv/fit-summaries.js';
import { type HoldoutInput, type HoldoutReport, holdoutReport } from '../../analytics/clv/holdout-report.js';
import type { CustomerHistories } from '../../analytics/clv/customer-histories.js';
import { type PortfolioPrediction, type PortfolioPredictionInput, type PredictionSettings, predictCustomers, predictPortfolio } from '../../analytics/clv/predict-portfolio.js';
import type { TimeUnit } from '../../analytics/clv/time-unit.js';

export interface ClvJobs {
  predict: { input: PortfolioPredictionInput; output: PortfolioPrediction };
  /** predict without the per-account figures, when only the model and totals are wanted. */
  portfolio: { input: PortfolioPredictionInput; output: Omit<PortfolioPrediction, 'accounts'> };
  /** predict from customers already summarised, P(alive) and CLV as columns: what an analysis run sends. */
  predictCustomers: { input: { customers: CustomerHistories; settings: PredictionSettings }; output: ReturnType<typeof predictCustomers> };
  holdout: { input: HoldoutInput; output: HoldoutReport };
  fitSummaries: { input: { rows: CustomerSummaryRow[]; unit: TimeUnit }; output: SummaryFit };
}

export type ClvJobKind = keyof ClvJobs;

export interface ClvJob<K extends ClvJobKind = ClvJobKind> {
  kind: K;
  input: ClvJobs[K]['input'];
}

const RUN: { [K in ClvJobKind]: (input: ClvJobs[K]['input']) => ClvJobs[K]['output'] } = {
  predict: predictPortfolio,
  portfolio: (input) => {
    const { accounts: _, ...rest } = predictPortfolio(input);
    return rest;
  },
  predictCustomers: ({ customers, settings }) => predictCustomers(customers, settings),
  holdout: holdoutReport,
  fitSummaries: ({ rows, unit }) => fitSummaries(rows, unit),
};

export function runClvJob<K extends ClvJobKind>(job: ClvJob<K>): ClvJobs[K]['output'] {
  return RUN[job.kind](job.input);
}
