// How many accounts bought each pair of products, counted product by product: for product i,
// walk the baskets that hold it and tally the others in a dense scratch row, then hand on only
// the pairs that reach the minimum. Nothing the size of the pair table is ever stored, so
// memory follows what the caller keeps, not the 12.5 million pairs a 5,000-product catalogue
// could form; the work is the sum over accounts of (products held)², bounded by capping each basket.
import type { Baskets } from './baskets.js';

/** Fewest accounts behind a pair: the min-support share of the accounts, and never fewer than `minAccounts`. */
export function minPairCount(accountCount: number, minSupport: number, minAccounts: number): number {
  return Math.max(minAccounts, Math.ceil(minSupport * accountCount - 1e-9));
}

/**
 * Calls `visit(i, others, together, length)` for each product i (dense index, ascending) with
 * the products that at least `minCount` accounts bought along with it: `others[0..length)` and
 * how many accounts bought both, `together[0..length)`. Both arrays are reused for the next
 * product, so a caller copies what it keeps. Pairs are counted among each account's
 * `maxBasketSize` most often bought products that could still reach `minCount`.
 */
export function forEachPairRow(
  b: Baskets,
  minCount: number,
  maxBasketSize: number,
  visit: (i: number, others: Int32Array, together: Int32Array, length: number) => void,
): void {
  const productCount = b.productIds.length;
  // A product bought by fewer accounts than the minimum cannot be in a frequent pair (Apriori).
  const capped = b.ranked.map((products) => products.filter((p) => b.buyers[p]! >= minCount).slice(0, maxBasketSize));

  // Which capped baskets hold each product, as one flat array with offsets.
  const start = new Int32Array(productCount + 1);
  for (const basket of capped) for (const p of basket) start[p + 1]!++;
  for (let p = 0; p < productCount; p++) start[p + 1]! += start[p]!;
  const holders = new Int32Array(start[productCount]!);
  const fill = start.slice(0, productCount);
  capped.forEach((basket, h) => { for (const p of basket) holders[fill[p]!++] = h; });

  const tally = new Int32Array(productCount);
  const touched = new Int32Array(productCount);
  const others = new Int32Array(productCount);
  const together = new Int32Array(productCount);
  for (let i = 0; i < productCount; i++) {
    let touchedCount = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      for (const j of capped[holders[k]!]!) {
        if (j !== i && tally[j]!++ === 0) touched[touchedCount++] = j;
      }
    }
    let length = 0;
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      if (tally[j]! >= minCount) {
        others[length] = j;
        together[length++] = tally[j]!;
      }
      tally[j] = 0;
    }
    if (length > 0) visit(i, others, together, length);
  }
}
