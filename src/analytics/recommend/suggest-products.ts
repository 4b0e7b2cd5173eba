// Cross-sell for one account: the products it has not bought that the buyers of its products
// bought, scored by item-to-item collaborative filtering (the sum of the cosine similarities
// between each candidate and the account's products). Each suggestion gives its strongest
// piece of evidence in words. When the account's products lead to fewer candidates than asked
// (a new account, or one whose products are rarely bought), the most bought products fill the list.
import type { CoPurchaseModel, Link } from './co-purchases.js';
import { topK } from './top-k.js';
import type { ProductId } from './types.js';
import { type ProductNames, productName, share } from './wording.js';

export interface SuggestOptions {
  /** How many suggestions (5 by default). */
  limit?: number;
  /** Only these products may be suggested, e.g. the ones still sold; all by default. */
  sellable?: ReadonlySet<ProductId>;
  /** Names for the reasons; a product without one reads "product 12". */
  names?: ProductNames;
}

export interface Evidence {
  /** The account's product whose buyers most often bought the suggested one. */
  boughtProductId: ProductId;
  /** Accounts that bought it. */
  boughtBy: number;
  /** How many of them also bought the suggestion, and which share. */
  together: number;
  confidence: number;
  lift: number;
}

export interface Suggestion {
  productId: ProductId;
  category: string;
  /** Bought-together suggestions: the summed similarity; popular fill: the share of accounts that bought it. */
  score: number;
  basis: 'bought_together' | 'popular';
  evidence: Evidence | null;
  reason: string;
}

interface Candidate {
  product: number;
  score: number;
  /** The account's product with the strongest rule towards this one, and that rule. */
  from: number;
  best: Link;
}

const ranksAbove = (a: Candidate, b: Candidate) => a.score > b.score || (a.score === b.score && a.product < b.product);
const strongerRule = (a: Link, b: Link) => a.confidence > b.confidence || (a.confidence === b.confidence && a.together > b.together);

export function suggestProducts(model: CoPurchaseModel, accountId: number, options: SuggestOptions = {}): Suggestion[] {
  const { limit = 5, sellable, names } = options;
  const { baskets } = model;
  const accounts = baskets.accountIds.length;
  const position = model.basketOf.get(accountId);
  const owned = new Set(position === undefined ? [] : baskets.baskets[position]!);
  const allowed = (p: number) => !owned.has(p) && (!sellable || sellable.has(baskets.productIds[p]!));

  const candidates = new Map<number, Candidate>();
  for (const from of owned) {
    for (const link of model.links[from]!) {
      const candidate = candidates.get(link.product);
      if (candidate) {
        candidate.score += link.cosine;
        if (strongerRule(link, candidate.best)) {
          candidate.from = from;
          candidate.best = link;
        }
      } else if (allowed(link.product)) {
        candidates.set(link.product, { product: link.product, score: link.cosine, from, best: link });
      }
    }
  }

  const top = topK(candidates.values(), limit, ranksAbove);

  const suggestions = top.map(({ product, score, from, best }): Suggestion => {
    const boughtProductId = baskets.productIds[from]!;
    const boughtBy = baskets.buyers[from]!;
    return {
      productId: baskets.productIds[product]!,
      category: baskets.categories[product]!,
      score,
      basis: 'bought_together',
      evidence: { boughtProductId, boughtBy, together: best.together, confidence: best.confidence, lift: best.lift },
      reason: `Bought by ${share(best.confidence)} of the ${boughtBy} accounts that bought ${productName(names, boughtProductId)}, `
        + `against ${share(baskets.buyers[product]! / accounts)} of all accounts.`,
    };
  });

  for (const product of model.popularity) {
    if (suggestions.length >= limit) break;
    if (!allowed(product) || candidates.has(product)) continue;
    const popularShare = baskets.buyers[product]! / accounts;
    suggestions.push({
      productId: baskets.productIds[product]!,
      category: baskets.categories[product]!,
      score: popularShare,
      basis: 'popular',
      evidence: null,
      reason: `One of the most bought products: bought by ${share(popularShare)} of all ${accounts} accounts.`,
    });
  }
  return suggestions;
}
