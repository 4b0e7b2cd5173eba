// The learned part of cross-sell: for each product, the products its buyers also bought, with
// how strongly. Strength is the cosine similarity of the two products' buyer sets (shared
// buyers / √(buyers of X × buyers of Y)), which, unlike confidence, does not favour a product
// just because everybody buys it. Confidence and lift ride along for the reasons.
import type { Baskets } from './baskets.js';
import { forEachPairRow, minPairCount } from './pair-counts.js';
import type { RecommendSettings } from './settings.js';
import { topK } from './top-k.js';

export interface Link {
  /** Dense index of the other product. */
  product: number;
  /** Accounts that bought both. */
  together: number;
  cosine: number;
  /** Share of the buyers of this product that also bought the other. */
  confidence: number;
  /** Confidence over the other product's share of all accounts: above 1 when bought together more than by chance. */
  lift: number;
}

export interface CoPurchaseModel {
  baskets: Baskets;
  /** Position of each account in `baskets`. */
  basketOf: ReadonlyMap<number, number>;
  /** Fewest accounts behind a link. */
  minCount: number;
  /** Per product (dense index), its strongest links by cosine, among those with a lift above 1. */
  links: readonly (readonly Link[])[];
  /** Dense indices from the most bought product, ties by id. */
  popularity: readonly number[];
}

function* rowIndices(length: number) {
  for (let k = 0; k < length; k++) yield k;
}

export function learnCoPurchases(baskets: Baskets, settings: RecommendSettings): CoPurchaseModel {
  const accounts = baskets.accountIds.length;
  const minCount = minPairCount(accounts, settings.minSupport, settings.minAccounts);
  const links: Link[][] = baskets.productIds.map(() => []);
  forEachPairRow(baskets, minCount, settings.maxBasketSize, (i, others, together, length) => {
    const buyersI = baskets.buyers[i]!;
    const cosines = new Float64Array(length);
    for (let k = 0; k < length; k++) {
      const buyersJ = baskets.buyers[others[k]!]!;
      // Bought together no more often than by chance (lift ≤ 1) is no reason to suggest it.
      cosines[k] = together[k]! * accounts > buyersI * buyersJ ? together[k]! / Math.sqrt(buyersI * buyersJ) : 0;
    }
    // Only the strongest links of the row become objects.
    const stronger = (x: number, y: number) => cosines[x]! > cosines[y]!
      || (cosines[x] === cosines[y] && (together[x]! > together[y]! || (together[x] === together[y] && others[x]! < others[y]!)));
    const strongest = topK(rowIndices(length), settings.neighbours, stronger);
    links[i] = strongest.filter((k) => cosines[k]! > 0).map((k) => ({
      product: others[k]!,
      together: together[k]!,
      cosine: cosines[k]!,
      confidence: together[k]! / buyersI,
      lift: (together[k]! * accounts) / (buyersI * baskets.buyers[others[k]!]!),
    }));
  });
  const popularity = baskets.productIds.map((_, index) => index)
    .sort((x, y) => baskets.buyers[y]! - baskets.buyers[x]! || x - y);
  return {
    baskets,
    basketOf: new Map(baskets.accountIds.map((id, position) => [id, position])),
    minCount,
    links,
    popularity,
  };
}
