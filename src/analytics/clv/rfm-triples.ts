// The BG/NBD model sees a customer only through three numbers, all in one unit of time (days or
// weeks) counted from the customer's first purchase: x, the number of repeat purchases; tx, the
// time of the last one (0 when x = 0); and T, the time from the first purchase to the end of
// the observation period.

export interface RfmTriple {
  x: number;
  tx: number;
  T: number;
}

/** A triple standing for `weight` customers who share it. */
export interface WeightedTriple extends RfmTriple {
  weight: number;
}

/**
 * Merges identical triples into one with a weight, so the likelihood is computed once per
 * distinct history: with ages and recencies in whole days, a cohort of a hundred thousand
 * customers shrinks to a few thousand triples. Triples that already carry a weight keep it.
 * Throws a RangeError naming the entry when a triple is impossible.
 */
export function compressTriples(triples: readonly (RfmTriple | WeightedTriple)[]): WeightedTriple[] {
  // Keyed by T, then tx, then x, as numbers: building a string key from each triple costs more
  // than the rest of the fit when times are fractions of a week.
  const byAge = new Map<number, Map<number, Map<number, WeightedTriple>>>();
  const merged: WeightedTriple[] = [];
  triples.forEach((triple, index) => {
    checkTriple(triple, index);
    const weight = 'weight' in triple ? triple.weight : 1;
    let byRecency = byAge.get(triple.T);
    if (!byRecency) byAge.set(triple.T, (byRecency = new Map()));
    let byFrequency = byRecency.get(triple.tx);
    if (!byFrequency) byRecency.set(triple.tx, (byFrequency = new Map()));
    const existing = byFrequency.get(triple.x);
    if (existing) {
      existing.weight += weight;
    } else {
      const entry = { x: triple.x, tx: triple.tx, T: triple.T, weight };
      byFrequency.set(triple.x, entry);
      merged.push(entry);
    }
  });
  return merged;
}

function checkTriple(triple: RfmTriple | WeightedTriple, index: number): void {
  const { x, tx, T } = triple;
  const fail = (field: string, rule: string) => {
    throw new RangeError(`triples[${index}].${field} ${rule} (x = ${x}, tx = ${tx}, T = ${T})`);
  };
  if (!Number.isInteger(x) || x < 0) fail('x', 'must be a whole number of repeat purchases, 0 or more');
  if (!Number.isFinite(T) || T < 0) fail('T', 'must be a finite time of 0 or more');
  if (!Number.isFinite(tx) || tx < 0 || tx > T) fail('tx', 'must lie between 0 and T');
  if (x === 0 && tx !== 0) fail('tx', 'must be 0 when there is no repeat purchase');
  if ('weight' in triple && !(triple.weight > 0 && Number.isFinite(triple.weight))) fail('weight', 'must be a positive number');
}
