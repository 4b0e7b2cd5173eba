import { describe, expect, it } from 'vitest';
import { buildBaskets } from './baskets.js';
import { learnCoPurchases } from './co-purchases.js';
import { resolveRecommendSettings } from './settings.js';
import { similarProducts } from './similar-products.js';
import { OFFICE } from './testing/lines.js';

const model = learnCoPurchases(buildBaskets(OFFICE), resolveRecommendSettings({ minSupport: 0.25, minAccounts: 2 }));

describe('item-to-item similarity', () => {
  it('ranks the products bought with one by the cosine of their buyer sets', () => {
    // Paper (5 buyers) with Toner (4): 3 shared, 3/√20; with Pens (2): 2 shared, 2/√10.
    expect(similarProducts(model, 1)).toEqual([
      { productId: 2, cosine: 3 / Math.sqrt(20), together: 3 },
      { productId: 3, cosine: 2 / Math.sqrt(10), together: 2 },
    ]);
    // Laptop (4) and Dock (3): 3 shared.
    expect(similarProducts(model, 4)).toEqual([{ productId: 5, cosine: 3 / Math.sqrt(12), together: 3 }]);
  });

  it('leaves out pairs bought together less than by chance, and pairs below the support', () => {
    // Paper and Laptop share 2 buyers where 5 × 4 / 8 = 2.5 were expected by chance (lift 0.8).
    expect(similarProducts(model, 4).map((s) => s.productId)).not.toContain(1);
    // Toner and Pens share a single buyer.
    expect(similarProducts(model, 3).map((s) => s.productId)).toEqual([1]);
  });

  it('returns at most the limit, and nothing for a product nobody bought', () => {
    expect(similarProducts(model, 1, 1).map((s) => s.productId)).toEqual([2]);
    expect(similarProducts(model, 99)).toEqual([]);
  });

  it('keeps at most the configured neighbours per product', () => {
    const narrow = learnCoPurchases(buildBaskets(OFFICE), resolveRecommendSettings({ minSupport: 0.25, minAccounts: 2, neighbours: 1 }));
    expect(similarProducts(narrow, 1).map((s) => s.productId)).toEqual([2]);
  });
});
