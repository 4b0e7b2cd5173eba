// Maximum-likelihood fitting of models whose parameters are all positive (BG/NBD, Gamma-Gamma).
// The search runs over the logarithms of the parameters, so it needs no bounds and takes steps
// of a similar size whatever the unit of time or money.

import { invertPositiveDefinite, numericalHessian } from './hessian.js';
import { minimizeLbfgs, type ValueAndGradient } from './lbfgs.js';

/** The log-likelihood and its gradient with respect to the (positive) parameters. */
export type LogLikelihood = (params: readonly number[]) => ValueAndGradient;

export interface PositiveFit {
  values: number[];
  /**
   * From the observed information (the numerical Hessian of the log-likelihood at the
   * estimate), carried to the natural scale by the delta method; NaN when the Hessian is not
   * positive definite, as happens when the maximum lies on a boundary.
   */
  standardErrors: number[];
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/**
 * Maximises the log-likelihood from `start`. `size` is the number of observations it sums
 * over: the search works on the mean so that one tolerance suits any amount of data.
 */
export function fitPositiveParameters(logLikelihood: LogLikelihood, start: readonly number[], size: number): PositiveFit {
  const negativeTotalGradient = (logParams: readonly number[]) => {
    const params = logParams.map(Math.exp);
    return logLikelihood(params).gradient.map((g, i) => -g * params[i]!);
  };
  const result = minimizeLbfgs((logParams) => {
    const params = logParams.map(Math.exp);
    const { value, gradient } = logLikelihood(params);
    return { value: -value / size, gradient: gradient.map((g, i) => (-g * params[i]!) / size) };
  }, start.map(Math.log), { gradientTolerance: 1e-7, maxIterations: 1000 });

  const values = result.x.map(Math.exp);
  const covariance = invertPositiveDefinite(numericalHessian(negativeTotalGradient, result.x));
  const standardErrors = values.map((value, i) => {
    const variance = covariance?.[i]?.[i];
    return variance !== undefined && variance > 0 ? value * Math.sqrt(variance) : NaN;
  });
  return { values, standardErrors, logLikelihood: -result.value * size, iterations: result.iterations, converged: result.converged };
}
