// Item-to-item similarity: the products most alike a given one, by the cosine of their buyer
// sets, among those bought together with it more often than by chance (lift above 1).
import type { CoPurchaseModel } from './co-purchases.js';
import type { ProductId } from './types.js';

export interface SimilarProduct {
  productId: ProductId;
  /** Shared buyers / √(buyers of one × buyers of the other): 1 when exactly the same accounts bought both. */
  cosine: number;
  /** Accounts that bought both. */
  together: number;
}

/** The most similar products first; empty for a product nobody bought or that has no frequent pair. */
export function similarProducts(model: CoPurchaseModel, productId: ProductId, limit = 10): SimilarProduct[] {
  const index = model.baskets.indexOf.get(productId);
  if (index === undefined) return [];
  return model.links[index]!.slice(0, limit).map((link) => ({
    productId: model.baskets.productIds[link.product]!,
    cosine: link.cosine,
    together: link.together,
  }));
}
