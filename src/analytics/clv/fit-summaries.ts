// Fitting from per-customer summaries, for analysts who have x, t_x and T (and perhaps the mean
// repeat purchase value) from elsewhere rather than the orders themselves.

import { fitBgnbd } from './bgnbd-fit.js';
import type { BgnbdParams } from './bgnbd-likelihood.js';
import type { ParameterFit } from './clv-model.js';
import { fitGammaGamma, frequencyMonetaryCorrelation, type FrequencyMonetaryCheck, type GammaGammaParams } from './gamma-gamma.js';
import type { RfmTriple } from './rfm-triples.js';
import type { TimeUnit } from './time-unit.js';

export interface CustomerSummaryRow extends RfmTriple {
  /** Mean value of the repeat purchases, in any currency unit; γ comes out in it. */
  meanValue?: number;
}

export interface SummaryFit {
  unit: TimeUnit;
  customers: number;
  repeatCustomers: number;
  bgnbd: ParameterFit<BgnbdParams> & { distinctHistories: number };
  /** Present when every row has a mean value. */
  gammaGamma: (ParameterFit<GammaGammaParams> & { customers: number }) | null;
  frequencyMonetary: FrequencyMonetaryCheck | null;
}

/** Fits BG/NBD on the rows, and Gamma-Gamma when they carry mean values; RangeErrors say what the data lacks. */
export function fitSummaries(rows: readonly CustomerSummaryRow[], unit: TimeUnit): SummaryFit {
  const bgnbd = fitBgnbd(rows.map(({ x, tx, T }) => ({ x, tx, T })));
  const spend = rows.every((row) => row.meanValue !== undefined) ? rows.map(({ x, meanValue }) => ({ x, meanValue: meanValue! })) : null;
  const gammaGamma = spend && fitGammaGamma(spend);
  return {
    unit,
    customers: rows.length,
    repeatCustomers: rows.filter((row) => row.x > 0).length,
    bgnbd: {
      params: bgnbd.params, standardErrors: bgnbd.standardErrors, logLikelihood: bgnbd.logLikelihood,
      converged: bgnbd.converged, iterations: bgnbd.iterations, distinctHistories: bgnbd.distinctTriples,
    },
    gammaGamma: gammaGamma && {
      params: gammaGamma.params, standardErrors: gammaGamma.standardErrors, logLikelihood: gammaGamma.logLikelihood,
      converged: gammaGamma.converged, iterations: gammaGamma.iterations, customers: gammaGamma.customers,
    },
    frequencyMonetary: spend && frequencyMonetaryCorrelation(spend),
  };
}
