// How `clientele predict` and `clientele fit` print fitted models: each parameter with its
// standard error, the log-likelihood, and the check the spend model asks for.
import type { ParameterFit } from '../analytics/clv/clv-model.js';
import type { FrequencyMonetaryCheck } from '../analytics/clv/gamma-gamma.js';
import { formatFields } from './format-output.js';

const figure = (value: number) => (Number.isFinite(value) ? value.toFixed(4) : '–');

export function estimateLines<P extends object>(title: string, fit: ParameterFit<P>, notes: Partial<Record<keyof P, string>> = {}): string {
  const params = fit.params as Record<string, number>;
  const errors = fit.standardErrors as Record<string, number>;
  const rows = Object.keys(params).map((key) => {
    const error = errors[key]!;
    const note = (notes as Record<string, string | undefined>)[key];
    return [key, `${figure(params[key]!)}  ± ${Number.isFinite(error) ? error.toFixed(4) : '– (not identified)'}${note ? `  ${note}` : ''}`] as const;
  });
  const convergence = fit.converged ? '' : '  (did not converge: treat with care)';
  return [title, formatFields([...rows, ['log-likelihood', `${fit.logLikelihood.toFixed(2)}${convergence}`]])].join('\n');
}

export function correlationLine(check: FrequencyMonetaryCheck): string {
  const r = Number.isFinite(check.correlation) ? check.correlation.toFixed(3) : '–';
  const verdict = check.stronglyCorrelated
    ? 'above 0.3: spend rises or falls with frequency, so the spend model\'s premise is doubtful'
    : 'within ±0.3: frequency and spend are nearly independent, as the spend model assumes';
  return `  frequency–spend correlation ${r} over ${check.customers.toLocaleString('en-US')} repeat buyers (${verdict})`;
}
