import { describe, expect, it } from 'vitest';
import { evaluateRecommender } from '../../analytics/recommend/evaluate.js';
import { resolveRecommendSettings } from '../../analytics/recommend/settings.js';
import type { OrderLineFact } from '../../analytics/recommend/types.js';
import { cents } from '../../domain/money.js';
import { generatePortfolio } from './generate-portfolio.js';

// The demo's purchases carry co-purchase structure a recommender can learn: each sector buys
// mostly from its own four categories (demo-catalogue.ts), so the products of related
// categories are bought by the same accounts, while popularity only knows what sells overall.
function demoLines(seed: number) {
  const portfolio = generatePortfolio({ seed, accounts: 2000, endDate: '2026-01-01T00:00:00.000Z' });
  const productIds = new Map(portfolio.products.map((p, i) => [p.sku, i + 1]));
  const categories = new Map(portfolio.products.map((p) => [p.sku, p.category]));
  const lines: OrderLineFact[] = [];
  let accountId = 0;
  for (const record of portfolio.records()) {
    accountId++;
    for (const order of record.orders) {
      // What the store counts as a purchase (confirmed, shipped or invoiced).
      if (order.status === 'draft' || order.status === 'cancelled' || order.status === 'returned') continue;
      for (const l of order.lines) {
        lines.push({
          accountId, orderedAt: order.orderedAt, productId: productIds.get(l.productSku!)!, category: categories.get(l.productSku!)!,
          quantity: l.quantity, totalCents: cents(l.totalCents),
        });
      }
    }
  }
  const sellable = new Set(portfolio.products.filter((p) => p.active).map((p) => productIds.get(p.sku)!));
  return { lines, sellable };
}

describe('cross-sell on the demo portfolio', () => {
  it('beats the most popular products on precision and recall at 5, learning from 2021–2024 and tested on 2025', () => {
    const { lines, sellable } = demoLines(42);
    const result = evaluateRecommender(lines, resolveRecommendSettings(), { cutoff: '2025-01-01', k: 5, sellable });
    // Enough accounts that the comparison is not luck.
    expect(result.accounts).toBeGreaterThan(400);
    expect(result.recommender.precisionAtK).toBeGreaterThan(result.baseline.precisionAtK * 1.2);
    expect(result.recommender.recallAtK).toBeGreaterThan(result.baseline.recallAtK * 1.2);
  });
});
