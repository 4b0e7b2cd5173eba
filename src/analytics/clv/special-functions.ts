// Special functions for the BG/NBD and Gamma-Gamma likelihoods. The models need them for
// positive real arguments only, far into the tails (large purchase counts, long ages), so each
// one is written to stay accurate there rather than to cover the whole complex plane.

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0, to about 1e-14 absolute; NaN for x ≤ 0 or NaN. */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  // Shift the argument up to where Stirling's series is exact to double precision, then undo
  // the shift with one logarithm of the product Γ(x + n) / Γ(x) = x (x + 1) … (x + n − 1).
  let product = 1;
  let y = x;
  while (y < 15) {
    product *= y;
    y += 1;
  }
  const inverse = 1 / y;
  const inverseSquared = inverse * inverse;
  const series = inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared * (1 / 1260 - inverseSquared
    * (1 / 1680 - inverseSquared * (1 / 1188 - inverseSquared * (691 / 360360 - inverseSquared / 156))))));
  return (y - 0.5) * Math.log(y) - y + HALF_LOG_TWO_PI + series - Math.log(product);
}

/** ψ(x) = d/dx ln Γ(x) for x > 0, to about 1e-14; NaN for x ≤ 0 or NaN. */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let result = 0;
  let y = x;
  while (y < 10) {
    result -= 1 / y;
    y += 1;
  }
  const inverseSquared = 1 / (y * y);
  return result + Math.log(y) - 0.5 / y - inverseSquared * (1 / 12 - inverseSquared * (1 / 120 - inverseSquared
    * (1 / 252 - inverseSquared * (1 / 240 - inverseSquared * (1 / 132 - inverseSquared * 691 / 32760)))));
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(e^x + e^y) without overflow or underflow; either may be −∞. */
export function logAddExp(x: number, y: number): number {
  const max = Math.max(x, y);
  if (max === -Infinity) return -Infinity;
  return max + Math.log1p(Math.exp(Math.min(x, y) - max));
}

/** ln Σ e^(values[i]) without overflow or underflow; −∞ for an empty list. */
export function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  if (max === -Infinity || max === Infinity) return max;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}

const MAX_SERIES_TERMS = 1_000_000;

/**
 * (₂F₁(a, b; c; z) − 1) / b for |z| < 1, by the Gauss series.
 *
 * Dividing out b keeps the value finite and accurate as b → 0, where ₂F₁ − 1 vanishes: the
 * BG/NBD expectation divides ₂F₁ − 1 by (a − 1) of the dropout distribution, which may be
 * close to zero. c must not be zero or a negative integer.
 */
export function hyp2f1MinusOneOverB(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1)) throw new RangeError(`hyp2f1: z = ${z} is outside the unit disc`);
  // term_k = (a)_k (b + 1)_(k−1) z^k / ((c)_k k!), so term_1 = a z / c.
  let term = (a * z) / c;
  let sum = term;
  for (let k = 1; k < MAX_SERIES_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    sum += term;
    // Once the terms shrink geometrically the tail is at most |term| / (1 − |ratio|); stopping
    // on the term alone would cut off the slowly decaying series met when z is close to 1.
    const shrink = Math.abs(ratio);
    if (term === 0 || (shrink < 1 && Math.abs(term) <= 1e-16 * (1 - shrink) * Math.abs(sum))) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_SERIES_TERMS} terms`);
}

/** The Gaussian hypergeometric function ₂F₁(a, b; c; z) for |z| < 1. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return 1 + b * hyp2f1MinusOneOverB(a, b, c, z);
}
