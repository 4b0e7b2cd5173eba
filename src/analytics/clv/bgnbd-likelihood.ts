// The BG/NBD likelihood (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way",
// equation 6). While alive a customer buys at rate λ ~ Gamma(r, α); after each repeat purchase
// they drop out with probability p ~ Beta(a, b). For a customer with history (x, tx, T):
//
//   L = Γ(r+x) αʳ / Γ(r) · [ B(a, b+x)/B(a, b) · (α+T)^−(r+x)
//                            + 1{x>0} · B(a+1, b+x−1)/B(a, b) · (α+tx)^−(r+x) ]
//
// Each part is computed as a logarithm and the two are joined with log-sum-exp, so no power or
// gamma function is ever formed on its own: large x or T cannot overflow.

import type { WeightedTriple } from './rfm-triples.js';
import { digamma, logBeta, logGamma } from './special-functions.js';

export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgnbdLogLikelihood {
  value: number;
  /** Partial derivatives of `value` with respect to each parameter. */
  gradient: BgnbdParams;
}

/**
 * Triples laid out for repeated evaluation of the likelihood. Recency and age take few
 * distinct values (whole days, or days in weeks), so each evaluation takes the logarithm of
 * α + t once per distinct time instead of twice per triple, and the terms that depend on x
 * only (gamma and beta functions) once per distinct x.
 */
export interface PreparedTriples {
  /** Per triple: its weight and indexes into `frequencies` and `times`. */
  weight: Float64Array;
  frequencyIndex: Int32Array;
  recencyIndex: Int32Array;
  ageIndex: Int32Array;
  /** The distinct x values, and the total weight of the triples having each. */
  frequencies: Float64Array;
  frequencyWeight: Float64Array;
  /** The distinct values among tx and T. */
  times: Float64Array;
  totalWeight: number;
}

/** Lays out compressed triples for bgnbdPreparedLogLikelihood. */
export function prepareTriples(triples: readonly WeightedTriple[]): PreparedTriples {
  const n = triples.length;
  const frequencyOf = new Map<number, number>();
  const timeOf = new Map<number, number>();
  const frequencies: number[] = [];
  const frequencyWeight: number[] = [];
  const times: number[] = [];
  const indexOf = (map: Map<number, number>, list: number[], value: number) => {
    let index = map.get(value);
    if (index === undefined) {
      index = list.length;
      map.set(value, index);
      list.push(value);
    }
    return index;
  };
  const prepared = {
    weight: new Float64Array(n), frequencyIndex: new Int32Array(n), recencyIndex: new Int32Array(n), ageIndex: new Int32Array(n),
  };
  let totalWeight = 0;
  triples.forEach(({ x, tx, T, weight }, i) => {
    const f = indexOf(frequencyOf, frequencies, x);
    frequencyWeight[f] = (frequencyWeight[f] ?? 0) + weight;
    prepared.weight[i] = weight;
    prepared.frequencyIndex[i] = f;
    prepared.recencyIndex[i] = indexOf(timeOf, times, tx);
    prepared.ageIndex[i] = indexOf(timeOf, times, T);
    totalWeight += weight;
  });
  return {
    ...prepared, frequencies: Float64Array.from(frequencies), frequencyWeight: Float64Array.from(frequencyWeight),
    times: Float64Array.from(times), totalWeight,
  };
}

/** The weighted log-likelihood of prepared triples and its gradient. */
export function bgnbdPreparedLogLikelihood(params: BgnbdParams, data: PreparedTriples): BgnbdLogLikelihood {
  const { r, alpha, a, b } = params;
  const { weight, frequencyIndex, recencyIndex, ageIndex, frequencies, frequencyWeight, times, totalWeight } = data;
  const logAlpha = Math.log(alpha);
  const logBetaAB = logBeta(a, b);
  const digammaAB = digamma(a + b);

  const logAlphaPlus = new Float64Array(times.length);
  const inverseAlphaPlus = new Float64Array(times.length);
  for (let i = 0; i < times.length; i++) {
    logAlphaPlus[i] = Math.log(alpha + times[i]!);
    inverseAlphaPlus[i] = 1 / (alpha + times[i]!);
  }

  // Per distinct x: the log-weights of "alive at T" and "dropped out at tx", and the digamma
  // terms of the gradient. Parts every triple with that x shares are summed here once.
  const m = frequencies.length;
  const logAliveWeight = new Float64Array(m);
  const logDeadWeight = new Float64Array(m);
  const digammaBX = new Float64Array(m);
  const digammaBX1 = new Float64Array(m);
  let value = totalWeight * (r * logAlpha - logGamma(r));
  let dR = totalWeight * (logAlpha - digamma(r));
  let dA = totalWeight * digammaAB;
  let dB = totalWeight * (digammaAB - digamma(b));
  for (let f = 0; f < m; f++) {
    const x = frequencies[f]!;
    const w = frequencyWeight[f]!;
    logAliveWeight[f] = logBeta(a, b + x) - logBetaAB;
    logDeadWeight[f] = x > 0 ? logBeta(a + 1, b + x - 1) - logBetaAB : -Infinity;
    digammaBX[f] = digamma(b + x);
    digammaBX1[f] = x > 0 ? digamma(b + x - 1) : 0;
    const digammaABX = digamma(a + b + x);
    value += w * logGamma(r + x);
    dR += w * digamma(r + x);
    dA -= w * digammaABX;
    dB -= w * digammaABX;
  }

  let dAlpha = (totalWeight * r) / alpha;
  for (let i = 0; i < weight.length; i++) {
    const f = frequencyIndex[i]!;
    const w = weight[i]!;
    const rx = r + frequencies[f]!;
    const age = ageIndex[i]!;
    const recency = recencyIndex[i]!;
    const logAlphaT = logAlphaPlus[age]!;
    // Still alive at T, or dropped out right after the last purchase at tx.
    const alive = logAliveWeight[f]! - rx * logAlphaT;
    const dead = logDeadWeight[f]! - rx * logAlphaPlus[recency]!;
    let logSum: number;
    let wAlive: number;
    let wDead: number;
    if (dead === -Infinity) {
      logSum = alive;
      wAlive = 1;
      wDead = 0;
    } else {
      // log-sum-exp of the two, with the posterior weight of each.
      const smaller = Math.exp(-Math.abs(alive - dead));
      const larger = 1 / (1 + smaller);
      logSum = Math.max(alive, dead) + Math.log1p(smaller);
      wAlive = alive >= dead ? larger : smaller * larger;
      wDead = 1 - wAlive;
    }
    value += w * logSum;
    dR -= w * (wAlive * logAlphaT + wDead * logAlphaPlus[recency]!);
    dAlpha -= w * rx * (wAlive * inverseAlphaPlus[age]! + wDead * inverseAlphaPlus[recency]!);
    dA += (w * wDead) / a;
    dB += w * (wAlive * digammaBX[f]! + wDead * digammaBX1[f]!);
  }
  return { value, gradient: { r: dR, alpha: dAlpha, a: dA, b: dB } };
}

/** The weighted log-likelihood of the triples and its gradient. */
export function bgnbdLogLikelihoodWithGradient(params: BgnbdParams, triples: readonly WeightedTriple[]): BgnbdLogLikelihood {
  return bgnbdPreparedLogLikelihood(params, prepareTriples(triples));
}

/** The weighted log-likelihood of the triples. */
export function bgnbdLogLikelihood(params: BgnbdParams, triples: readonly WeightedTriple[]): number {
  return bgnbdLogLikelihoodWithGradient(params, triples).value;
}
