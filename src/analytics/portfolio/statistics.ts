// The few statistics the classifications share, over plain numbers.

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

export function sortedAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Quantile with linear interpolation between order statistics (R type 7, numpy's default). */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  // (n − 1) × p can miss a whole position by a rounding error (100 × 0.07 is 7.000000000000001),
  // which would lift the quantile off the value that sits exactly on it.
  const raw = (sorted.length - 1) * p;
  const position = Math.abs(raw - Math.round(raw)) <= raw * 1e-12 ? Math.round(raw) : raw;
  const below = Math.floor(position);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (upper - lower) * (position - below);
}

export function median(values: readonly number[]): number | null {
  return quantile(sortedAscending(values), 0.5);
}

/** How many of the sorted values are below `value` (with `orEqual`, at or below it). */
export function countBelow(sorted: ArrayLike<number>, value: number, orEqual = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value || (orEqual && sorted[middle] === value)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The values sorted ascending, natively rather than through a comparison callback. */
export function sortedNumbers(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Where each value stands among the others, from 0 (lowest) to 1 (highest). Tied values share
 * the middle of their ranks, so equal inputs always get equal ranks; a single value gets 0.5.
 */
export function percentRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 1) return [0.5];
  const sorted = sortedNumbers(values);
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const start = countBelow(sorted, values[i]!);
    const end = countBelow(sorted, values[i]!, true) - 1;
    ranks[i] = (start + end) / 2 / (n - 1);
  }
  return ranks;
}

/**
 * Gini coefficient of non-negative values: 0 when all are equal, approaching 1 when one holds
 * everything (at most 1 − 1/n for n values). Null when there is nothing to share.
 */
export function gini(values: ArrayLike<number>): number | null {
  const sorted = sortedNumbers(values);
  const n = sorted.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i]!;
  if (n === 0 || total <= 0) return null;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * sorted[i]!;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Rounded to a whole number, halves away from zero (2.5 → 3, −2.5 → −3), as money is rounded. */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** Sorts the first `length` values in place: an insertion sort, quicker than a native sort on the few gaps of one account. */
export function sortSmall(values: Float64Array, length: number) {
  for (let i = 1; i < length; i++) {
    const value = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > value) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = value;
  }
}
